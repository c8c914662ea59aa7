/// A soft wish about a group of activities together: each activity's slot costs each of
/// several parties something (a series' occurrence, the minutes it lies outside working hours
/// in each of its zones), the costs add up per party over the group, and the penalty is
/// `weight` for each unit of the worst-off party's total. A series across Asia, Europe and the
/// Americas then shares its early and late hours instead of giving them all to one zone.
///
/// Unlike a `Penalty` or a `PairPenalty` it is not a sum over activities: it is a maximum of
/// sums, so the solver bounds it on its own (`bound`).
public struct SharePenalty: Sendable {
    /// The activities of the group, in order.
    public var activities: [Int]
    /// `values[party][member][slot]`: what the member's slot costs the party, before `weight`.
    public var values: [[[Int]]]
    /// The parties' names, in `values`' order ("Asia/Seoul"), for `explain`.
    public var parties: [String]
    public var origin: Origin
    public var weight: Int

    public init(activities: [Int], values: [[[Int]]], parties: [String], origin: Origin, weight: Int) {
        self.activities = activities
        self.values = values
        self.parties = parties
        self.origin = origin
        self.weight = max(1, weight)
    }

    /// Each party's total in a complete assignment, before `weight`.
    public func totals(_ assignment: [Int]) -> [Int] {
        values.map { party in
            activities.indices.reduce(0) { $0 + party[$1][assignment[activities[$1]]] }
        }
    }

    /// The penalty of a complete assignment: `weight` × the largest total.
    public func cost(_ assignment: [Int]) -> Int {
        weight * (totals(assignment).max() ?? 0)
    }

    /// A lower bound on the penalty of any schedule within these domains: for each party, the
    /// sum of each member's cheapest slot for that party; the largest of those sums. Exact once
    /// every member is placed.
    func bound(_ d: Domains) -> Int {
        var worst = 0
        for party in values {
            var total = 0
            for (m, a) in activities.enumerated() {
                let costs = party[m]
                guard !d[a].isEmpty else { return Int.max / 4 }  // no schedule below: prune
                total += d[a].reduce(Int.max) { Swift.min($0, costs[Int($1)]) }
            }
            worst = Swift.max(worst, total)
        }
        return weight * worst
    }

    /// What one `bound` costs, in search nodes (about one node per 256 entries read).
    func work(_ d: Domains) -> Int {
        values.count * activities.reduce(0) { $0 + d[$1].count } / 256
    }

    /// The penalty with each member's slots narrowed to those `kept` lists (`Problem.compacted`).
    func keeping(_ kept: [[Int]]) -> SharePenalty {
        var copy = self
        copy.values = values.map { party in
            activities.indices.map { m in kept[activities[m]].map { party[m][$0] } }
        }
        return copy
    }
}
