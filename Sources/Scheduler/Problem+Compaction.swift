extension Problem {
    /// The problem with each activity's slots narrowed to those its enabled `allow` rules keep,
    /// and the original index of each slot kept: what one solve needs, since no search ever
    /// gives an activity a slot its own rules forbid. Memory and set-up then follow the slots
    /// an event can really take (its window, local hours, blackouts), not those modelled for
    /// conflict searches and repairs.
    ///
    /// Rule indices stay as they were: each `allow` rule becomes one that keeps every slot left,
    /// so `enabled` and the rules' origins still line up. The other rules name activities and
    /// times, never slot indices, and carry over unchanged; penalties (and share penalties) keep the
    /// values of the slots kept. Slots keep their order, so a search meets them in the same order as before.
    func compacted(enabled: [Bool]?) -> (problem: Problem, kept: [[Int]]) {
        var allowed = activities.map { SlotSet(capacity: $0.slots.count, filled: true) }
        for (i, rule) in rules.enumerated() where enabled?[i] ?? true {
            if case .allow(let a, let set) = rule.kind { allowed[a].formIntersection(set) }
        }
        let kept = activities.indices.map { a in activities[a].slots.indices.filter { allowed[a].contains($0) } }
        let narrowed = activities.indices.map { a in
            Activity(id: activities[a].id, slots: kept[a].map { activities[a].slots[$0] })
        }
        let carried = rules.map { rule -> Rule in
            guard case .allow(let a, _) = rule.kind else { return rule }
            var copy = rule
            copy.kind = .allow(activity: a, slots: SlotSet(capacity: kept[a].count, filled: true))
            return copy
        }
        let values = penalties.map { penalty -> Penalty in
            var copy = penalty
            copy.values = kept[penalty.activity].map { penalty.values[$0] }
            return copy
        }
        let shares = sharePenalties.map { $0.keeping(kept) }
        let problem = Problem(
            activities: narrowed, rules: carried, penalties: values, pairPenalties: pairPenalties,
            sharePenalties: shares)
        return (problem, kept)
    }
}
