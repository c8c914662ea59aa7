/// How a solve ended.
public enum SolveStatus: String, Sendable, Codable {
    /// The best possible objective, proven.
    case optimal
    /// A schedule that keeps every hard rule; a better one may exist.
    case feasible
    /// No schedule keeps every hard rule, proven.
    case infeasible
    /// The limits ran out before a schedule was found or infeasibility proven.
    case unknown
}

/// What the solver found and how hard it worked.
public struct SolveResult: Sendable {
    public var status: SolveStatus
    /// The slot index chosen for each activity.
    public var assignment: [Int]?
    public var objective: Int?
    /// A proven lower bound on the objective.
    public var bound: Int
    public var nodes: Int
    public var seconds: Double
    public var secondsToFirstSolution: Double?
    /// When the returned schedule was found.
    public var secondsToBest: Double?
    /// Whether the time limit, not the work budget or a proof, ended the search.
    public var stoppedByTime: Bool = false
    /// The threads that searched (`SolverOptions.workers`): with the seed and the work budget,
    /// what the schedule depends on.
    public var workers: Int = 1

    /// `proof`, `work-limit` or `time-limit`: what ended the search, in schedule.json's words.
    public var stoppedBy: String {
        if status == .optimal || status == .infeasible { return "proof" }
        return stoppedByTime ? "time-limit" : "work-limit"
    }
}

/// Limits and knobs of one solve.
public struct SolverOptions: Sendable {
    /// Wall-clock limit, counted from the solver's creation (its set-up included); the best
    /// schedule found by then is returned.
    public var timeLimit: Double = 10
    /// The whole command's deadline, when it comes before `timeLimit`.
    public var deadline: Deadline?
    /// A deterministic limit on search work (nodes), so runs that hit it repeat exactly.
    public var nodeLimit: Int = 5_000_000
    /// Seeds the tie-breaking of values and the neighbourhoods of large-neighbourhood search.
    public var seed: UInt64 = 0
    /// Stop at the first schedule (feasibility checks) instead of optimising.
    public var stopAtFirst: Bool = false
    /// Whether to build the decomposition bound. A feasibility check without penalties does
    /// without it: its set-up costs more than the search, and propagation and the search prove
    /// infeasibility on their own.
    public var decompositionBound: Bool = true
    /// Which rules take part; nil means all. Used to find a minimal conflicting set.
    public var enabledRules: [Bool]?
    /// Called now and then with (seconds, best objective, bound) for a progress line.
    public var progress: (@Sendable (Double, Int?, Int) -> Void)?
    /// Threads of a parallel portfolio (`Solver+Portfolio.swift`): the main search, and
    /// neighbourhood searches with seeds of their own that exchange schedules with it at fixed
    /// work points, so that the answer depends on the count, never on timing. 1 is the
    /// sequential solver.
    public var workers: Int = 1
    /// Nodes of the first complete search, and the first round's budgets (tests lower it to
    /// reach the rounds of a long solve in a few thousand nodes).
    var firstSearchNodes = Solver.completeSearchNodes

    public init() {}
}
