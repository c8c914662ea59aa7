/// Finds a minimal set of rules that cannot hold together: remove any one of them and the
/// rest can be satisfied (a minimal unsatisfiable subset).
///
/// Two steps, cheapest first:
/// 1. **One event's own rules.** When the rules about one activity alone (window, blackouts,
///    local hours, pins) leave it no slot, the conflict is among them; it is found and made
///    minimal by intersecting slot sets, without any search. A local-hours rule whose zones
///    never share those hours is such a conflict of one rule.
/// 2. **Deletion by halves** otherwise: try to drop a whole block of rules at once, keep the
///    drop when the rest is still infeasible, and split the block when it is not — a
///    feasibility search per attempt, about k·log₂(n/k) of them for k rules in the conflict
///    among n, not one per rule. The kept set is infeasible at every step, so when the
///    deadline comes it is still a conflict, only perhaps not a minimal one.
///
/// A rule that bounds its activity's slots (`Rule.boundsSlots`: a timed event's window, around
/// which alone its starts were enumerated) is never dropped while its activity is in the
/// conflict: without it the event could go where the model holds no slot. Such a conflict is
/// not proven minimal; `SolvePipeline` searches it again with those events over the horizon.
public enum ConflictFinder {
    public struct Conflict: Sendable {
        /// Indices into `problem.rules`.
        public var rules: [Int]
        /// False when some check ran out of work or the deadline passed, so a smaller set might exist.
        public var provenMinimal: Bool
        /// The feasibility searches it took (0 for a conflict among one event's rules).
        public var searches: Int
    }

    /// - Precondition: the problem with all its rules is infeasible.
    /// - Parameters:
    ///   - deadline: when to stop and return the smallest conflict found so far.
    ///   - nodesPerCheck: at most this much work for one feasibility search, counted so that
    ///     the same problem gives the same conflict on any machine; a check that runs
    ///     out counts as "maybe feasible", so its rules stay.
    /// - Complexity: step 1 is linear in the unary rules' slot sets; step 2 runs about
    ///   k·log₂(n/k) feasibility searches.
    public static func minimalConflict(
        in problem: Problem, deadline: Deadline? = nil, nodesPerCheck: Int = 200_000
    ) -> Conflict {
        if let own = conflictAmongOneActivitysRules(problem) {
            return Conflict(rules: own, provenMinimal: !own.contains { problem.rules[$0].boundsSlots }, searches: 0)
        }
        var deletion = DeletionByHalves(problem: problem, deadline: deadline, nodesPerCheck: nodesPerCheck)
        return deletion.run()
    }

    /// The first activity (in order) whose unary rules leave it no slot, and a minimal set of
    /// those rules that still leaves none; nil when every activity keeps a slot.
    static func conflictAmongOneActivitysRules(_ problem: Problem) -> [Int]? {
        var byActivity: [Int: [Int]] = [:]
        for (r, rule) in problem.rules.enumerated() {
            if case .allow(let a, _) = rule.kind { byActivity[a, default: []].append(r) }
        }
        for a in byActivity.keys.sorted() {
            let rules = byActivity[a] ?? []
            let capacity = problem.activities[a].slots.count
            guard intersection(rules, problem, capacity: capacity).isEmpty else { continue }
            // Deletion: drop each rule whose absence still leaves no slot.
            var kept = rules
            for r in rules where kept.count > 1 && !problem.rules[r].boundsSlots {
                let without = kept.filter { $0 != r }
                if intersection(without, problem, capacity: capacity).isEmpty { kept = without }
            }
            return kept
        }
        return nil
    }

    private static func intersection(_ rules: [Int], _ problem: Problem, capacity: Int) -> SlotSet {
        var set = SlotSet(capacity: capacity, filled: true)
        for r in rules {
            if case .allow(_, let slots) = problem.rules[r].kind { set.formIntersection(slots) }
        }
        return set
    }

}

/// Step 2 of `ConflictFinder`: deletion by halves, with the kept set infeasible throughout.
///
/// Minimal at the end: each rule kept was kept because the set then kept without it was
/// feasible; the final set is a subset of that one, so without the rule it is feasible too.
struct DeletionByHalves {
    let problem: Problem
    let deadline: Deadline?
    let nodesPerCheck: Int
    var enabled: [Bool]
    var proven = true
    var searches = 0

    init(problem: Problem, deadline: Deadline?, nodesPerCheck: Int) {
        self.problem = problem
        self.deadline = deadline
        self.nodesPerCheck = nodesPerCheck
        enabled = Array(repeating: true, count: problem.rules.count)
    }

    mutating func run() -> ConflictFinder.Conflict {
        // Rules about one event alone are tried last: a window or blackout is usually part of
        // the story, and keeping them in longer finds conflicts planners recognise.
        let relations = problem.rules.indices.filter { !problem.rules[$0].isUnary }
        let unary = problem.rules.indices.filter { problem.rules[$0].isUnary && !problem.rules[$0].boundsSlots }
        drop(relations[...])
        drop(unary[...])
        // The slot bounds stayed in throughout; those of activities the conflict leaves out go.
        var related = Set<Int>()
        for r in enabled.indices where enabled[r] && !problem.rules[r].isUnary {
            related.formUnion(problem.rules[r].activities)
        }
        for r in enabled.indices where enabled[r] && problem.rules[r].boundsSlots {
            enabled[r] = problem.rules[r].activities.allSatisfy(related.contains)
        }
        let rules = enabled.indices.filter { enabled[$0] }
        return ConflictFinder.Conflict(
            rules: rules, provenMinimal: proven && !rules.contains { problem.rules[$0].boundsSlots },
            searches: searches)
    }

    /// Drops `block` if the rest stays infeasible; otherwise splits it and tries each half.
    mutating func drop(_ block: ArraySlice<Int>) {
        guard !block.isEmpty else { return }
        if deadline?.isPast == true {
            proven = false  // what is left stays in: still a conflict, perhaps not minimal
            return
        }
        for r in block { enabled[r] = false }
        if stillInfeasible() { return }
        for r in block { enabled[r] = true }
        guard block.count > 1 else { return }  // needed
        let middle = block.startIndex + block.count / 2
        drop(block[..<middle])
        drop(block[middle...])
    }

    /// Whether the enabled rules alone are proven infeasible; a check that runs out of work
    /// counts as not proven.
    ///
    /// Only the activities the enabled relations touch are searched: every other activity has
    /// a slot under its own rules (step 1 found none without), so it cannot make the rest
    /// infeasible. As blocks of relations go, the searched problem shrinks with them.
    mutating func stillInfeasible() -> Bool {
        guard let restricted = problem.restricted(toRules: enabled.indices.filter { enabled[$0] }) else { return false }
        searches += 1
        var options = SolverOptions()
        options.stopAtFirst = true
        options.decompositionBound = false
        options.nodeLimit = nodesPerCheck
        options.timeLimit = 60
        options.deadline = deadline
        switch Solver(restricted, options: options).solve().status {
        case .infeasible: return true
        case .unknown:
            proven = false
            return false
        case .optimal, .feasible: return false
        }
    }
}
