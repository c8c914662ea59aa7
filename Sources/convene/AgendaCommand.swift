import Agenda
import ArgumentParser
import Foundation
import Planning
import Publishing
import Scheduler

extension Convene {
    /// `convene agenda PLAN --out DIR`: timetables a summit and renders its agenda documents.
    struct AgendaCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "agenda",
            abstract:
                "Timetable a summit and render its programme, day, track, session and speaker pages "
                + "(HTML and Markdown).",
            discussion:
                "Templates come from templates/ or --templates DIR "
                + "(docs/agenda-templates.md lists the names they may use)."
        )

        @Argument(help: "The summit's plan file (YAML).")
        var plan: String

        @Option(help: "The folder to write; replaced in one step.")
        var out: String

        @Option(help: "A folder of Mustache templates to use instead of templates/.")
        var templates: String = "templates"

        @OptionGroup var solve: SolveOptions

        func run() throws {
            let deadline = solve.startClock()
            let renderer: AgendaRenderer
            do {
                renderer = try AgendaRenderer(directory: templates)
            } catch {
                Terminal.report(error.diagnostics)
                throw ExitCode(ExitStatus.invalidInput)
            }
            let plan = try solve.loadPlan(self.plan)
            let solved = try solve.solved(
                plan, solve.request(deadline: deadline, announced: try solve.announced(for: plan)))
            let (model, result, assignment) = (solved.model, solved.result, solved.assignment)
            var files: [String: String]
            do {
                files = try renderer.render(model: model, assignment: assignment)
            } catch {
                Terminal.report(error.diagnostics)
                throw ExitCode(ExitStatus.invalidInput)
            }
            let schedule = solved.document(seed: solve.seed)
            files["schedule.json"] = schedule.json()
            do {
                if plan.summit != nil {
                    let programme = FrabSchedule(
                        plan: plan, schedule: schedule,
                        links: .agenda(plan.calendar.url ?? "http://localhost:8080"))
                    files.merge(try programme.files()) { _, frab in frab }
                }
                try ReleaseWriter.writeRelease(files, to: out)
            } catch {
                Terminal.printError("\(out): error: \(error)")
                throw ExitCode(ExitStatus.invalidInput)
            }
            print(
                "\(out): \(files.count) agenda files (\(result.status.rawValue), "
                    + "objective \(PlanUnits.weighted(result.objective ?? 0)))"
            )
        }
    }
}
