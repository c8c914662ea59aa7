extension Rule {
    /// The same rule over renumbered activities (`map(old)` is the new index), for a problem
    /// made of some of the activities.
    ///
    /// - Precondition: `map` is defined for every activity the rule constrains.
    public func mapped(_ map: (Int) -> Int) -> Rule {
        let kind: Kind
        switch self.kind {
        case .allow(let a, let slots): kind = .allow(activity: map(a), slots: slots)
        case .precedence(var p):
            p.before = map(p.before)
            p.after = map(p.after)
            kind = .precedence(p)
        case .noOverlap(let a, let b, let padding, let scale): kind = .noOverlap(map(a), map(b), padding: padding, scale: scale)
        case .within(let inner, let outer, let scale): kind = .within(inner: map(inner), outer: map(outer), scale: scale)
        case .weeklyCap(let list, let cap): kind = .weeklyCap(activities: list.map(map), cap: cap)
        case .roomsDisjoint(let list): kind = .roomsDisjoint(activities: list.map(map))
        }
        return Rule(kind, origin: origin)
    }
}

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

extension Rule {
    /// Whether the rule is about one activity alone (an `allow`: window, blackout, pin, …).
    public var isUnary: Bool {
        if case .allow = kind { return true }
        return false
    }
}
