import Planning
import Scheduler

/// Prints why a plan cannot be satisfied: a minimal set of its rules, each with its position.
enum InfeasibilityReport {
    /// The conflict as found (`SolvePipeline`); one not proven minimal says so.
    static func print(model: PlanModel, conflict: ConflictFinder.Conflict) {
        let file = model.plan.files.first ?? "plan"
        let cut = conflict.provenMinimal ? "" : " — the time limit cut the search, so a smaller set may exist"
        if conflict.rules.count == 1 {
            Terminal.printError("\(file): error: the plan cannot be satisfied; this rule cannot hold on its own\(cut):")
        } else {
            Terminal.printError(
                "\(file): error: the plan cannot be satisfied; these \(conflict.rules.count) rules cannot all hold "
                    + "(remove or relax any one of them and the rest can)\(cut):")
        }
        for r in conflict.rules {
            let origin = model.problem.rules[r].origin
            Terminal.printError("\(origin.location): note: \(origin.text)")
        }
    }
}
