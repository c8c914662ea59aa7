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

    @Option(name: .customLong("time-limit"),
            help: "Seconds for the whole command (reading, modelling, solving, explaining); the best schedule found by then is used.")
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
        guard problems.isEmpty else { throw ExitCode(ExitStatus.invalidInput) }
        return imported
    }

    /// The announced schedule named by `--keep`, as starts by event id.
    func announced(for plan: Plan) throws -> [String: Announced] {
        guard let keep else { return [:] }
        let document = try ScheduleFile.read(keep)
        return ScheduleFile.announced(document, plan: plan)
    }

    /// The command's deadline: `--time-limit` from now. Commands start it first thing.
    func startClock() -> Deadline { Deadline(seconds: timeLimit) }

    /// What the solve leaves for the work after it (the table, feeds, an explanation): 5 % of
    /// the limit, at least 0.3 s, at most 2 s.
    var reserve: Double { min(2, max(0.3, timeLimit * 0.05)) }

    func solverOptions(deadline: Deadline? = nil) -> SolverOptions {
        var options = SolverOptions()
        options.seed = seed
        options.timeLimit = timeLimit
        options.deadline = deadline?.reserving(reserve)
        return options
    }

    /// The plan's model, built within the deadline; when the deadline passes first, says so and
    /// exits 4 (no schedule within the time limit).
    func buildModel(_ plan: Plan, previous: [String: Announced], deadline: Deadline) throws -> PlanModel {
        do {
            return try ModelBuilder.build(plan, previous: previous, deadline: deadline.reserving(reserve))
        } catch {
            Terminal.printError("\(plan.files.first ?? "plan"): error: the time limit (\(timeLimit) s) passed while building the model "
                + "(\(error.eventsModelled) of \(error.events) events' possible times enumerated); raise --time-limit, "
                + "or use a coarser granularity or narrower windows")
            throw ExitCode(ExitStatus.noSolution)
        }
    }
}

/// Reading schedule.json files a user names.
enum ScheduleFile {
    /// A schedule lists each event once: a few hundred kilobytes for a year or a summit.
    static let sizeLimit = 64 * 1_048_576

    static func read(_ path: String) throws -> ScheduleDocument {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber, size.intValue > sizeLimit {
            Terminal.printError("\(path):1:1: error: the schedule file is over the \(sizeLimit / 1_048_576) MB limit; "
                + "write it with convene plan --out")
            throw ExitCode(ExitStatus.invalidInput)
        }
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
