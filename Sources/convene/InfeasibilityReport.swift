import Planning
import Scheduler

/// Prints why a plan cannot be satisfied: each minimal set of its rules, each rule with its
/// position, and the changes that would resolve it, smallest first.
enum InfeasibilityReport {
    /// At most this many repairs are printed per conflict; `--format json` has them all.
    static let repairsShown = 6

    static func print(model: PlanModel, findings: [Finding]) {
        let file = model.plan.files.first ?? "plan"
        if findings.count > 1 {
            Terminal.printError(
                "\(file): error: the plan cannot be satisfied: \(findings.count) independent conflicts "
                    + "(each needs its own change)"
            )
        }
        for (k, finding) in findings.enumerated() {
            let conflict = finding.conflict
            let cut =
                conflict.provenMinimal
                ? "" : " — not proven the smallest: a limit cut the search, so a smaller set may exist"
            let which = findings.count > 1 ? "conflict \(k + 1)" : "the plan cannot be satisfied"
            if conflict.rules.count == 1 {
                Terminal.printError("\(file): error: \(which); this rule cannot hold on its own\(cut):")
            } else {
                Terminal.printError(
                    "\(file): error: \(which); these \(conflict.rules.count) rules cannot all hold "
                        + "(remove or relax any one of them and the rest can)\(cut):")
            }
            for r in conflict.rules {
                let origin = model.problem.rules[r].origin
                Terminal.printError("\(origin.location): note: \(origin.text)")
            }
            guard !finding.repairs.isEmpty else {
                Terminal.printError("\(file): note: no single change to a window, gap, hour, pin or blackout was found")
                continue
            }
            Terminal.printError("\(file): note: any one of these changes makes it work (checked by solving):")
            for repair in finding.repairs.prefix(repairsShown) {
                Terminal.printError("\(repair.location): repair: \(repair.sentence)")
            }
            if finding.repairs.count > repairsShown {
                Terminal.printError(
                    "\(file): note: \(finding.repairs.count - repairsShown) more in convene plan --format json")
            }
        }
    }
}
