import Chronology
import Diagnostics
import Foundation
import PlanFile
import Scheduler

/// Load → model → solve → (when infeasible) explain: the one path `plan`, `publish`, `agenda`
/// and `explain` share, returning what it came to for the command to print.
///
/// Every step reads the same `deadline`, so `--time-limit` bounds the whole command.
public enum SolvePipeline {
    /// How to solve: plain data the commands fill from their options.
    public struct Request: Sendable {
        public var seed: UInt64 = 0
        /// The solver's own time limit, counted from its creation.
        public var timeLimit: Double = 120
        /// The search's work limit in nodes: what makes a solve repeatable on any machine. The
        /// defaults are the command line's (docs/cli.md).
        public var nodeLimit = 1_000_000
        /// When the command must be done.
        public var deadline: Deadline
        /// What the solve leaves for the work after it (printing, writing files).
        public var reserve: Double = 0.3
        /// Where events were announced (`--keep`, the publish ledger), to move as few as possible.
        public var announced: [String: Announced] = [:]
        /// Whether an infeasible plan gets its minimal conflicts and their repairs (commands
        /// that print them).
        public var findConflict = true
        /// At most this many independent conflicts are reported.
        public var conflictLimit = 5
        /// Called with the model once it is built, before solving (`--export-model`), so the
        /// model is built once and within the deadline.
        public var modelBuilt: (@Sendable (PlanModel) throws -> Void)?
        public var progress: (@Sendable (Double, Int?, Int) -> Void)?

        /// Threads of the solver's portfolio; conflict and repair searches use one.
        public var workers = 1
        public init(deadline: Deadline) { self.deadline = deadline }

        var solverOptions: SolverOptions {
            var options = SolverOptions()
            options.seed = seed
            options.timeLimit = timeLimit
            options.nodeLimit = nodeLimit
            options.deadline = deadline.reserving(reserve)
            options.progress = progress
            options.workers = workers
            return options
        }
    }

    /// A schedule, with the model it answers.
    public struct Solved: Sendable {
        /// The model of the plan as placed: without the optional events left out.
        public let model: PlanModel
        public let result: SolveResult
        public let assignment: [Int]
        /// The optional events an over-full plan left out, lowest priority first, each with the
        /// rules that kept it out.
        public var unplaced: [Unplaced] = []

        /// The schedule document, the unplaced events included.
        public func document(seed: UInt64) -> ScheduleDocument {
            ScheduleDocument(model: model, result: result, seed: seed, unplaced: unplaced.map(\.event))
        }
    }

    /// An optional event left out, and the conflict that kept it out.
    public struct Unplaced: Sendable {
        public let event: Event
        /// The texts and positions of the rules that could not all hold with it placed.
        public let keptOutBy: [Origin]
    }

    /// What solving came to.
    public enum Outcome: Sendable {
        case solved(Solved)
        /// No schedule exists: the sets of rules that cannot hold together and the changes that
        /// resolve each (when asked for; else empty).
        case infeasible(PlanModel, [Finding])
        /// The time limit passed before any schedule was found.
        case noSchedule(PlanModel, SolveResult)
    }

    /// Why there is nothing to solve.
    public enum Failure: Error {
        /// The time limit passed while the model was being built.
        case modelTimeLimit(ModelTimeLimit)
        /// `Request.modelBuilt` failed (writing the exported model).
        case modelHandler(any Error)
    }

    /// The validated plan with its imported calendars applied, and every diagnostic (warnings
    /// included) to print.
    public static func load(_ path: String) -> (plan: Plan?, diagnostics: [Diagnostic]) {
        let loaded = PlanLoader.load(path)
        guard let plan = loaded.plan else { return (nil, loaded.diagnostics) }
        let (imported, problems) = ImportedCalendars.apply(to: plan)
        return (problems.hasErrors ? nil : imported, loaded.diagnostics + problems)
    }

    /// Models and solves `plan`; when it is infeasible, finds the conflict within the deadline.
    ///
    /// An over-full plan with optional events places those that matter most: while the plan is
    /// infeasible and its minimal conflict involves optional events, the one of lowest priority
    /// (then id) is left out, with that conflict as the reason, and the rest solved again.
    public static func solve(_ plan: Plan, _ request: Request) throws(Failure) -> Outcome {
        var plan = plan
        var unplaced: [Unplaced] = []
        while true {
            let outcome = try solveOnce(plan, request, leavingOut: plan.events.contains { $0.priority != nil })
            guard case .infeasible(let model, let findings) = outcome, let conflict = findings.first?.conflict else {
                if case .solved(var solved) = outcome {
                    solved.unplaced = unplaced
                    return .solved(solved)
                }
                return outcome
            }
            let involved = Set(conflict.rules.flatMap { model.problem.rules[$0].activities })
            let optional = involved.map { model.plan.events[$0] }.filter { $0.priority != nil }
            guard let out = optional.min(by: { ($0.priority!.value, $0.id.value) < ($1.priority!.value, $1.id.value) }),
                case .success(let smaller) = PlanChange.drop(event: out.id.value).applied(
                    to: plan, at: out.location)
            else {
                return outcome
            }
            unplaced.append(Unplaced(event: out, keptOutBy: conflict.rules.map { model.problem.rules[$0].origin }))
            plan = smaller
        }
    }

    /// One model and solve; `leavingOut` asks only for the first conflict (its repairs are not
    /// needed while optional events can still go).
    static func solveOnce(_ plan: Plan, _ request: Request, leavingOut: Bool) throws(Failure) -> Outcome {
        var model: PlanModel
        do {
            model = try ModelBuilder.build(
                plan, previous: request.announced, deadline: request.deadline.reserving(request.reserve))
        } catch {
            throw .modelTimeLimit(error)
        }
        do {
            try request.modelBuilt?(model)
        } catch {
            throw .modelHandler(error)
        }
        let result = Solver(model.problem, options: request.solverOptions).solve()
        if let assignment = result.assignment {
            return .solved(Solved(model: model, result: result, assignment: assignment))
        }
        guard result.status == .infeasible else { return .noSchedule(model, result) }
        guard request.findConflict || leavingOut else { return .infeasible(model, []) }
        let deadline = request.deadline.reserving(request.reserve)
        var first = ConflictFinder.minimalConflict(in: model.problem, deadline: deadline)
        // A timed event's window bounds the starts modelled; a conflict that keeps it is
        // searched again with the event over the whole horizon, to see whether it is needed.
        var wholeHorizon: Set<String> = []
        while case let bounded = Set(boundedEvents(first, model)).subtracting(wholeHorizon), !bounded.isEmpty {
            guard wholeHorizon.count + bounded.count <= maxWholeHorizonEvents, !deadline.isPast,
                let wider = try? ModelBuilder.build(
                    plan, previous: request.announced, deadline: deadline, wholeHorizon: wholeHorizon.union(bounded))
            else {
                first.provenMinimal = false  // the windows kept may not all be needed
                break
            }
            wholeHorizon.formUnion(bounded)
            (model, first) = (wider, ConflictFinder.minimalConflict(in: wider.problem, deadline: deadline))
        }
        if leavingOut, model.plan.events.contains(where: { $0.priority != nil }) {
            let optional = Set(first.rules.flatMap { model.problem.rules[$0].activities }).contains {
                model.plan.events[$0].priority != nil
            }
            if optional { return .infeasible(model, [Finding(conflict: first, repairs: [])]) }
        }
        // A conflict of required events: its repairs only for commands that print them.
        guard request.findConflict else { return .infeasible(model, []) }
        var finder = RepairFinder(model: model, deadline: deadline)
        return .infeasible(model, finder.diagnose(first: first, limit: request.conflictLimit))
    }
}

extension SolvePipeline {
    /// The most events a conflict search enumerates over the whole horizon to test their windows.
    static let maxWholeHorizonEvents = 64

    /// The events of a conflict whose window rule bounds their slots.
    static func boundedEvents(_ conflict: ConflictFinder.Conflict, _ model: PlanModel) -> [String] {
        conflict.rules.filter { model.problem.rules[$0].boundsSlots }
            .flatMap { model.problem.rules[$0].activities.map { model.plan.events[$0].id.value } }
    }
}

extension Announced {
    /// Where an entry of a schedule document or a publish ledger was announced: its UTC start,
    /// and its first local day (its date, for an all-day event). Nil when it cannot be read.
    public static func from(allDay: Bool, start: String, startUTC: String) -> Announced? {
        guard let utc = Timestamp.parseRFC3339(startUTC) else { return nil }
        if allDay, case .success(let date) = CivilDate.parse(start) {
            return Announced(start: utc, day: date.dayNumber)
        }
        return Announced(start: utc, day: utc >= 0 ? utc / 1440 : (utc - 1439) / 1440)
    }
}

extension ScheduleDocument {
    /// Where each of the plan's events stands in this (published) schedule, by id.
    public func announced(for plan: Plan) -> [String: Announced] {
        let ids = Set(plan.events.map(\.id.value))
        var result: [String: Announced] = [:]
        for entry in events where !entry.fixed && ids.contains(entry.id) {
            result[entry.id] = Announced.from(allDay: entry.allDay, start: entry.start, startUTC: entry.startUTC)
            result[entry.id]?.room = entry.room
        }
        return result
    }
}
