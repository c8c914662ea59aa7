import ArgumentParser
import Foundation
import PlanFile
import Planning
import Scheduler
import Chronology

/// Options shared by the commands that solve a plan.
struct SolveOptions: ParsableArguments {
    @Option(help: "Seed for tie-breaking and search; the same seed gives the same schedule.")
    var seed: UInt64 = 0

    @Option(name: .customLong("time-limit"), help: "Seconds to search before returning the best schedule found.")
    var timeLimit: Double = 30

    @Option(name: .customLong("keep"), help: "A published schedule.json to change as little as possible.")
    var keep: String?

    /// Loads and validates the plan; on errors prints them and exits 1.
    func loadPlan(_ path: String) throws -> Plan {
        let result = PlanLoader.load(path)
        guard let plan = result.plan else {
            Terminal.report(result.diagnostics)
            throw ExitCode(ExitStatus.invalidInput)
        }
        let (imported, problems) = ImportedCalendars.apply(to: plan)
        Terminal.report(result.diagnostics + problems)
        guard !problems.hasErrors else { throw ExitCode(ExitStatus.invalidInput) }  // warnings do not stop a plan
        return imported
    }

    /// The announced schedule named by `--keep`, as starts by event id.
    func announced(for plan: Plan) throws -> [String: Announced] {
        guard let keep else { return [:] }
        let document = try ScheduleFile.read(keep)
        return ScheduleFile.announced(document, plan: plan)
    }

    func solverOptions() -> SolverOptions {
        var options = SolverOptions()
        options.seed = seed
        options.timeLimit = timeLimit
        return options
    }
}

/// Reading schedule.json files a user names.
enum ScheduleFile {
    static func read(_ path: String) throws -> ScheduleDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            Terminal.printError("\(path):1:1: error: cannot read the schedule file; check the path")
            throw ExitCode(ExitStatus.invalidInput)
        }
        do {
            return try JSONDecoder().decode(ScheduleDocument.self, from: data)
        } catch {
            Terminal.printError("\(path):1:1: error: not a schedule document (\(JSONErrorText.describe(error))); write it with convene plan --out")
            throw ExitCode(ExitStatus.invalidInput)
        }
    }

    static func announced(_ document: ScheduleDocument, plan: Plan) -> [String: Announced] {
        var result: [String: Announced] = [:]
        for entry in document.events where !entry.fixed {
            guard let event = plan.events.first(where: { $0.id.value == entry.id }),
                  let start = Timestamp.parseRFC3339(entry.startUTC) else { continue }
            let day: Int
            if entry.allDay, case .success(let date) = Chronology.CivilDate.parse(entry.start) {
                day = date.dayNumber
            } else {
                day = start / 1440
            }
            _ = event
            result[entry.id] = Announced(start: start, day: day)
        }
        return result
    }
}

/// A decoding error in words.
enum JSONErrorText {
    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted(let context): return context.debugDescription
        default: return "\(error)"
        }
    }
}
