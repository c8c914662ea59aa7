/// The order in which the search tries an activity's slots.
extension Solver {
    /// The activity's slots to try, cheapest first: its remaining slots sorted when few are
    /// left, else its whole value order, which `search` filters lazily against the domain
    /// (it skips slots no longer in it) — the same order, without filtering tens of
    /// thousands of slots at every node when the first one or two are all a search tries.
    func candidates(_ a: Int) -> [Int32] {
        let domain = domains[a]
        if let ordered = contextOrder(a, domain) { return ordered }
        if domain.count * 8 < valueOrder[a].count {
            return domain.sorted { x, y in
                let (cx, cy) = (costs[a][Int(x)], costs[a][Int(y)])
                return cx != cy ? cx < cy : rank(a, x) < rank(a, y)
            }
        }
        return valueOrder[a]
    }

    /// With pair penalties whose other side is already placed (a track's room, a speaker's other
    /// session), or share penalties the activity is a member of (a series' shared hours), the
    /// slots in order of their own cost plus what they add to those: the pairs' costs, and the
    /// rise of each share's worst-off total over its members placed so far. The search then
    /// tries first what fits the sessions or occurrences already placed; nil when neither applies.
    func contextOrder(_ a: Int, _ domain: [Int32]) -> [Int32]? {
        // Sorting a whole year of starts at every node would cost more than it saves.
        let fixed =
            domain.count > Self.pairAwareDomainLimit
            ? []
            : pairsOf[a].filter { p in
                let other = pairs[p].a == a ? pairs[p].b : pairs[p].a
                return domains[other].count == 1
            }
        let groups = domain.count > Self.shareAwareDomainLimit ? [] : sharesOf[a].map(placedTotals)
        guard !fixed.isEmpty || !groups.isEmpty else { return nil }
        let cost = domain.map { v -> Int in
            let slot = slots[a][Int(v)]
            var total = costs[a][Int(v)]
            for p in fixed {
                let pair = pairs[p]
                if pair.a == a {
                    total += pair.cost(slot, slots[pair.b][Int(domains[pair.b][0])])
                } else {
                    total += pair.cost(slots[pair.a][Int(domains[pair.a][0])], slot)
                }
            }
            for group in groups {
                let values = shares[group.share].values
                var worst = group.worst
                for p in group.totals.indices { worst = max(worst, group.totals[p] + values[p][group.member][Int(v)]) }
                total += shares[group.share].weight * (worst - group.worst)
            }
            return total
        }
        return domain.indices.sorted { i, j in
            cost[i] != cost[j] ? cost[i] < cost[j] : rank(a, domain[i]) < rank(a, domain[j])
        }.map { domain[$0] }
    }

    /// Each party's total over a share's members placed so far, and the worst of them.
    func placedTotals(_ entry: (share: Int, member: Int)) -> PlacedTotals {
        let share = shares[entry.share]
        let totals = share.values.map { party in
            share.activities.indices.reduce(0) { sum, m in
                let domain = domains[share.activities[m]]
                return domain.count == 1 ? sum + party[m][Int(domain[0])] : sum
            }
        }
        return PlacedTotals(share: entry.share, member: entry.member, totals: totals, worst: totals.max() ?? 0)
    }

    struct PlacedTotals {
        var share: Int
        var member: Int
        var totals: [Int]
        var worst: Int
    }

    func rank(_ a: Int, _ v: Int32) -> Int32 { ranks[a][Int(v)] }

    /// In a proof's search, where the decomposition bound has just read each slot with its
    /// activity fixed there: the activity's slots by that bound, lowest first (then by cost and
    /// rank). The slot the relaxation finds cheapest with everything else is tried first, so the
    /// search meets good schedules early, and each one found prunes the rest.
    func guided(_ a: Int, by guide: SlotGuide) -> [Int32] {
        let domain = domains[a], slots = guide.slots[a], bounds = guide.bounds[a]
        var bound = [Int](repeating: 0, count: domain.count)
        var k = 0  // both lists are in slot order, and the domain is a subset of the guide's
        for (i, v) in domain.enumerated() {
            while k < slots.count && slots[k] < v { k += 1 }
            bound[i] = k < slots.count && slots[k] == v ? bounds[k] : Int.max
        }
        return domain.indices.sorted { i, j in
            if bound[i] != bound[j] { return bound[i] < bound[j] }
            let (ci, cj) = (costs[a][Int(domain[i])], costs[a][Int(domain[j])])
            return ci != cj ? ci < cj : rank(a, domain[i]) < rank(a, domain[j])
        }.map { domain[$0] }
    }
}
