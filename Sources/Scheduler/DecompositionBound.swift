/// A lower bound on the penalties of every schedule below a search node that takes the
/// two-activity rules — dependencies and no-overlaps — into account, not only each activity's
/// cheapest slot.
///
/// Dependencies and shared people drive most of a plan's cost: an event that prefers to be
/// early may have to wait for one that prefers to be late, or give the early weeks to another
/// event of the same person. Summing each activity's cheapest slot ignores that. This bound
/// splits the rules into forests (`RuleForest`; each rule goes to the first forest where it
/// closes no cycle) and each activity's penalties among the forests it belongs to, and adds up
/// each forest's exact cheapest placement. Any split gives a valid bound, since every schedule
/// pays in each forest at least that forest's cheapest placement, and the shares add up to the
/// penalties. With one forest it is exact on trees of rules.
///
/// `tighten` improves the split (Lagrangian decomposition, by subgradient steps): where forests
/// place an activity differently, each forest's chosen slot becomes dearer in that forest and
/// cheaper in the others, until they agree or the steps run out. The best split found is kept,
/// and search reads the bound with it. Weekly caps and rooms are left out: they bind many
/// activities at once.
/// - Complexity: O(size of the domains × forests per activity) per bound.
final class DecompositionBound {
    private(set) var forests: [RuleForest]
    /// For each activity, the forests it belongs to (in order).
    private let membership: [[Int]]
    /// Activities in no forest: they count their cheapest slot.
    private let outside: [Int]
    /// Scratch: each forest's chosen slot per activity after `choose`.
    private var choices: [[Int32]]
    private let costs: [[Int]]
    /// The step scale the last `tighten` ended with: the next one starts from four times it.
    private var lastScale = 1.0

    static let infinity = RuleForest.infinity
    /// Rules that would need a forest beyond these are left out of the bound (only weaker).
    static let maxForests = 16
    /// Steps without a better bound before the step size halves. Measured on the synthetic
    /// plans (seed 1): with 8 the bound stalled 1.7 % under the optimum at N=40; with 40, 60
    /// or 100 it gets within 0.005 % and the solver proves N=40 in 9–10 s and N=50 in about 5 s.
    static let patience = 60

    /// What one bound within these domains costs, in search nodes (about one node per 256
    /// table entries: each activity's domain once per forest holding it), so that node
    /// budgets reflect time.
    func work(_ d: Domains) -> Int {
        var entries = 0
        for a in membership.indices { entries += membership[a].count * d[a].count }
        return entries / 256
    }

    /// Nil when the enabled rules hold no dependency or no-overlap.
    init?(problem: Problem, enabled: [Bool]?, costs: [[Int]]) {
        let count = problem.activities.count
        var edges: [(a: Int, b: Int, link: RuleForest.Link)] = []
        var seen = Set<[Int]>()
        // Dependencies first: they matter most, and fill the first forest.
        for (i, rule) in problem.rules.enumerated() where enabled?[i] ?? true {
            if case .precedence(let p) = rule.kind, p.before != p.after {
                edges.append((p.before, p.after, .precedence(p)))
            }
        }
        for (i, rule) in problem.rules.enumerated() where enabled?[i] ?? true {
            guard case .noOverlap(let a, let b, let padding, let scale) = rule.kind, a != b,
                seen.insert([min(a, b), max(a, b), padding, scale == .days ? 1 : 0]).inserted
            else { continue }
            edges.append((a, b, .apart(padding: padding, scale: scale)))
        }
        guard !edges.isEmpty else { return nil }

        var components: [[Int]] = []  // union-find parents, one array per forest
        var forestEdges: [[(a: Int, b: Int, link: RuleForest.Link)]] = []
        func find(_ k: Int, _ x: Int) -> Int {
            var x = x
            while components[k][x] != x {
                components[k][x] = components[k][components[k][x]]
                x = components[k][x]
            }
            return x
        }
        for edge in edges {
            var placed = false
            for k in components.indices {
                let (x, y) = (find(k, edge.a), find(k, edge.b))
                if x != y {
                    components[k][x] = y
                    forestEdges[k].append(edge)
                    placed = true
                    break
                }
            }
            if !placed && components.count < Self.maxForests {
                components.append(Array(0..<count))
                components[components.count - 1][edge.a] = edge.b
                forestEdges.append([edge])
            }
        }
        var membership = Array(repeating: [Int](), count: count)
        for (k, list) in forestEdges.enumerated() {
            for a in Set(list.flatMap { [$0.a, $0.b] }).sorted() { membership[a].append(k) }
        }
        // Shares: each activity's penalties split evenly (remainders to its last forest).
        var shares = Array(repeating: Array(repeating: [Int](), count: count), count: forestEdges.count)
        for a in 0..<count where !membership[a].isEmpty {
            let m = membership[a].count
            for (j, k) in membership[a].enumerated() {
                shares[k][a] = j < m - 1 ? costs[a].map { $0 / m } : costs[a].map { $0 - (m - 1) * ($0 / m) }
            }
        }
        let slots = problem.activities.map(\.slots)
        forests = forestEdges.indices.map { k in
            RuleForest(activityCount: count, edges: forestEdges[k], slots: slots, shares: shares[k])
        }
        self.membership = membership
        self.costs = costs
        outside = (0..<count).filter { membership[$0].isEmpty }
        choices = Array(repeating: Array(repeating: 0, count: count), count: forestEdges.count)
    }

    /// A lower bound on the unary penalties of any schedule within these domains
    /// (`infinity` when some forest has no placement at all).
    func bound(_ d: Domains) -> Int {
        forestBounds(d)?.total ?? Self.infinity
    }

    /// The bound and each forest's part of it, or nil when some forest has no placement. Each
    /// forest's table is left filled, for `RuleForest.choose` and `RuleForest.marginals`.
    private func forestBounds(_ d: Domains) -> (total: Int, each: [Int])? {
        var total = 0
        for a in outside { total += d.minCost[a] }
        var each: [Int] = []
        each.reserveCapacity(forests.count)
        for forest in forests {
            let b = forest.bound(d)
            guard b < Self.infinity else { return nil }
            each.append(b)
            total += b
        }
        return (total, each)
    }

    /// Improves the split of penalties among forests for these domains by up to `iterations`
    /// subgradient steps aimed at `upperBound` (the best schedule's penalties), keeps the best
    /// split found, and returns its bound and the steps taken. Stops early once the bound
    /// reaches `upperBound`, or when `stop` says so (checked before each step).
    @discardableResult
    func tighten(
        _ d: Domains, upperBound: Int, iterations: Int, stop: () -> Bool = { false }
    ) -> (bound: Int, steps: Int) {
        var best = bound(d)
        guard best < Self.infinity, forests.count > 1 else { return (best, 0) }
        var bestShares = forests.map(\.shares)
        var scale = min(1.0, 4 * lastScale), stalled = 0, steps = 0
        defer { lastScale = scale }
        for _ in 0..<iterations where !stop() {
            steps += 1
            // Feasibility does not depend on the shares: the first bound was finite, so all are.
            // Each forest fills again only the tables of the members whose shares the last step
            // moved, and their ancestors'.
            guard let value = forestBounds(d)?.total else { break }
            for k in forests.indices { forests[k].choose(d, into: &choices[k]) }
            if value > best {
                best = value
                bestShares = forests.map(\.shares)
                stalled = 0
            } else {
                stalled += 1
                if stalled >= Self.patience { scale /= 2; stalled = 0 }
            }
            if best >= upperBound || scale < 1e-4 { break }
            // The subgradient's squared length: for each activity and slot chosen by n of its
            // m forests, n (m − n) / m.
            var norm = 0.0
            for a in membership.indices where membership[a].count > 1 {
                let m = membership[a].count
                var counted: [Int32] = []
                for k in membership[a] where !counted.contains(choices[k][a]) {
                    let v = choices[k][a]
                    counted.append(v)
                    let n = membership[a].filter { choices[$0][a] == v }.count
                    norm += Double(n * (m - n)) / Double(m)
                }
            }
            if norm == 0 { break }  // the forests agree on every activity: nothing left to gain
            let step = scale * Double(max(1, upperBound - value)) / norm
            for a in membership.indices where membership[a].count > 1 {
                let forestsOfA = membership[a], m = forestsOfA.count
                if forestsOfA.allSatisfy({ choices[$0][a] == choices[forestsOfA[0]][a] }) { continue }
                let s = max(1, Int((step / Double(m)).rounded()))
                // Each forest's choice gets dearer there by s·m and cheaper by s in every forest:
                // the shares of each slot still add up to its penalty.
                for k in forestsOfA {
                    let v = Int(choices[k][a])
                    forests[k].moveShare(a, slot: v, by: s * m)
                    for j in forestsOfA { forests[j].moveShare(a, slot: v, by: -s) }
                }
            }
        }
        for k in forests.indices { forests[k].replaceShares(bestShares[k]) }
        return (best, steps)
    }

    /// The slots of each activity that a schedule cheaper than `upperBound` may still use, each
    /// with its bound, or nil when none can be that cheap.
    ///
    /// A slot goes when the bound with the activity fixed there reaches `upperBound`: the
    /// other forests' cheapest placements plus, in each forest holding the activity, its
    /// cheapest placement through that slot (`RuleForest.marginals`). The kept slots' bounds
    /// guide a proof's value order (`Solver.guided`).
    func slotsBelow(_ upperBound: Int, within d: Domains) -> SlotGuide? {
        guard let (total, cheapest) = forestBounds(d) else { return nil }
        var bounds = d.values.map { Array(repeating: total, count: $0.count) }
        for a in outside {
            for (i, v) in d[a].enumerated() { bounds[a][i] += costs[a][Int(v)] - d.minCost[a] }
        }
        for (k, forest) in forests.enumerated() {
            forest.marginals(d) { a, i, cost in
                bounds[a][i] =
                    cost >= Self.infinity || bounds[a][i] >= Self.infinity
                    ? Self.infinity : bounds[a][i] - cheapest[k] + cost
            }
        }
        var kept = d.values
        for a in kept.indices {
            let below = d[a].indices.filter { bounds[a][$0] < upperBound }
            guard !below.isEmpty else { return nil }
            if below.count < d[a].count {
                kept[a] = below.map { d[a][$0] }
                bounds[a] = below.map { bounds[a][$0] }
            }
        }
        return SlotGuide(slots: kept, bounds: bounds)
    }
}

/// Each activity's slots that a bound kept, with each one's bound with its activity fixed there.
struct SlotGuide {
    var slots: [[Int32]]
    var bounds: [[Int]]
}
