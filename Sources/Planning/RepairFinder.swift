import Scheduler

/// One change to the plan that makes a conflict go away, checked by solving the plan with it.
public struct Repair: Sendable {
    public let kind: Relaxation.Kind
    public let event: String
    /// The rule's index in the model, and where the plan writes it.
    public let rule: Int
    public let location: String
    /// The value as written, and as it would be (nil when the change removes the rule).
    public let old: String
    public let new: String?
    /// How big the change is, in minutes (a day is 1440), for ranking; removals rank last.
    public let size: Int
}

/// A minimal set of rules that cannot hold together, and the changes that resolve it.
public struct Finding: Sendable {
    public let conflict: ConflictFinder.Conflict
    public let repairs: [Repair]
}

/// Finds the conflicts of an infeasible plan (up to a limit) and, for each, the smallest
/// change to each of its rules that makes the plan feasible.
///
/// Conflicts: the first is `ConflictFinder`'s; each further one is a minimal conflict among the
/// rules no earlier conflict uses, until those rules are feasible. Repairs: every rule of a
/// conflict that the planner can change (`PlanModel.relaxations`) is relaxed by the fewest
/// steps that make the whole plan feasible, found by bisection over the steps, each step a
/// feasibility solve of the whole problem with the other conflicts' rules set aside (so each
/// conflict's repairs are its own). A solve that runs out of work counts as "not feasible", so
/// every repair reported has been seen to work.
public struct RepairFinder {
    let model: PlanModel
    let deadline: Deadline?
    /// Work for one feasibility solve, in nodes: a repair is only reported once a solve found it.
    var nodesPerCheck = 200_000
    /// Feasibility solves done, for the figures.
    public private(set) var checks = 0

    /// The model's problem without its penalties: feasibility is all a repair needs.
    let problem: Problem

    public init(model: PlanModel, deadline: Deadline?) {
        self.model = model
        self.deadline = deadline
        problem = Problem(activities: model.problem.activities, rules: model.problem.rules, penalties: [])
    }

    /// The conflicts, the first given, each with its repairs ranked smallest first.
    public mutating func diagnose(first: ConflictFinder.Conflict, limit: Int = 5) -> [Finding] {
        var conflicts = [first]
        while conflicts.count < limit, deadline?.isPast != true {
            let setAside = Set(conflicts.flatMap(\.rules))
            let remaining = problem.rules.indices.filter { !setAside.contains($0) }
            guard feasible(problem, setAside: setAside) == false else { break }
            let rest = Problem(
                activities: problem.activities, rules: remaining.map { problem.rules[$0] }, penalties: [])
            var next = ConflictFinder.minimalConflict(in: rest, deadline: deadline)
            next.rules = next.rules.map { remaining[$0] }
            guard !next.rules.isEmpty else { break }
            conflicts.append(next)
        }
        return conflicts.enumerated().map { k, conflict in
            let others = Set(conflicts.enumerated().filter { $0.offset != k }.flatMap(\.element.rules))
            return Finding(conflict: conflict, repairs: repairs(of: conflict, setAside: others))
        }
    }

    /// The smallest change to each changeable rule of `conflict` that makes the plan feasible.
    mutating func repairs(of conflict: ConflictFinder.Conflict, setAside: Set<Int>) -> [Repair] {
        var found: [Repair] = []
        for r in conflict.rules {
            for relaxation in model.relaxations[r] ?? [] {
                if deadline?.isPast == true { break }
                if let repair = smallest(relaxation, of: r, setAside: setAside) { found.append(repair) }
            }
        }
        return found.sorted { ($0.size, $0.location, $0.kind.rawValue) < ($1.size, $1.location, $1.kind.rawValue) }
    }

    mutating func smallest(_ relaxation: Relaxation, of r: Int, setAside: Set<Int>) -> Repair? {
        let origin = problem.rules[r].origin
        guard let relaxed = relaxation.relaxed else {
            guard feasible(problem, setAside: setAside.union([r])) == true else { return nil }
            return Repair(
                kind: relaxation.kind, event: relaxation.event, rule: r, location: origin.location,
                old: relaxation.old, new: nil, size: Int.max / 2)
        }
        guard relaxation.steps > 0 else { return nil }
        func works(_ n: Int) -> Bool {
            var changed = problem
            changed.rules[r].kind = relaxed(n).kind
            return feasible(changed, setAside: setAside) == true
        }
        guard works(relaxation.steps) else { return nil }
        var (lo, hi) = (1, relaxation.steps)  // hi works; find the least that does
        while lo < hi, deadline?.isPast != true {
            let mid = (lo + hi) / 2
            if works(mid) { hi = mid } else { lo = mid + 1 }
        }
        return Repair(
            kind: relaxation.kind, event: relaxation.event, rule: r, location: origin.location, old: relaxation.old,
            new: relaxed(hi).new, size: hi * relaxation.stepMinutes)
    }

    /// Whether `problem` without the rules set aside has a schedule: true or false when a
    /// search settled it, nil when the work or the deadline ran out first.
    mutating func feasible(_ problem: Problem, setAside: Set<Int>) -> Bool? {
        checks += 1
        var options = SolverOptions()
        options.stopAtFirst = true
        options.nodeLimit = nodesPerCheck
        options.timeLimit = 10
        options.deadline = deadline
        options.enabledRules = problem.rules.indices.map { !setAside.contains($0) }
        switch Solver(problem, options: options).solve().status {
        case .optimal, .feasible: return true
        case .infeasible: return false
        case .unknown: return nil
        }
    }
}
