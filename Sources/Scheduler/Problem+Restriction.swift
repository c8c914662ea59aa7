extension Problem {
    /// The problem restricted to the given rules and the activities they relate, renumbered in
    /// order, without penalties: what a feasibility check of those rules needs.
    ///
    /// Rules about one activity alone are kept only for activities some other kept rule
    /// relates; the rest are left out with their activities, which is sound when each of those
    /// activities has a slot under its own rules.
    ///
    /// - Returns: nil when no kept rule relates two activities (nothing to search).
    func restricted(toRules kept: [Int]) -> Problem? {
        var related = Set<Int>()
        for r in kept where !rules[r].isUnary { related.formUnion(rules[r].activities) }
        guard !related.isEmpty else { return nil }
        let order = related.sorted()
        var newIndex = [Int: Int]()
        for (i, a) in order.enumerated() { newIndex[a] = i }
        let subRules = kept.filter { rules[$0].activities.allSatisfy(related.contains) }
            .map { rules[$0].mapped { newIndex[$0] ?? 0 } }
        return Problem(activities: order.map { activities[$0] }, rules: subRules, penalties: [])
    }
}
