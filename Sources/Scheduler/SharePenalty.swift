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
    /// `values[party][member][slot]`: what the member's slot costs the party, before `weight`;
    /// never negative.
    public private(set) var values: [[[Int]]]
    /// The parties' names, in `values`' order ("Asia/Seoul"), for `explain`.
    public var parties: [String]
    public var origin: Origin
    public var weight: Int

    public init(activities: [Int], values: [[[Int]]], parties: [String], origin: Origin, weight: Int) {
        self.activities = activities
        self.values = values.map { $0.map { $0.map { Swift.max(0, $0) } } }
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

    /// A lower bound on the penalty of any schedule within these domains: `weight` × a bound on
    /// the worst-off party's total.
    ///
    /// The worst total is at least any weighted mean of the parties' totals, and a weighted
    /// mean is a sum over the members, each bounded on its own by its least weighted value.
    /// `bounding` chooses the weightings: each party alone (its own total), all alike (the
    /// mean, which sees that a call across Asia, Europe and the Americas is late for someone,
    /// where each party alone could be spared), and the weighting that bounds the first domains
    /// best. A placed member counts its value, a member with a few slots left its least among
    /// them, any other its least over its first domain (still a floor, since domains only
    /// shrink). Exact once every member is placed; values are never negative.
    ///
    /// Reading each member's whole domain at every node would cost more than the search it
    /// saves: a year of quarter-hour starts is thousands of slots.
    /// - Complexity: O(weightings × members × 16 × parties).
    func bound(_ d: Domains, _ bounding: Bounding) -> Int {
        var worst = 0
        for (r, row) in bounding.rows.enumerated() {
            var total = 0
            for (m, a) in activities.enumerated() {
                let domain = d[a]
                guard !domain.isEmpty else { return Int.max / 4 }  // no schedule below: prune
                if domain.count <= Self.smallDomain {
                    total += domain.reduce(Int.max) { Swift.min($0, weighted(row, m, Int($1))) }
                } else {
                    total += bounding.floors[r][m]
                }
            }
            let sum = row.reduce(0, +)
            worst = Swift.max(worst, (total + sum - 1) / sum)
        }
        return weight * worst
    }

    /// Domains up to this size are read whole by `bound`.
    static let smallDomain = 16
    /// The finest step of the weightings `bounding` tries: parts of twelve.
    static let weightingSteps = 12

    /// The weightings of the parties `bound` reads, each with every member's least weighted
    /// value over the first domains.
    struct Bounding: Sendable {
        var rows: [[Int]]
        var floors: [[Int]]
    }

    /// Chooses the weightings for these (first) domains: each party alone, all alike, and of the
    /// weightings in twelfths (for up to four parties) the one whose bound is highest.
    func bounding(_ d: Domains) -> Bounding {
        let parties = values.count
        // Each member's distinct vectors of values: a time of day, whatever the date or room.
        let vectors: [[[Int]]] = activities.indices.map { m in
            Array(Set(d[activities[m]].map { v in (0..<parties).map { values[$0][m][Int(v)] } }))
        }
        func least(_ row: [Int], _ m: Int) -> Int {
            vectors[m].map { zip(row, $0).reduce(0) { $0 + $1.0 * $1.1 } }.min() ?? 0
        }
        func value(_ row: [Int]) -> Double {
            Double(activities.indices.reduce(0) { $0 + least(row, $1) }) / Double(row.reduce(0, +))
        }
        var rows = (0..<parties).map { p in (0..<parties).map { $0 == p ? 1 : 0 } }
        if parties > 1 { rows.append(Array(repeating: 1, count: parties)) }
        if (2...4).contains(parties) {
            var best: (row: [Int], value: Double)?
            for row in Self.compositions(Self.weightingSteps, into: parties) {
                let bound = value(row)
                if bound > best?.value ?? 0 { best = (row, bound) }
            }
            if let best, !rows.contains(best.row) { rows.append(best.row) }
        }
        return Bounding(rows: rows, floors: rows.map { row in activities.indices.map { least(row, $0) } })
    }

    /// Every way to write `total` as `parts` non-negative integers, in lexicographic order.
    static func compositions(_ total: Int, into parts: Int) -> [[Int]] {
        guard parts > 1 else { return [[total]] }
        return (0...total).flatMap { first in compositions(total - first, into: parts - 1).map { [first] + $0 } }
    }

    /// `row`'s weighted sum of the parties' values for member `m`'s slot `v`.
    private func weighted(_ row: [Int], _ m: Int, _ v: Int) -> Int {
        var total = 0
        for p in row.indices where row[p] != 0 { total += row[p] * values[p][m][v] }
        return total
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
