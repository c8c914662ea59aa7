import ArgumentParser
import Foundation
import PlanFile
import Chronology
import Pictures
import Planning
import Scheduler

extension Convene {
    /// `convene plan PLAN`: places every event and prints the schedule.
    struct PlanCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Place every event of a plan and print the schedule.",
            discussion:
                "Exits 0 when solved, 3 when the plan cannot be satisfied "
                + "(a minimal set of conflicting rules is printed), 1 for invalid input, "
                + "4 when no schedule was found within the time limit."
        )

        @Argument(help: "The plan file (YAML).")
        var plan: String

        @Option(help: "Write DIR/schedule.json.")
        var out: String?

        @Option(help: "table or json.")
        var format: OutputFormat = .table

        @Option(
            name: .customLong("export-model"),
            help: "Write the solver model as JSON (docs/model-format.md) for the CP-SAT reference.")
        var exportModel: String?

        @OptionGroup var solve: SolveOptions

        enum OutputFormat: String, ExpressibleByArgument {
            case table, json
        }

        func run() throws {
            let deadline = solve.startClock()
            let plan = try solve.loadPlan(self.plan)
            let announced = try solve.announced(for: plan)
            var request = solve.request(deadline: deadline, announced: announced)
            request.progress = ProgressLine.reporter()
            if let exportModel {
                request.modelBuilt = { model in
                    let json = ModelExport.json(
                        model.problem, calendar: plan.calendar.id.value, rooms: plan.rooms.map(\.id.value))
                    try AtomicFile.write(json, to: exportModel)
                }
            }
            let solved = try solve.solved(plan, request, json: format == .json)
            let (model, result, assignment) = (solved.model, solved.result, solved.assignment)
            let document = solved.document(seed: solve.seed)
            if let out {
                try AtomicFile.write(document.json(), to: (out as NSString).appendingPathComponent("schedule.json"))
                let today = Timestamp.utc(Int(Date().timeIntervalSince1970) / 60).prefix(10)
                let timeline = YearTimeline(
                    model: model, assignment: assignment, today: try? CivilDate.parse(String(today)).get())
                try AtomicFile.write(timeline.html(), to: (out as NSString).appendingPathComponent("timeline.html"))
                if plan.summit != nil && !plan.rooms.isEmpty {
                    try AtomicFile.write(
                        SummitGrid(model: model, assignment: assignment).html(),
                        to: (out as NSString).appendingPathComponent("summit.html"))
                }
            }
            switch format {
            case .json: Swift.print(document.json(), terminator: "")
            case .table:
                Swift.print(
                    ScheduleTable.render(model: model, result: result, announced: announced, unplaced: solved.unplaced),
                    terminator: "")
            }
        }
    }
}
