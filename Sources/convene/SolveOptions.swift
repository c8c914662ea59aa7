import ArgumentParser
import Foundation
import PlanFile
import Planning
import Scheduler
import Chronology

/// Options shared by the commands that solve a plan: plain data, checked in `validate()`.
struct SolveOptions: ParsableArguments {
    @Option(help: "Seed for tie-breaking and search; the same seed gives the same schedule.")
    var seed: UInt64 = 0

    @Option(
        name: .customLong("time-limit"),
        help: """
            Seconds for the whole command (reading, modelling, solving, explaining): a cap; \
            the best schedule found by then is used, and the output says the clock cut the search.
            """
    )
    var timeLimit: Double = 120

    @Option(
        name: .customLong("work-limit"),
        help: ArgumentHelp(
            "Search nodes before the best schedule found is used: the same plan, seed and work limit "
                + "give the same schedule on any machine (unless --time-limit comes first).")
    )
    var workLimit: Int = 1_000_000

    @Option(
        help: ArgumentHelp(
            "Solver threads: the main search and neighbourhood searches beside it, meeting at fixed work "
                + "points. The schedule depends on the plan, seed, work limit and this number, never on "
                + "timing; give it to get the same schedule on machines with other core counts.",
            valueName: "n"))
    var workers: Int = SolveOptions.defaultWorkers

    /// This machine's cores, at most 8.
    static var defaultWorkers: Int { min(8, max(1, ProcessInfo.processInfo.activeProcessorCount)) }

    @Option(name: .customLong("keep"), help: "A published schedule.json to change as little as possible.")
    var keep: String?

    func validate() throws {
        guard timeLimit.isFinite, timeLimit >= 0 else {
            throw ValidationError("--time-limit takes a number of seconds, 0 or more")
        }
        guard workLimit > 0 else { throw ValidationError("--work-limit takes a number of search nodes, 1 or more") }
        guard (1...64).contains(workers) else { throw ValidationError("--workers takes a number of threads, 1 to 64") }
    }

    /// The command's deadline: `--time-limit` from now. Commands start it first thing.
    func startClock() -> Deadline { Deadline(seconds: timeLimit) }

    /// What the solve leaves for the work after it (the table, feeds, an explanation): 5 % of
    /// the limit, at least 0.3 s, at most 2 s.
    var reserve: Double { min(2, max(0.3, timeLimit * 0.05)) }

    /// Loads and validates the plan and the calendars it imports; on errors prints them and
    /// exits 1. Warnings are printed and the plan is used.
    func loadPlan(_ path: String) throws -> Plan {
        let (plan, diagnostics) = SolvePipeline.load(path)
        Terminal.report(diagnostics)
        guard let plan else { throw ExitCode(ExitStatus.invalidInput) }
        return plan
    }

    /// The announced schedule named by `--keep`, as starts by event id.
    func announced(for plan: Plan) throws -> [String: Announced] {
        guard let keep else { return [:] }
        return try ScheduleFile.read(keep).announced(for: plan)
    }

    /// The pipeline's request for these options.
    func request(deadline: Deadline, announced: [String: Announced]) -> SolvePipeline.Request {
        var request = SolvePipeline.Request(deadline: deadline)
        request.seed = seed
        request.timeLimit = timeLimit
        request.nodeLimit = workLimit
        request.workers = workers
        request.reserve = reserve
        request.announced = announced
        return request
    }

    /// Solves the plan; when there is no schedule, prints why and exits with its code — the one
    /// place the pipeline's outcomes become exit codes (docs/cli.md).
    ///
    /// - Parameter json: also print an infeasible plan's document to stdout (`--format json`).
    func solved(_ plan: Plan, _ request: SolvePipeline.Request, json: Bool = false) throws -> SolvePipeline.Solved {
        let outcome: SolvePipeline.Outcome
        defer { ProgressLine.clear() }
        do {
            outcome = try SolvePipeline.solve(plan, request)
            ProgressLine.clear()  // before anything below prints
        } catch {
            switch error {
            case .modelTimeLimit(let limit):
                Terminal.printError(
                    "\(plan.files.first ?? "plan"): error: the time limit (\(timeLimit) s) passed while building "
                        + "the model (\(limit.eventsModelled) of \(limit.events) events' possible times enumerated); "
                        + "raise --time-limit, "
                        + "or use a coarser granularity or narrower windows")
                throw ExitCode(ExitStatus.noSolution)
            case .modelHandler(let error):
                throw error
            }
        }
        switch outcome {
        case .solved(let solved):
            return solved
        case .infeasible(let model, let findings):
            if !findings.isEmpty {
                InfeasibilityReport.print(model: model, findings: findings)
                if json { Swift.print(InfeasibilityDocument(model: model, findings: findings).json(), terminator: "") }
            } else {
                Terminal.printError("error: the plan has no schedule (infeasible); run convene plan to see why")
            }
            throw ExitCode(ExitStatus.infeasible)
        case .noSchedule(_, let result):
            // Say which limit ended the search: raising the other one changes nothing.
            if result.stoppedByTime {
                Terminal.printError("no schedule found within \(timeLimit) s; raise --time-limit")
            } else {
                Terminal.printError(
                    "no schedule found within --work-limit \(workLimit) (search nodes); raise --work-limit")
            }
            throw ExitCode(ExitStatus.noSolution)
        }
    }
}

/// Reading schedule.json files a user names.
enum ScheduleFile {
    /// A schedule lists each event once: a few hundred kilobytes for a year or a summit.
    static let sizeLimit = 64 * 1_048_576

    static func read(_ path: String) throws -> ScheduleDocument {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
            size.intValue > sizeLimit
        {
            Terminal.printError(
                "\(path):1:1: error: the schedule file is over the \(sizeLimit / 1_048_576) MB limit; "
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
            Terminal.printError(
                "\(path):1:1: error: not a schedule document (\(JSONErrorText.describe(error))); "
                    + "write it with convene plan --out"
            )
            throw ExitCode(ExitStatus.invalidInput)
        }
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
