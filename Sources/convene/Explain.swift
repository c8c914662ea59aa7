import ArgumentParser
import Foundation
import Planning
import Scheduler
import Diagnostics

extension Convene {
    /// `convene explain PLAN EVENT`: why an event is where it is.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain why an event is where it is: what stops it moving, and what it costs."
        )

        @Argument(help: "The plan file (YAML).")
        var plan: String

        @Argument(help: "The id of the event.")
        var event: String

        @OptionGroup var solve: SolveOptions

        func run() throws {
            let deadline = solve.startClock()
            let plan = try solve.loadPlan(self.plan)
            let model = try solve.buildModel(plan, previous: try solve.announced(for: plan), deadline: deadline)
            guard let a = model.activity(event) else {
                let hint = Diagnostics.Suggestion.didYouMean(event, among: plan.events.map(\.id.value)).map { "; \($0)" } ?? ""
                if plan.fixedEvents.contains(where: { $0.id.value == event }) {
                    print("'\(event)' is a fixed event: the plan gives its dates.")
                    return
                }
                Terminal.printError("error: no event '\(event)' in \(self.plan)\(hint)")
                throw ExitCode(ExitStatus.invalidInput)
            }
            let result = Solver(model.problem, options: solve.solverOptions(deadline: deadline)).solve()
            guard let assignment = result.assignment else {
                Terminal.printError("error: the plan has no schedule (\(result.status.rawValue)); run convene plan to see why")
                // 3 when proven infeasible, 4 when the time ran out first (docs/cli.md).
                throw ExitCode(result.status == .infeasible ? ExitStatus.infeasible : ExitStatus.noSolution)
            }
            print(Explanation.render(model: model, assignment: assignment, activity: a), terminator: "")
        }
    }
}
