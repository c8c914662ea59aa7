import ArgumentParser
import Importing

extension Convene {
    /// `convene import FILE --out DIR`: a frab/pretalx programme becomes a plan.
    struct ImportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Make a plan from a frab/pretalx schedule.json or schedule.xml.",
            discussion: """
                Writes DIR/<id>.yaml (id from the conference's acronym), the files it includes in \
                DIR/<id>/, and DIR/<id>.previous.json, the programme's times as a schedule for \
                `convene plan DIR/<id>.yaml --keep DIR/<id>.previous.json`. Exits 1, writing nothing, \
                when the file breaks the schedule schema or DIR already holds a plan.
                """
        )

        @Argument(help: "The programme: schedule.json or schedule.xml (frab schedule format).")
        var file: String

        @Option(name: .long, help: "The folder to write the plan into; it must not hold a plan yet.")
        var out: String

        @Flag(name: .long, help: "Pin every session at the time it has in the programme.")
        var pin = false

        @Flag(name: .long, help: "Replace DIR even when it already holds a plan.")
        var force = false

        func run() throws {
            let outcome = PlanImport.run(PlanImport.Options(input: file, out: out, pin: pin, force: force))
            for problem in outcome.problems { Terminal.printError(problem.description) }
            guard let plan = outcome.planPath else { throw ExitCode(ExitStatus.invalidInput) }
            print("\(plan): imported from \(file) — \(outcome.summary ?? "")")
            if let previous = outcome.previousPath { print("\(previous): the programme's times (use with --keep)") }
        }
    }
}
