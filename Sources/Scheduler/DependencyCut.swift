/// A lower bound exact for dependencies and `within` rules alone, however they tie the
/// activities together: the cheapest placement of every activity under those rules, leaving
/// out no-overlaps, caps, rooms and pair penalties, found as a minimum cut.
///
/// `DecompositionBound` is exact on a forest of rules, and splits the rest by prices that
/// converge slowly on a year of a thousand events. Dependencies alone have more structure: each
/// one says "if this starts at t or later, that starts at t′ or later", and the cheapest
/// placement under such statements is a minimum cut (the time-indexed formulation of project
/// scheduling with start-dependent costs). Each activity becomes a chain of nodes, one per
/// distinct start of its domain after the first, read "starts at or after this"; the arc into
/// a start's successor costs that start's cheapest slot, and an unbounded arc back keeps the
/// cut a prefix, so every chain is cut exactly once, at its start. A rule becomes unbounded
/// arcs from an activity's "at or after t" to the other's "at or after t′".
///
/// The statements assume, as propagation does, that a domain's slots are in order of start and
/// that every coordinate a rule reads (ends, local days) grows with the start.
/// - Complexity: one maximum flow on about as many nodes as the domains have starts.
enum DependencyCut {
    /// The bound within `domains`, or nil when no enabled rule is a dependency or `within`,
    /// when the rules cannot all hold (the propagation that follows says so better), or when
    /// `shouldStop`, asked with the work so far, ends the flow. `work` grows by the arcs the
    /// flow scanned.
    static func bound(
        _ problem: Problem, enabled: [Bool]?, domains: Domains, costs: [[Int]], work: inout Int,
        shouldStop: (_ work: Int) -> Bool
    ) -> Int? {
        var links: [Link] = []
        for (i, rule) in problem.rules.enumerated() where enabled?[i] ?? true {
            switch rule.kind {
            case .precedence(let p) where p.before != p.after:
                links.append(.precedence(p))
            case .within(let inner, let outer, let scale) where inner != outer:
                links.append(.within(inner: inner, outer: outer, scale: scale))
            default: continue
            }
        }
        guard !links.isEmpty else { return nil }
        var graph = MaxFlow(nodes: 2)
        let chains = Chains(
            problem: problem, domains: domains, costs: costs, members: links.flatMap(\.activities), graph: &graph)
        for link in links {
            for (from, to) in link.statements(chains) {
                chains.connect(&graph, from, to)
            }
        }
        guard let cut = graph.minimumCut(from: chains.source, to: chains.sink, work: &work, shouldStop: shouldStop),
            cut < MaxFlow.unbounded
        else { return nil }
        return cut + chains.outside
    }

    /// "`activity` starts at its `start`-th distinct start or later" (0 always holds; the
    /// activity's count of starts never does).
    struct AtOrAfter {
        var activity: Int
        var start: Int
    }

    enum Link {
        case precedence(Precedence)
        case within(inner: Int, outer: Int, scale: TimeScale)

        var activities: [Int] {
            switch self {
            case .precedence(let p): [p.before, p.after]
            case .within(let inner, let outer, _): [inner, outer]
            }
        }

        /// The rule as statements `from ⇒ to`, at most one per start of `from`'s activity.
        func statements(_ chains: Chains) -> [(AtOrAfter, AtOrAfter)] {
            switch self {
            case .precedence(let p):
                // B starts at least minGap after A's reference: the earliest reference among A's
                // slots from a start on bounds B's start from below.
                var result = chains.implications(
                    from: p.before, reading: { p.reference($0) }, to: p.after, offset: p.minGap,
                    readingTo: { $0.startCoordinate(p.scale) })
                if let maxGap = p.maxGap {
                    // A's reference is at least B's start − maxGap.
                    result += chains.implications(
                        from: p.after, reading: { $0.startCoordinate(p.scale) }, to: p.before, offset: -maxGap,
                        readingTo: { p.reference($0) })
                }
                return result
            case .within(let inner, let outer, let scale):
                // The inner starts no earlier than the outer, and the outer ends no earlier than the inner.
                return chains.implications(
                    from: outer, reading: { $0.startCoordinate(scale) }, to: inner, offset: 0,
                    readingTo: { $0.startCoordinate(scale) })
                    + chains.implications(
                        from: inner, reading: { $0.endCoordinate(scale) }, to: outer, offset: 0,
                        readingTo: { $0.endCoordinate(scale) })
            }
        }
    }

    /// Each member's distinct starts (the domain's positions where a start begins), and its
    /// chain of nodes in the flow graph.
    struct Chains {
        let source = 0
        let sink = 1
        /// Per activity: the positions in its domain where each distinct start begins (empty
        /// for activities in no rule).
        private(set) var firsts: [[Int]] = []
        /// Per activity: the node of "at or after" its second distinct start, the rest following.
        private(set) var node: [Int] = []
        let domains: Domains
        let slots: [[Slot]]
        /// The cheapest slot of every activity, which the flow leaves out.
        private(set) var outside = 0

        /// Adds each member's chain to `graph`, which holds only the source and the sink.
        init(problem: Problem, domains: Domains, costs: [[Int]], members: [Int], graph: inout MaxFlow) {
            self.domains = domains
            slots = problem.activities.map(\.slots)
            let count = problem.activities.count
            var isMember = [Bool](repeating: false, count: count)
            for a in members { isMember[a] = true }
            firsts = Array(repeating: [], count: count)
            node = Array(repeating: -1, count: count)
            for a in 0..<count {
                guard isMember[a] else {
                    outside += domains.minCost[a]  // in no rule
                    continue
                }
                let domain = domains[a]
                let starts = domain.indices.filter { i in
                    i == 0 || slots[a][Int(domain[i])].start != slots[a][Int(domain[i - 1])].start
                }
                firsts[a] = starts
                node[a] = graph.addNodes(max(0, starts.count - 1))
                // The chain: source → "at or after start 1" → … → sink, each arc the cheapest
                // slot of the start it leaves; unbounded arcs back. The chain is cut exactly once,
                // so the activity's cheapest slot counts outside the flow, and each arc the rest.
                let cheapest = starts.indices.map { k in
                    positions(a, k).map { costs[a][Int(domain[$0])] }.min() ?? 0
                }
                let floor = cheapest.min() ?? 0
                outside += floor
                for k in starts.indices {
                    let u = vertex(AtOrAfter(activity: a, start: k))
                    let w = vertex(AtOrAfter(activity: a, start: k + 1))
                    graph.addArc(from: u, to: w, capacity: cheapest[k] - floor)
                    if k > 0 && k + 1 < starts.count { graph.addArc(from: w, to: u, capacity: MaxFlow.unbounded) }
                }
            }
        }

        /// The positions in `a`'s domain of the slots at its `k`-th distinct start.
        func positions(_ a: Int, _ k: Int) -> Range<Int> {
            firsts[a][k]..<(k + 1 < firsts[a].count ? firsts[a][k + 1] : domains[a].count)
        }

        /// The node standing for the statement: the source when it always holds, the sink when never.
        func vertex(_ s: AtOrAfter) -> Int {
            if s.start <= 0 { return source }
            if s.start >= firsts[s.activity].count { return sink }
            return node[s.activity] + s.start - 1
        }

        func connect(_ graph: inout MaxFlow, _ from: AtOrAfter, _ to: AtOrAfter) {
            let (u, v) = (vertex(from), vertex(to))
            if u != v && u != sink && v != source { graph.addArc(from: u, to: v, capacity: MaxFlow.unbounded) }
        }

        /// For each start k of `a`: the least value `reading` takes on `a`'s slots from start k
        /// on, plus `offset`, is a floor for `readingTo` on `b`; so `b` starts at or after its
        /// first start whose slots can reach that floor. Only the statements that say more than
        /// the one before (a later start of `b`) are kept.
        func implications(
            from a: Int, reading: (Slot) -> Int, to b: Int, offset: Int, readingTo: (Slot) -> Int
        ) -> [(AtOrAfter, AtOrAfter)] {
            let (da, db) = (domains[a], domains[b])
            let (fa, fb) = (firsts[a], firsts[b])
            guard !fa.isEmpty, !fb.isEmpty else { return [] }
            // The least reading of a's slots from each start on (suffix minima, coordinates need
            // not grow within a start's rooms).
            var least = [Int](repeating: Int.max, count: fa.count)
            var running = Int.max
            for k in fa.indices.reversed() {
                for i in positions(a, k) { running = min(running, reading(slots[a][Int(da[i])])) }
                least[k] = running
            }
            // The greatest reading of b's slots at each start.
            let greatest = fb.indices.map { k in
                positions(b, k).map { readingTo(slots[b][Int(db[$0])]) }.max() ?? Int.min
            }
            var result: [(AtOrAfter, AtOrAfter)] = []
            var target = 0
            for k in fa.indices {
                let floor = least[k] + offset
                while target < fb.count && greatest[target] < floor { target += 1 }
                if target > 0 && (result.last.map { $0.1.start < target } ?? true) {
                    result.append((AtOrAfter(activity: a, start: k), AtOrAfter(activity: b, start: target)))
                }
            }
            return result
        }
    }
}
