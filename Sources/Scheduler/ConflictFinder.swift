/// Finds a minimal set of rules that cannot hold together: remove any one of them and the
/// rest can be satisfied (a minimal unsatisfiable subset, found by deletion).
public enum ConflictFinder {
    public struct Conflict: Sendable {
        /// Indices into `problem.rules`.
        public var rules: [Int]
        /// False when some check ran out of time, so a smaller set might exist.
        public var provenMinimal: Bool
    }

    /// - Precondition: the problem with all its rules is infeasible.
    /// - Complexity: one feasibility search per rule.
    public static func minimalConflict(in problem: Problem, timeLimitPerCheck: Double = 2) -> Conflict {
        // Penalties do not matter for feasibility; dropping them makes each check cheaper.
        let bare = Problem(activities: problem.activities, rules: problem.rules, penalties: [])
        var enabled = Array(repeating: true, count: problem.rules.count)
        var proven = true
        // Rules about one event alone are tried last: a window or blackout is usually part of the
        // story, and keeping them in longer finds conflicts planners recognise.
        let order = problem.rules.indices.sorted { a, b in
            let (ua, ub) = (isUnary(problem.rules[a]), isUnary(problem.rules[b]))
            return ua != ub ? !ua : a < b
        }
        for r in order {
            enabled[r] = false
            var options = SolverOptions()
            options.stopAtFirst = true
            options.timeLimit = timeLimitPerCheck
            options.enabledRules = enabled
            let result = Solver(bare, options: options).solve()
            switch result.status {
            case .infeasible: continue  // still conflicting without r: r is not needed
            case .unknown:
                proven = false
                enabled[r] = true
            case .optimal, .feasible:
                enabled[r] = true
            }
        }
        return Conflict(rules: enabled.indices.filter { enabled[$0] }, provenMinimal: proven)
    }

    static func isUnary(_ rule: Rule) -> Bool {
        if case .allow = rule.kind { return true }
        return false
    }
}
