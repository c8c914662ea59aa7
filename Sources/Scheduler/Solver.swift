import Foundation

/// Convene's constraint solver: propagation, depth-first branch and bound, and a proof of
/// optimality (or infeasibility) when the search completes within its limits.
///
/// The quick lower bound is the sum of each activity's cheapest remaining slot; once a schedule
/// is known, complete searches also read `DecompositionBound`, which accounts for dependencies
/// and no-overlaps, and drop the slots it shows cannot beat that schedule. Search branches on
/// the activity with the fewest slots left, trying its cheapest slot first (`x = v`, then
/// `x ≠ v`).
public final class Solver {
    /// The problem as solved: each activity's slots narrowed to those its own rules allow
    /// (`Problem.compacted`); `kept` maps them back to the slots of the problem given.
    let problem: Problem
    let kept: [[Int]]
    let options: SolverOptions
    let costs: [[Int]]
    let propagation: Propagation
    /// Each activity's slot indices ordered by (cost, tie-break), computed once.
    let valueOrder: [[Int32]]
    let pairs: [PairTerm]
    /// The pair penalties each activity takes part in (indices into `pairs`).
    let pairsOf: [[Int]]
    /// The wishes about groups (a series' share of inconvenient hours), bounded on their own,
    /// with how each is bounded, chosen on the first domains (`SharePenalty.bounding`).
    let shares: [SharePenalty]
    let shareBoundings: [SharePenalty.Bounding]
    /// For each activity, the share penalties it is a member of, and its position among the members.
    let sharesOf: [[(share: Int, member: Int)]]
    let slots: [[Slot]]
    /// Every schedule's objective is a multiple of this (`Problem.objectiveStep`): a schedule
    /// cheaper than the best costs a whole step less, and bounds round up to a multiple.
    let objectiveStep: Int
    /// The lower bound that reads dependencies and no-overlaps, when the plan has any.
    let decomposition: DecompositionBound?

    var domains: Domains
    var best: [Int]?
    var bestObjective = Int.max
    var nodes = 0
    /// When `nodes` reaches this, the limits are checked again (every 8 nodes or so).
    private var nextCheck = 0
    var stopped = false
    var started = Date()
    /// When the search must stop: `timeLimit` after the solver was created, or the command's
    /// deadline if that comes first (on the monotonic clock).
    let stopAt: Double
    /// The other workers of a parallel solve (`options.workers` − 1 neighbourhood searches).
    lazy var helpers: [PortfolioHelper] = makeHelpers()
    /// Set by the main solver of a portfolio when a helper's phase may end early.
    var cancellation: Cancellation?
    /// Whether the clock, rather than the node budget or a proof, stopped the search.
    var timedOut = false
    var firstSolutionAt: Double?
    var bestAt: Double?
    private var lastProgress = 0.0
    /// The best lower bound proven so far on the whole plan (not the current node's), for
    /// the progress line.
    private var provenBound = 0
    /// While a proof phase searches: a schedule of this objective or cheaper may end the search
    /// (`restartGain`), and the root it started from.
    private var restartAt: Int?
    private var restartRoot: Domains?
    /// Whether such a schedule ended the last search, and the root narrowed against it (nil
    /// when that proved the schedule optimal).
    private var restarted = false
    private var narrowedRoot: Domains?
    var nodeLimit: Int
    /// Whether search prunes with `DecompositionBound`: worth its cost in the complete
    /// searches that try to prove optimality, not in small neighbourhoods.
    var useDecomposition = true

    /// Helpers search a quarter of a proof phase's nodes beside it: a proof counts its bound's
    /// work as nodes, so its nodes go four to ten times faster than a neighbourhood search's,
    /// and the phase should not wait for the helpers.
    static let helperShareOfProof = 16
    /// Domains up to this size are ordered by their pair penalties too (`contextOrder`).
    static let pairAwareDomainLimit = 2_000
    /// Domains up to this size are ordered by their share penalties too: a member of a share is
    /// an occurrence of a series, far fewer than a year's events, so a larger sort pays.
    static let shareAwareDomainLimit = 20_000
    /// Nodes the first, complete search may use before large-neighbourhood search takes over.
    static let completeSearchNodes = 20_000
    /// A gap to the bound under one part in this many of the best schedule is left to the
    /// proof alone: on the synthetic year of 50 events, a round of neighbourhood search after
    /// the optimum was found took a third of the time to prove it.
    static let closeGap = 1000
    /// At most this many subgradient steps improve the decomposition bound in each round of
    /// `tightenAndNarrow`. Each round may spend as many nodes as the proof phase after it: on the
    /// synthetic year of 200 events the bound at the default budget rose from 15 % to 3 % under
    /// the optimum (an eighth of the phase, as before, left it at 15 %), and the year of 1,000
    /// events' bound in 30 s from 27 % to 14 % under its schedule.
    static let tighteningSteps = 4000
    /// The arcs a minimum cut scans (`DependencyCut`) that count as one node: both take about
    /// 15 µs on the synthetic year of 1,000 events (a cut of 206 million arcs in 1.4 s, a
    /// million nodes of search in 19 s).
    static let arcsPerNode = 2048
    /// At most this many rounds of tightening and narrowing before each proof phase.
    static let narrowingRounds = 4
    /// Probing at the root may spend this part of the coming proof phase's nodes. On the
    /// synthetic year of 50 events (seed 1), an eighth cut the probing short twice, and a search
    /// of 80,000 nodes ran where, probed to the end, the root left nothing to search: with a
    /// half, the proof takes 392,000 nodes instead of 482,000.
    static let probingShare = 2
    /// A further narrowing round runs only when the last one raised the bound by more than one
    /// part in this many of the gap still left to the best schedule: on the synthetic year of
    /// 50 events the first phase's fourth round raised it by 60, of a gap of 87,000.
    static let narrowingGain = 100
    /// A proof phase's search starts again from its root, narrowed against the new schedule
    /// with the same shares, when it finds a schedule that closes at least this part of the gap
    /// between the best schedule and the root's bound, and the root narrowed against it keeps
    /// at most a `restartGain` part of its slots. On the synthetic year of 50 events (seed 1,
    /// one worker) the optimum came 5,000 nodes into a phase of 40,000 whose root held 5,224
    /// slots; narrowed against it, 1,403, and probed, 693: the proof took 262,000 nodes instead
    /// of 309,000. With seed 2 the root kept 1,458 of 2,465, and the search going on, which
    /// finished within its phase, did better than a new one (275,000 nodes against 335,000).
    static let restartGain = 2

    public convenience init(_ problem: Problem, options: SolverOptions = SolverOptions()) {
        // The set-up below (domains, propagators, bound) is part of the solve's time.
        let cap = Deadline(seconds: options.timeLimit)
        let (compact, kept) = problem.compacted(enabled: options.enabledRules)
        self.init(
            compact: compact, kept: kept, options: options, stopAt: min(cap.end, options.deadline?.end ?? cap.end))
    }

    /// A solver of a problem already compacted: the main one, or a helper of a portfolio.
    init(compact problem: Problem, kept: [[Int]], options: SolverOptions, stopAt: Double) {
        self.stopAt = stopAt
        started = Date()
        self.problem = problem
        self.kept = kept
        self.options = options
        let costs = problem.slotCosts()
        self.costs = costs
        propagation = Propagation(problem: problem, enabled: options.enabledRules)
        let initial = Domains(Solver.initialDomains(problem, enabled: options.enabledRules), costs: costs)
        domains = initial
        shares = problem.sharePenalties
        shareBoundings = problem.sharePenalties.map { $0.bounding(initial) }
        var sharesOf = Array(repeating: [(share: Int, member: Int)](), count: problem.activities.count)
        for (g, share) in problem.sharePenalties.enumerated() {
            for (m, a) in share.activities.enumerated() { sharesOf[a].append((g, m)) }
        }
        self.sharesOf = sharesOf
        valueOrder = Solver.valueOrder(domains.values, costs: costs, seed: options.seed)
        pairs = problem.pairPenalties.map(\.term)
        var pairsOf = Array(repeating: [Int](), count: problem.activities.count)
        for (i, p) in problem.pairPenalties.enumerated() {
            pairsOf[p.a].append(i)
            if p.b != p.a { pairsOf[p.b].append(i) }
        }
        self.pairsOf = pairsOf
        slots = problem.activities.map(\.slots)
        objectiveStep = problem.objectiveStep(costs: costs)
        nodeLimit = options.nodeLimit
        decomposition =
            options.decompositionBound
            ? DecompositionBound(problem: problem, enabled: options.enabledRules, costs: costs) : nil
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
            // AllowRule: applied once, here.
            if case .allow(let a, let set) = rule.kind { allowed[a].formIntersection(set) }
        }
        return problem.activities.indices.map { a in
            (0..<Int32(problem.activities[a].slots.count)).filter { allowed[a].contains(Int($0)) }
        }
    }

    /// Solves to optimality, or to the best schedule within the limits.
    ///
    /// A first complete search with a small budget ends small plans, proven. Larger ones then
    /// alternate two phases until the limits or a proof end them: large-neighbourhood search
    /// improves the best schedule, and a complete search from the root, bounded by that
    /// schedule, tries to prove that nothing is cheaper. Each round doubles both budgets, so
    /// the complete searches lose at most half their work to restarts.
    public func solve() -> SolveResult {
        let everyone = Array(problem.activities.indices)
        var rootBound = 0
        var complete = false
        let initial = domains
        // A forest's bound is exact for its rules: "infinity" proves them unsatisfiable.
        if domains.values.allSatisfy({ !$0.isEmpty }) && propagation.run(&domains, changed: everyone),
            case let forestBound = decomposition?.bound(domains) ?? 0, forestBound < DecompositionBound.infinity
        {
            rootBound = roundedUp(max(domains.lowerBound, forestBound, dependencyCut(domains)) + shareBound(domains))
            provenBound = rootBound
            var root = domains
            let fullNodeLimit = nodeLimit
            var budget = options.firstSearchNodes
            nodeLimit = options.stopAtFirst ? fullNodeLimit : min(fullNodeLimit, nodes + budget)
            search()
            complete = !stopped
            var neighbourhoods = NeighbourhoodSearch(seed: options.seed, problem: problem, propagation: propagation)
            while !complete && best != nil && !options.stopAtFirst && !timeIsUp() {
                // The helpers, if any, search neighbourhoods beside each phase for as much work.
                // A neighbourhood search can gain no more than the gap to the bound: once that is
                // within a thousandth of the best schedule, the proof takes the whole round.
                if (bestObjective - rootBound) * Self.closeGap > bestObjective {
                    alongsideHelpers(from: initial, nodes: 2 * budget) {
                        improveByNeighbourhoods(&neighbourhoods, from: initial, nodes: 2 * budget)
                        return false
                    }
                }
                guard !timeIsUp() else { break }
                budget *= 2
                alongsideHelpers(from: initial, nodes: budget / Self.helperShareOfProof) {
                    if let decomposition {
                        // Better shares for the proof, aimed at the best schedule, then the slots
                        // no cheaper schedule can use go from the root; this work counts as nodes.
                        if !tightenAndNarrow(&root, rootBound: &rootBound, budget: budget, using: decomposition) {
                            complete = true
                            return true
                        }
                    }
                    // A much better schedule found on the way narrows the root: the rest of the
                    // phase searches again from there (`restartGain`).
                    let phaseEnd = nodes + budget
                    complete = searchFromRoot(root, nodes: budget, restartingBelow: rootBound)
                    while !complete && restarted && nodes < phaseEnd && !timeIsUp(), let decomposition {
                        guard let narrowed = narrowedRoot else {
                            complete = true  // narrowed against the new schedule, the root held nothing cheaper
                            break
                        }
                        root = narrowed
                        let probing = probe(
                            &root, below: cutoff, using: decomposition, budget: (phaseEnd - nodes) / Self.probingShare)
                        nodes += probing.spent
                        guard probing.possible else {
                            complete = true
                            break
                        }
                        complete = searchFromRoot(root, nodes: phaseEnd - nodes, restartingBelow: rootBound)
                    }
                    return complete
                }
            }
            nodeLimit = fullNodeLimit
            if !complete && best == nil && !timeIsUp() {
                // Not even one schedule yet: keep searching with the rest of the budget.
                stopped = false
                domains = root
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
        return SolveResult(
            status: status, assignment: best.map { best in best.indices.map { kept[$0][best[$0]] } },
            objective: best == nil ? nil : bestObjective,
            bound: status == .optimal ? bestObjective : rootBound, nodes: nodes + helperNodes, seconds: seconds,
            secondsToFirstSolution: firstSolutionAt, secondsToBest: bestAt, stoppedByTime: !complete && timedOut,
            workers: max(1, options.workers))
    }

    /// The cheapest placement under the dependencies alone (`DependencyCut`), 0 when it does not
    /// apply, or when the time limit or half the work limit ends it (the search keeps the rest);
    /// its work counts as nodes. Only a solver that proves (not a helper, not the conflict search)
    /// computes it.
    private func dependencyCut(_ d: Domains) -> Int {
        guard options.decompositionBound else { return 0 }
        var work = 0
        let cut = DependencyCut.bound(
            problem, enabled: options.enabledRules, domains: d, costs: costs, work: &work
        ) { [unowned self] work in timeIsUp() || nodes + work / Self.arcsPerNode >= nodeLimit / 2 }
        nodes += work / Self.arcsPerNode
        return cut ?? 0
    }

    /// Before a proof phase: better shares for the decomposition bound, aimed at the best
    /// schedule, then the root loses the slots no cheaper schedule can use (`narrow`, repeated
    /// while that removes slots, then `probe`). False when it proves the best schedule optimal.
    /// The work counts as nodes.
    ///
    /// Each round's steps are capped at the coming phase's `budget` of nodes (a further round
    /// runs only while the last one narrowed the domains and, after the first, raised the bound
    /// by more than a `narrowingGain` part of the gap still left to the best schedule), the
    /// probing at a `probingShare` of it; all stop with the time limit.
    private func tightenAndNarrow(
        _ root: inout Domains, rootBound: inout Int, budget: Int, using decomposition: DecompositionBound
    ) -> Bool {
        var decompositionBefore = Int.min  // the last round's, not the root's: another bound may be higher
        for round in 0..<Self.narrowingRounds {
            let before = root.values.reduce(0) { $0 + $1.count }
            let work = decomposition.work(root)
            let steps = min(Self.tighteningSteps, max(1, budget / max(1, work)))
            // The decomposition bounds the penalties of single activities; the shares add theirs.
            let share = shareBound(root)
            let tightened = decomposition.tighten(root, upperBound: cutoff - share, iterations: steps) {
                [unowned self] in timeIsUp()
            }
            let decompositionBound = roundedUp(tightened.bound + share)
            rootBound = max(rootBound, decompositionBound)
            provenBound = rootBound
            nodes += (tightened.steps + 2) * work
            guard !timeIsUp() else { return true }
            guard rootBound < cutoff, narrow(&root, below: cutoff - share, using: decomposition) != nil else {
                return false
            }
            if root.values.reduce(0, { $0 + $1.count }) == before { break }
            // A round that barely raised the bound narrows with nearly the same bound again.
            if round > 0
                && (decompositionBound - decompositionBefore) * Self.narrowingGain <= cutoff - decompositionBound
            {
                break
            }
            decompositionBefore = decompositionBound
        }
        let probing = probe(&root, below: cutoff, using: decomposition, budget: budget / Self.probingShare)
        nodes += probing.spent
        return probing.possible
    }

    /// Probing: each remaining slot of each activity is tried at the root — fixed, propagated
    /// and bounded — and goes when no schedule cheaper than `upperBound` can use it. Stops when
    /// a pass removes nothing or `budget` nodes are spent. Returns whether a cheaper schedule
    /// may remain, and the nodes spent.
    ///
    /// Stronger than `narrow`, which reads each slot's bound in the forests alone: here the
    /// slot's consequences through every rule (weekly caps, rules outside the forests) narrow
    /// the other domains before the bound is read. It is what let Convene prove the N=50
    /// synthetic plan optimal.
    func probe(
        _ root: inout Domains, below upperBound: Int, using decomposition: DecompositionBound, budget: Int
    ) -> (possible: Bool, spent: Int) {
        var spent = 0
        var removed = true
        var outOfTime = false
        while removed && spent < budget && !outOfTime {
            removed = false
            for a in root.values.indices where root[a].count > 1 && spent < budget && !outOfTime {
                var kept: [Int32] = []
                for (i, v) in root[a].enumerated() {
                    if i % 16 == 0 && (spent >= budget || timeIsUp()) {
                        // Out of budget half-way: the slots not yet tried stay.
                        outOfTime = true
                        kept.append(contentsOf: root[a][i...])
                        break
                    }
                    root.pushLevel()
                    var possible = root.set(a, [v]) && propagation.run(&root, changed: [a])
                    let share = possible ? shareBound(root) : 0
                    possible = possible && root.lowerBound + share < upperBound
                    if possible {
                        spent += decomposition.work(root) + 1
                        possible = decomposition.bound(root) + share < upperBound
                    }
                    root.popLevel()
                    if possible { kept.append(v) }
                }
                if kept.count < root[a].count {
                    guard !kept.isEmpty, root.set(a, kept), propagation.run(&root, changed: [a]) else {
                        return (false, spent)
                    }
                    removed = true
                }
            }
        }
        return (true, spent)
    }

    /// Removes from the domains the slots no schedule cheaper than `upperBound` can use, and
    /// propagates; nil when no such schedule remains below them, else the kept slots with their
    /// bounds (read before propagation: still bounds after it).
    private func narrow(
        _ d: inout Domains, below upperBound: Int, using decomposition: DecompositionBound
    ) -> SlotGuide? {
        guard let guide = decomposition.slotsBelow(upperBound, within: d) else { return nil }
        var changed: [Int] = []
        for a in guide.slots.indices where guide.slots[a].count < d[a].count {
            guard d.set(a, guide.slots[a]) else { return nil }
            changed.append(a)
        }
        return changed.isEmpty || propagation.run(&d, changed: changed) ? guide : nil
    }

    /// A complete search from the propagated root with at most `nodes` nodes, bounded by the
    /// best schedule so far; true when it finished, which proves that schedule optimal. It
    /// also ends, unfinished and with `restarted` set, at a schedule that closes a
    /// `restartGain` part of the gap to `rootBound` and against which the root narrows to at
    /// most a `restartGain` part of its slots (`narrowedRoot`).
    func searchFromRoot(_ root: Domains, nodes budget: Int, restartingBelow rootBound: Int) -> Bool {
        domains = root
        stopped = false
        restarted = false
        nodeLimit = min(options.nodeLimit, nodes + budget)
        if useDecomposition && decomposition != nil && bestObjective < Int.max && bestObjective > rootBound {
            restartAt = bestObjective - (bestObjective - rootBound) / Self.restartGain
            restartRoot = root
        }
        search()
        restartAt = nil
        restartRoot = nil
        nodeLimit = options.nodeLimit
        return !stopped
    }

    /// Whether the proof phase's search should start again below the schedule just recorded:
    /// its root, narrowed against it with the same shares, keeps at most a `restartGain` part
    /// of its slots, or nothing (`narrowedRoot` nil: the schedule is optimal). The work counts
    /// as nodes.
    private func shouldRestart() -> Bool {
        guard let decomposition, var narrowed = restartRoot else { return false }
        let before = narrowed.values.reduce(0) { $0 + $1.count }
        nodes += 3 * decomposition.work(narrowed)
        guard narrow(&narrowed, below: cutoff - shareBound(narrowed), using: decomposition) != nil else {
            narrowedRoot = nil
            return true
        }
        guard narrowed.values.reduce(0, { $0 + $1.count }) * Self.restartGain <= before else { return false }
        narrowedRoot = narrowed
        return true
    }

    func search() {
        nodes += 1
        if nodes >= nextCheck {
            nextCheck = nodes + 8
            checkLimits()
        }
        // What the pairs already placed and the groups' shares add to each activity's cheapest slot.
        let pairCost = fixedPairCost() + shareBound(domains)
        var guide: SlotGuide?
        if stopped || domains.lowerBound + pairCost >= cutoff { return }
        if useDecomposition, let decomposition, bestObjective < Int.max {
            // Slots that cannot beat the best schedule go, not only whole nodes; the work is
            // counted as nodes, so budgets stay deterministic and fair.
            nodes += 3 * decomposition.work(domains)
            guide = narrow(&domains, below: cutoff - pairCost, using: decomposition)
            guard guide != nil, domains.lowerBound + pairCost < cutoff else { return }
        }
        guard let a = chooseActivity() else {
            record()
            return
        }
        // Only the chosen activity's order is kept while the branches below run: the guide holds
        // a bound for every slot left, and a deep proof would hold one per level.
        let order = guide.map { guided(a, by: $0) } ?? candidates(a)
        guide = nil
        domains.pushLevel()
        defer { domains.popLevel() }
        for v in order {
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
            guard domains.set(a, rest), propagation.run(&domains, changed: [a]),
                domains.lowerBound + pairCost < cutoff
            else { return }
        }
    }

    /// A schedule below a node can beat the best one only when the node's lower bound is under
    /// this: the best objective less a step, plus one (`Int.max` before any schedule).
    var cutoff: Int { bestObjective == Int.max ? Int.max : bestObjective - objectiveStep + 1 }

    /// A lower bound raised to the next multiple of the objective's step: no schedule costs less.
    func roundedUp(_ bound: Int) -> Int {
        guard bound > 0, bound < Int.max / 4 else { return bound }
        return (bound + objectiveStep - 1) / objectiveStep * objectiveStep
    }

    /// A lower bound on the share penalties of any schedule within `d` (`SharePenalty.bound`).
    func shareBound(_ d: Domains) -> Int {
        var total = 0
        for (share, bounding) in zip(shares, shareBoundings) {
            // An empty domain's bound is huge: summed over many shares it must not overflow.
            total = min(Int.max / 4, total + share.bound(d, bounding))
        }
        return total
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

    /// Each slot's position in its activity's value order.
    lazy var ranks: [[Int32]] = valueOrder.indices.map { a in
        var r = [Int32](repeating: Int32.max, count: problem.activities[a].slots.count)
        for (i, v) in valueOrder[a].enumerated() { r[Int(v)] = Int32(i) }
        return r
    }

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
        bestAt = Date().timeIntervalSince(started)
        if firstSolutionAt == nil { firstSolutionAt = bestAt }
        if let restartAt, objective <= restartAt, shouldRestart() {
            stopped = true
            restarted = true
        }
    }

    private func checkLimits() {
        let elapsed = Date().timeIntervalSince(started)
        if clockIsPast() || nodes > nodeLimit || cancellation?.isSet == true { stopped = true }
        if let progress = options.progress, elapsed - lastProgress >= 0.25 {
            lastProgress = elapsed
            progress(elapsed, best == nil ? nil : bestObjective, provenBound)
        }
    }
}

extension Solver {
    func timeIsUp() -> Bool { clockIsPast() || nodes > options.nodeLimit || cancellation?.isSet == true }

    /// Whether the time limit or the command's deadline has passed; remembered for the result.
    func clockIsPast() -> Bool {
        guard ProcessInfo.processInfo.systemUptime >= stopAt else { return false }
        timedOut = true
        return true
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
