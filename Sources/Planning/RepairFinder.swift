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
/// steps that make the plan feasible, with the other conflicts' rules set aside (so each
/// conflict's repairs are its own): steps 1, 2, 4, … until one works, then bisection below it.
///
/// Each check solves only the part of the plan the conflict is tied to (its activities and all
/// those linked to them by rules between events): once the plan without every conflict's rules
/// is known to be feasible, the other parts are feasible as they are, so the part decides. A
/// check that runs out of work counts as "not feasible", so every repair reported has been seen
/// to work. The work is counted, not timed (`nodesPerCheck`, `checkBudget`): the same plan
/// gives the same repairs on any machine unless the deadline cuts the search.
public struct RepairFinder {
    let model: PlanModel
    let deadline: Deadline?
    /// Work for one feasibility solve, in nodes: a repair is only reported once a solve found it.
    var nodesPerCheck = 200_000
    /// At most this many feasibility solves for the whole diagnosis.
    var checkBudget = 400
    /// Feasibility solves done, for the figures.
    public private(set) var checks = 0
    /// Whether the budget or the deadline cut the search for conflicts or repairs.
    public private(set) var cut = false
    /// Whether the plan without every conflict's rules was shown feasible, so that checking
    /// only a conflict's part of the plan decides.
    var restIsFeasible = false

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
        while deadline?.isPast != true {
            let setAside = Set(conflicts.flatMap(\.rules))
            let remaining = problem.rules.indices.filter { !setAside.contains($0) }
            let others = feasible(problem, setAside: setAside)
            if others == true { restIsFeasible = true }
            guard others == false, conflicts.count < limit else { break }
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
                if isOutOfWork { break }
                if let repair = smallest(relaxation, of: r, setAside: setAside) { found.append(repair) }
            }
        }
        func key(_ r: Repair) -> (Int, String, String, String) { (r.size, r.location, r.kind.rawValue, r.new ?? "") }
        return found.sorted { key($0) < key($1) }
    }

    mutating func smallest(_ relaxation: Relaxation, of r: Int, setAside: Set<Int>) -> Repair? {
        let origin = problem.rules[r].origin
        let part = self.part(around: r, setAside: setAside)
        guard let relaxed = relaxation.relaxed else {
            guard feasible(part.problem, setAside: part.setAside(setAside.union([r]))) == true else { return nil }
            return Repair(
                kind: relaxation.kind, event: relaxation.event, rule: r, location: origin.location,
                old: relaxation.old, new: nil, size: Int.max / 2)
        }
        guard relaxation.steps > 0, let local = part.index[r] else { return nil }
        let aside = part.setAside(setAside)
        func works(_ n: Int) -> Bool {
            var changed = part.problem
            changed.rules[local].kind = relaxed(n).kind.mapped(part.activity)
            return feasible(changed, setAside: aside) == true
        }
        // 1, 2, 4, … until a step count works; the least that works lies above the last that did not.
        var (lo, hi) = (1, 1)
        while !works(hi) {
            guard hi < relaxation.steps, !isOutOfWork else { return nil }
            lo = hi + 1
            hi = min(2 * hi, relaxation.steps)
        }
        while lo < hi, !isOutOfWork {
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
        guard !isOutOfWork else { return nil }
        checks += 1
        var options = SolverOptions()
        options.stopAtFirst = true
        options.decompositionBound = false
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

    /// Whether the check budget or the deadline is spent; remembered as `cut`.
    var isOutOfWork: Bool {
        mutating get {
            if checks >= checkBudget || deadline?.isPast == true { cut = true }
            return cut
        }
    }

    /// The part of the problem a change to rule `r` can affect: the activities linked to its
    /// own by rules between activities (without the rules set aside), with every rule among
    /// them, renumbered. The whole problem when the rest is not known to be feasible.
    func part(around r: Int, setAside: Set<Int>) -> Part {
        guard restIsFeasible else { return Part(whole: problem) }
        var links: [Int: [Int]] = [:]
        for (i, rule) in problem.rules.enumerated() where !rule.isUnary && !setAside.contains(i) {
            for a in rule.activities { links[a, default: []].append(i) }
        }
        var reached = Set(problem.rules[r].activities), queue = Array(reached)
        while let a = queue.popLast() {
            for i in links[a] ?? [] {
                for b in problem.rules[i].activities where reached.insert(b).inserted { queue.append(b) }
            }
        }
        let order = reached.sorted()
        let newIndex = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        let kept = problem.rules.indices.filter { problem.rules[$0].activities.allSatisfy(reached.contains) }
        var index: [Int: Int] = [:]
        for (i, k) in kept.enumerated() { index[k] = i }
        return Part(
            problem: Problem(
                activities: order.map { problem.activities[$0] },
                rules: kept.map { problem.rules[$0].mapped { newIndex[$0] ?? 0 } }, penalties: []),
            index: index, activity: { newIndex[$0] ?? 0 })
    }

    /// Some of the problem's activities and the rules among them, renumbered.
    struct Part {
        let problem: Problem
        /// The new index of each kept rule, by its index in the whole problem.
        let index: [Int: Int]
        /// The new index of an activity of the part.
        let activity: @Sendable (Int) -> Int

        init(problem: Problem, index: [Int: Int], activity: @escaping @Sendable (Int) -> Int) {
            self.problem = problem
            self.index = index
            self.activity = activity
        }

        init(whole: Problem) {
            self.init(
                problem: whole, index: Dictionary(uniqueKeysWithValues: whole.rules.indices.map { ($0, $0) }),
                activity: { $0 })
        }

        /// The rules set aside, as indices into the part.
        func setAside(_ rules: Set<Int>) -> Set<Int> { Set(rules.compactMap { index[$0] }) }
    }
}

extension Rule.Kind {
    /// The same kind over renumbered activities.
    func mapped(_ map: (Int) -> Int) -> Rule.Kind {
        Rule(self, origin: Origin("", at: "")).mapped(map).kind
    }
}
