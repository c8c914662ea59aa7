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
            guard plan.eventIndex(event) != nil else {
                if plan.fixedEvent(event) != nil {
                    print("'\(event)' is a fixed event: the plan gives its dates.")
                    return
                }
                let hint =
                    Diagnostics.Suggestion.didYouMean(event, among: plan.events.map(\.id.value)).map { "; \($0)" } ?? ""
                Terminal.printError("error: no event '\(event)' in \(self.plan)\(hint)")
                throw ExitCode(ExitStatus.invalidInput)
            }
            var request = solve.request(deadline: deadline, announced: try solve.announced(for: plan))
            request.findConflict = false  // `plan` prints the conflict; explain says to run it
            let solved = try solve.solved(plan, request)
            // The model is of the plan as placed: an optional event left out is not in it.
            guard let placed = solved.model.activity(event) else {
                let reason = solved.unplaced.first { $0.event.id.value == event }?.keptOutBy ?? []
                print("'\(event)' is left out (optional); these rules could not all hold with it placed:")
                for origin in reason { print("  \(origin.location): \(origin.text)") }
                return
            }
            print(
                Explanation.render(model: solved.model, assignment: solved.assignment, activity: placed), terminator: ""
            )
        }
    }
}
