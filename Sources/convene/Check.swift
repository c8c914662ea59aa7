import ArgumentParser
import Foundation
import PlanFile
import Planning

extension Convene {
    /// `convene check PLAN`: validates a plan and reports every problem.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a plan file and report every problem as path:line:col.",
            discussion: "Exits 0 when the plan is valid and 1 when it is not."
        )

        @Argument(help: "The plan file (YAML).")
        var plan: String

        func run() throws {
            let loaded = try SolveOptions().loadPlan(plan)
            print(
                "\(plan): ok — \(loaded.events.count) events to place, \(loaded.fixedEvents.count) fixed, "
                    + "\(loaded.people.count) people, \(loaded.audiences.count) audiences, "
                    + "\(loaded.files.count) file(s)"
            )
        }
    }
}
