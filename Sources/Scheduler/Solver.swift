import Foundation

/// Convene's constraint solver: propagation, depth-first branch and bound, and a proof of
/// optimality (or infeasibility) when the search completes within its limits.
///
/// The lower bound is the sum of each activity's cheapest remaining slot, which is exact for
/// the unary penalties plans use; search branches on the activity with the fewest slots left,
/// trying its cheapest slot first (`x = v`, then `x ≠ v`).
public final class Solver {
    let problem: Problem
    let options: SolverOptions
    let costs: [[Int]]
    let propagation: Propagation
    /// Each activity's slot indices ordered by (cost, tie-break), computed once.
    let valueOrder: [[Int32]]
    let pairs: [PairPenalty]
    let slots: [[Slot]]

    private var domains: Domains
    private var best: [Int]?
    private var bestObjective = Int.max
    private var nodes = 0
    private var stopped = false
    private var started = Date()
    private var firstSolutionAt: Double?
    private var lastProgress = 0.0
    private var nodeLimit: Int

    /// Nodes the first, complete search may use before large-neighbourhood search takes over.
    static let completeSearchNodes = 20_000
    /// Nodes each neighbourhood's search may use.
    static let neighbourhoodNodes = 1_000

    public init(_ problem: Problem, options: SolverOptions = SolverOptions()) {
        self.problem = problem
        self.options = options
        let costs = problem.slotCosts()
        self.costs = costs
        propagation = Propagation(problem: problem, enabled: options.enabledRules)
        domains = Domains(Solver.initialDomains(problem, enabled: options.enabledRules), costs: costs)
        valueOrder = Solver.valueOrder(domains.values, costs: costs, seed: options.seed)
        pairs = problem.pairPenalties
        slots = problem.activities.map(\.slots)
        nodeLimit = options.nodeLimit
    }

    /// Each activity's allowed slots, cheapest first; equal costs in slot order, or shuffled by a seed.
    static func valueOrder(_ domains: [[Int32]], costs: [[Int]], seed: UInt64) -> [[Int32]] {
        var rng = SplitMix64(seed: seed)
        return domains.indices.map { a in
            let domain = domains[a]
            if seed == 0 && domain.allSatisfy({ costs[a][Int($0)] == 0 }) { return domain }
            var ties: [Int32: UInt64] = [:]
            if seed != 0 { for v in domain { ties[v] = rng.next() } }
            return domain.sorted { x, y in
                let (cx, cy) = (costs[a][Int(x)], costs[a][Int(y)])
                if cx != cy { return cx < cy }
                if seed != 0, ties[x] != ties[y] { return ties[x, default: 0] < ties[y, default: 0] }
                return x < y
            }
        }
    }

    /// The slots each activity may take under the enabled `allow` rules.
    static func initialDomains(_ problem: Problem, enabled: [Bool]?) -> [[Int32]] {
        var allowed = problem.activities.map { SlotSet(capacity: $0.slots.count, filled: true) }
        for (i, rule) in problem.rules.enumerated() where enabled?[i] ?? true {
            if case .allow(let a, let set) = rule.kind { allowed[a].formIntersection(set) }
        }
        return problem.activities.indices.map { a in
            (0..<Int32(problem.activities[a].slots.count)).filter { allowed[a].contains(Int($0)) }
        }
    }

    /// Solves to optimality, or to the best schedule within the limits.
    public func solve() -> SolveResult {
        started = Date()
        let everyone = Array(problem.activities.indices)
        var rootBound = 0
        var complete = false
        let initial = domains
        if domains.values.allSatisfy({ !$0.isEmpty }) && propagation.run(&domains, changed: everyone) {
            rootBound = domains.lowerBound
            // A first, complete search with a share of the budget: small plans end here, proven.
            let fullNodeLimit = nodeLimit
            nodeLimit = options.stopAtFirst ? fullNodeLimit : min(fullNodeLimit, Self.completeSearchNodes)
            search()
            complete = !stopped
            nodeLimit = fullNodeLimit
            if !complete && best != nil && !options.stopAtFirst && !timeIsUp() {
                improveByNeighbourhoods(from: initial)
            }
            if !complete && best == nil && !timeIsUp() {
                // Not even one schedule yet: keep searching with the rest of the budget.
                stopped = false
                search()
                complete = !stopped && best == nil
            }
        } else {
            complete = true
        }
        let seconds = Date().timeIntervalSince(started)
        let status: SolveStatus
        if !complete {
            status = best == nil ? .unknown : .feasible
        } else {
            status = best == nil ? .infeasible : .optimal
        }
        return SolveResult(status: status, assignment: best, objective: best == nil ? nil : bestObjective,
                           bound: status == .optimal ? bestObjective : rootBound, nodes: nodes, seconds: seconds,
                           secondsToFirstSolution: firstSolutionAt)
    }

    private func search() {
        nodes += 1
        if nodes & 7 == 0 { checkLimits() }
        let pairCost = fixedPairCost()
        if stopped || domains.lowerBound + pairCost >= bestObjective { return }
        guard let a = chooseActivity() else {
            record()
            return
        }
        domains.pushLevel()
        defer { domains.popLevel() }
        for v in candidates(a) {
            if stopped { return }
            guard contains(domains[a], v) else { continue }
            domains.pushLevel()
            if domains.set(a, [v]) && propagation.run(&domains, changed: [a]) {
                search()  // checks its own bound first
            }
            domains.popLevel()
            if stopped || (best != nil && options.stopAtFirst) { return }
            // The other branch: a does not take v. Pairs fixed at this node stay fixed below it,
            // so their cost still bounds the rest.
            let rest = domains[a].filter { $0 != v }
            guard domains.set(a, rest), propagation.run(&domains, changed: [a]), domains.lowerBound + pairCost < bestObjective else { return }
        }
    }

    /// The pair penalties of pairs already fixed: with each activity's cheapest slot
    /// (`domains.lowerBound`), a lower bound on any schedule below this node.
    private func fixedPairCost() -> Int {
        guard !pairs.isEmpty else { return 0 }
        var total = 0
        let values = domains.values
        for p in pairs where values[p.a].count == 1 && values[p.b].count == 1 {
            total += p.cost(slots[p.a][Int(values[p.a][0])], slots[p.b][Int(values[p.b][0])])
        }
        return total
    }

    /// The unfixed activity with the fewest slots left (ties: lowest index), or nil when all are fixed.
    private func chooseActivity() -> Int? {
        var chosen: Int?
        var smallest = Int.max
        for a in domains.values.indices {
            let n = domains[a].count
            if n > 1 && n < smallest {
                smallest = n
                chosen = a
                if n == 2 { break }
            }
        }
        return chosen
    }

    /// The activity's remaining slots, cheapest first.
    private func candidates(_ a: Int) -> [Int32] {
        let domain = domains[a]
        if domain.count * 8 < valueOrder[a].count {
            return domain.sorted { x, y in
                let (cx, cy) = (costs[a][Int(x)], costs[a][Int(y)])
                return cx != cy ? cx < cy : rank(a, x) < rank(a, y)
            }
        }
        return valueOrder[a].filter { contains(domain, $0) }
    }

    /// Each slot's position in its activity's value order.
    private lazy var ranks: [[Int32]] = valueOrder.indices.map { a in
        var r = [Int32](repeating: Int32.max, count: problem.activities[a].slots.count)
        for (i, v) in valueOrder[a].enumerated() { r[Int(v)] = Int32(i) }
        return r
    }

    private func rank(_ a: Int, _ v: Int32) -> Int32 { ranks[a][Int(v)] }

    private func contains(_ domain: [Int32], _ v: Int32) -> Bool {
        var lo = 0, hi = domain.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if domain[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < domain.count && domain[lo] == v
    }

    private func record() {
        let assignment = domains.values.map { Int($0[0]) }
        let objective = problem.objective(assignment)
        guard objective < bestObjective else { return }
        best = assignment
        bestObjective = objective
        if firstSolutionAt == nil { firstSolutionAt = Date().timeIntervalSince(started) }
    }

    private func checkLimits() {
        let elapsed = Date().timeIntervalSince(started)
        if elapsed > options.timeLimit || nodes > nodeLimit { stopped = true }
        if let progress = options.progress, elapsed - lastProgress >= 0.25 {
            lastProgress = elapsed
            progress(elapsed, best == nil ? nil : bestObjective, domains.lowerBound)
        }
    }
}

extension Solver {
    func timeIsUp() -> Bool { Date().timeIntervalSince(started) > options.timeLimit || nodes > options.nodeLimit }

    /// Large-neighbourhood search: free a few related activities, keep the rest where the best
    /// schedule has them, and search that small problem for something better; repeat.
    ///
    /// Neighbourhoods grow from a random activity along the rules that tie it to others, so a
    /// move that needs several activities to shift together is found. Deterministic for a seed:
    /// the sequence of neighbourhoods and each one's node budget are fixed; only the time limit
    /// can end it earlier on a slower machine.
    func improveByNeighbourhoods(from initial: Domains) {
        var rng = SplitMix64(seed: options.seed &+ 0x5EED)
        let count = problem.activities.count
        let size = min(count, max(8, count / 12))
        var neighbours = Array(repeating: Set<Int>(), count: count)
        for r in propagation.relational {
            let list = problem.rules[r].activities
            guard list.count <= 8 else { continue }  // n-ary rules tie everyone: no guide
            for a in list { neighbours[a].formUnion(list) }
        }
        for p in pairs { neighbours[p.a].insert(p.b); neighbours[p.b].insert(p.a) }
        var rounds = 0
        while !timeIsUp() && rounds < 100_000 {
            rounds += 1
            guard let incumbent = best else { return }
            // Grow a neighbourhood.
            var chosen: [Int] = [Int(rng.next() % UInt64(count))]
            var members = Set(chosen)
            var frontier = 0
            while chosen.count < size {
                if frontier < chosen.count {
                    let candidates = neighbours[chosen[frontier]].subtracting(members).sorted()
                    frontier += 1
                    for c in candidates.shuffledDeterministically(&rng).prefix(3) where chosen.count < size {
                        chosen.append(c)
                        members.insert(c)
                    }
                } else {
                    let c = Int(rng.next() % UInt64(count))
                    if members.insert(c).inserted { chosen.append(c) }
                }
            }
            // Everyone else stays put.
            var restricted = initial
            var ok = true
            for a in 0..<count where !members.contains(a) {
                if !restricted.set(a, [Int32(incumbent[a])]) { ok = false; break }
            }
            guard ok else { continue }
            domains = restricted
            guard propagation.run(&domains, changed: Array(0..<count)) else { continue }
            stopped = false
            nodeLimit = nodes + Self.neighbourhoodNodes
            search()
            nodeLimit = options.nodeLimit
        }
        stopped = true
    }
}

extension Array {
    /// The array in a seeded random order.
    func shuffledDeterministically(_ rng: inout SplitMix64) -> [Element] {
        var copy = self
        copy.shuffle(using: &rng)
        return copy
    }
}

/// A small, fast, seedable random generator (SplitMix64), so runs repeat for the same seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
