import Planning
import Scheduler

/// Prints why a plan cannot be satisfied: a minimal set of its rules, each with its position.
enum InfeasibilityReport {
    static func print(model: PlanModel) {
        let conflict = ConflictFinder.minimalConflict(in: model.problem)
        Terminal.printError("\(model.plan.files.first ?? "plan"): error: the plan cannot be satisfied; these \(conflict.rules.count) rules cannot all hold "
            + "(remove or relax any one of them and the rest can)\(conflict.provenMinimal ? "" : " — some checks timed out, so a smaller set may exist"):")
        for r in conflict.rules {
            let origin = model.problem.rules[r].origin
            Terminal.printError("\(origin.location): note: \(origin.text)")
        }
    }
}
