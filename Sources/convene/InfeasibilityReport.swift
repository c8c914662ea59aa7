import Planning
import Scheduler

/// Prints why a plan cannot be satisfied: a minimal set of its rules, each with its position.
enum InfeasibilityReport {
    /// - Parameter deadline: when to stop looking for a smaller set; the set found by then is
    ///   printed, marked as possibly not minimal.
    static func print(model: PlanModel, deadline: Deadline? = nil) {
        let conflict = ConflictFinder.minimalConflict(in: model.problem, deadline: deadline)
        let file = model.plan.files.first ?? "plan"
        let cut = conflict.provenMinimal ? "" : " — the time limit cut the search, so a smaller set may exist"
        if conflict.rules.count == 1 {
            Terminal.printError("\(file): error: the plan cannot be satisfied; this rule cannot hold on its own\(cut):")
        } else {
            Terminal.printError("\(file): error: the plan cannot be satisfied; these \(conflict.rules.count) rules cannot all hold "
                + "(remove or relax any one of them and the rest can)\(cut):")
        }
        for r in conflict.rules {
            let origin = model.problem.rules[r].origin
            Terminal.printError("\(origin.location): note: \(origin.text)")
        }
    }
}
