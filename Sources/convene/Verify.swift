import ArgumentParser
import Foundation
import Planning
import Scheduler

extension Convene {
    /// `convene verify PLAN SCHEDULE.json`: checks a (hand-edited) schedule against every hard rule.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a schedule against every hard rule of a plan.",
            discussion: "Exits 0 when every rule holds, 3 with each violation otherwise, 1 for invalid input."
        )

        @Argument(help: "The plan file (YAML).")
        var plan: String

        @Argument(help: "The schedule (schedule.json).")
        var schedule: String

        func run() throws {
            var plan = try SolveOptions().loadPlan(self.plan)
            let document = try ScheduleFile.read(schedule)
            // Optional events the schedule left out are checked as left out: the rest must hold
            // without them. A required event cannot be left out.
            for entry in document.events where entry.isUnplaced {
                guard let event = plan.event(entry.id), event.priority != nil,
                    case .success(let without) = PlanChange.drop(event: entry.id).applied(to: plan, at: event.location)
                else {
                    Terminal.printError(
                        "\(schedule): error: event '\(entry.id)' is unplaced but not optional in the plan")
                    throw ExitCode(ExitStatus.infeasible)
                }
                plan = without
            }
            let model = ModelBuilder.build(plan)
            let check = ScheduleCheck(model: model, document: document)
            for problem in check.placementProblems { Terminal.printError("\(schedule): error: \(problem)") }
            for r in check.brokenRules {
                let origin = model.problem.rules[r].origin
                Terminal.printError("\(origin.location): error: broken rule: \(origin.text)")
            }
            guard check.isValid else {
                Terminal.printError("\(check.placementProblems.count + check.brokenRules.count) violation(s)")
                throw ExitCode(ExitStatus.infeasible)
            }
            print("\(schedule): every hard rule of \(self.plan) holds (\(plan.events.count) events)")
        }
    }
}
