@testable import Scheduler
import Testing

/// The lower bound over forests of rules (`DecompositionBound`, `RuleForest`) and the propagation that narrows
/// domains before it is read, on problems small enough to check by trying every schedule.
@Suite struct BoundTests {
    /// Every assignment of the problem's activities (each to one of its slots), by brute force:
    /// the cheapest one keeping `rules`, or nil when none does.
    static func cheapest(_ p: Problem) -> Int? {
        var best: Int?
        forEachAssignment(p) { assignment in
            if p.violations(assignment).isEmpty {
                let cost = p.objective(assignment)
                best = min(best ?? cost, cost)
            }
        }
        return best
    }

    /// Calls `body` with every assignment of the problem's activities, each to one of its slots.
    static func forEachAssignment(_ p: Problem, _ body: ([Int]) -> Void) {
        let sizes = p.activities.map(\.slots.count)
        var assignment = Array(repeating: 0, count: sizes.count)
        while true {
            body(assignment)
            var i = 0
            while i < sizes.count {
                assignment[i] += 1
                if assignment[i] < sizes[i] { break }
                assignment[i] = 0
                i += 1
            }
            if i == sizes.count { return }
        }
    }

    static func fullDomains(_ p: Problem) -> Domains {
        Domains(p.activities.map { (0..<Int32($0.slots.count)).map { $0 } }, costs: p.slotCosts())
    }

    static func rootBound(_ p: Problem) -> Int? {
        DecompositionBound(problem: p, enabled: nil, costs: p.slotCosts())?.bound(fullDomains(p))
    }

    /// The cheapest schedule keeping the rules with activity `a` on slot `v`, by brute force.
    static func cheapest(_ p: Problem, fixing a: Int, to v: Int) -> Int? {
        var q = p
        q.rules.append(
            Rule(
                .allow(activity: a, slots: SlotSet(capacity: p.activities[a].slots.count, where: { $0 == v })),
                origin: p.rules[0].origin))
        return cheapest(q)
    }

    /// Random dependencies (ends or starts, some with a maximum gap) and random wishes.
    static func randomProblem(seed: UInt64, activities n: Int, extraEdges: Int) -> TinyProblem {
        var rng = SplitMix64(seed: seed)
        func draw(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        var t = TinyProblem()
        for i in 0..<n { t.add("e\(i)", days: 7, length: 1 + draw(2)) }
        func precedence(_ x: Int, _ y: Int) {
            let maxGap: Int? = draw(3) == 0 ? 2 + draw(3) : nil
            t.rule(
                .precedence(
                    Precedence(
                        before: x, after: y, minGap: draw(2), maxGap: maxGap,
                        anchor: draw(2) == 0 ? .start : .end, scale: .days)))
        }
        for i in 1..<n { precedence(draw(i), i) }  // a tree: each joins an earlier one
        for _ in 0..<extraEdges {
            let x = draw(n), y = draw(n)
            if x != y { precedence(min(x, y), max(x, y)) }
        }
        for i in 0..<n {
            let target = draw(7), weight = 1 + draw(5)
            t.penalise(i) { abs($0 - target) * weight }
        }
        return t
    }

    @Test func theBoundOfAChainIsItsOptimum() {
        // Each event's cheapest slot costs nothing, but the chain cannot give every one of them.
        var t = TinyProblem()
        let ids = (0..<4).map { t.add("e\($0)", days: 12, length: 2) }
        for (x, y) in zip(ids, ids.dropFirst()) {
            t.rule(.precedence(Precedence(before: x, after: y, minGap: 1, maxGap: nil, anchor: .end, scale: .days)))
        }
        t.penalise(ids[0]) { 11 - $0 }  // wants to be late
        t.penalise(ids[3]) { $0 }  // wants to be early
        #expect(Self.rootBound(t.problem) == Self.cheapest(t.problem))
        #expect(Self.rootBound(t.problem) == 20)  // 0,3,6,9: e0 pays 11, e3 pays 9
    }

    @Test func onTreesOfDependenciesTheBoundIsExact() {
        for seed in UInt64(1)...30 {
            let p = Self.randomProblem(seed: seed, activities: 5, extraEdges: 0).problem
            #expect(Self.rootBound(p) ?? 0 == Self.cheapest(p) ?? DecompositionBound.infinity, "seed \(seed)")
        }
    }

    @Test func withCyclesTheBoundNeverExceedsTheOptimum() {
        for seed in UInt64(31)...60 {
            let p = Self.randomProblem(seed: seed, activities: 5, extraEdges: 2).problem
            guard let optimum = Self.cheapest(p) else { continue }
            #expect((Self.rootBound(p) ?? 0) <= optimum, "seed \(seed)")
            let result = Solver(p).solve()
            #expect(result.status == .optimal && result.objective == optimum, "seed \(seed)")
        }
    }

    @Test func noOverlapRemovesWhatTheOtherMustCover() {
        // a starts on day 3 or 4 and lasts 3 days: days 4 and 5 are taken either way, so b
        // (one day) cannot be on them even before a is fixed.
        var t = TinyProblem()
        let a = t.add("a", days: 10, length: 3), b = t.add("b", days: 10)
        t.allow(a) { $0 == 3 || $0 == 4 }
        t.rule(.noOverlap(a, b, padding: 0, scale: .days))
        let p = t.problem
        var domains = Domains(Solver.initialDomains(p, enabled: nil), costs: p.slotCosts())
        #expect(Propagation(problem: p, enabled: nil).run(&domains, changed: [a, b]))
        #expect(domains[b] == [0, 1, 2, 3, 6, 7, 8, 9])
    }

    /// Random no-overlaps (some with a day of padding) on top of `randomProblem`'s dependencies.
    static func withNoOverlaps(_ t: TinyProblem, seed: UInt64, count: Int) -> Problem {
        var t = t
        var rng = SplitMix64(seed: seed)
        let n = t.problem.activities.count
        for _ in 0..<count {
            let x = Int(rng.next() % UInt64(n)), y = Int(rng.next() % UInt64(n))
            if x != y { t.rule(.noOverlap(x, y, padding: Int(rng.next() % 2), scale: .days)) }
        }
        return t.problem
    }

    /// Four activities joined by a tree of dependencies (where one forest is exact), and four
    /// with a cycle and no-overlaps on top (where the bound is only a bound).
    static func treeAndTangled(seed: UInt64) -> [(Problem, isTree: Bool)] {
        [
            (randomProblem(seed: seed, activities: 4, extraEdges: 0).problem, true),
            (withNoOverlaps(randomProblem(seed: seed, activities: 4, extraEdges: 1), seed: seed, count: 3), false),
        ]
    }

    @Test func noOverlapsInAForestAreExact() {
        // A path of no-overlaps is one tree: the bound is the optimum.
        for seed in UInt64(61)...80 {
            var t = TinyProblem()
            var rng = SplitMix64(seed: seed)
            let ids = (0..<4).map { t.add("e\($0)", days: 6, length: 1 + Int(rng.next() % 2)) }
            for (x, y) in zip(ids, ids.dropFirst()) {
                t.rule(.noOverlap(x, y, padding: Int(rng.next() % 2), scale: .days))
            }
            for i in ids {
                let target = Int(rng.next() % 6), weight = 1 + Int(rng.next() % 4)
                t.penalise(i) { abs($0 - target) * weight }
            }
            #expect(
                Self.rootBound(t.problem) ?? DecompositionBound.infinity == Self.cheapest(t.problem)
                    ?? DecompositionBound.infinity,
                "seed \(seed)")
        }
    }

    /// A forest fills again only the tables whose member's domain or shares changed, and their
    /// ancestors' (`RuleForest.bound`): through narrowed and restored domains and moved shares,
    /// its bound and the placement read back are those of a forest that fills every table.
    @Test func boundFillingOnlyChangedTablesIsTheFullBound() throws {
        for seed in UInt64(121)...140 {
            let p = Self.withNoOverlaps(
                Self.randomProblem(seed: seed, activities: 6, extraEdges: 2), seed: seed, count: 5)
            let bound = try #require(DecompositionBound(problem: p, enabled: nil, costs: p.slotCosts()))
            var domains = Self.fullDomains(p)
            var rng = SplitMix64(seed: seed)
            for (k, forest) in bound.forests.enumerated() {
                let members = p.activities.indices.filter { !forest.shares[$0].isEmpty }
                for round in 0..<12 {
                    switch round % 3 {
                    case 0:  // a search goes down: some members lose slots
                        domains.pushLevel()
                        for a in members where rng.next() % 3 == 0 && domains[a].count > 1 {
                            _ = domains.set(a, Array(domains[a].dropLast(1 + Int(rng.next() % 2))))
                        }
                    case 1:  // a subgradient step moves some members' shares
                        for a in members where rng.next() % 3 == 0 {
                            for v in forest.shares[a].indices {
                                forest.moveShare(a, slot: v, by: Int(rng.next() % 7) - 3)
                            }
                        }
                    default:  // and comes back up
                        domains.popLevel()
                    }
                    let value = forest.bound(domains)
                    var choice = Array(repeating: Int32(0), count: p.activities.count)
                    forest.choose(domains, into: &choice)
                    let fresh = try #require(
                        DecompositionBound(problem: p, enabled: nil, costs: p.slotCosts())?.forests[k])
                    fresh.replaceShares(forest.shares)
                    let full = fresh.bound(domains)
                    var fullChoice = choice
                    fresh.choose(domains, into: &fullChoice)
                    #expect(value == full, "seed \(seed), round \(round): \(value), every table filled \(full)")
                    if full < DecompositionBound.infinity { #expect(choice == fullChoice, "seed \(seed)") }
                }
            }
        }
    }

    @Test func tighteningStaysAValidBoundAndOnlyRises() throws {
        for seed in UInt64(81)...100 {
            let p = Self.withNoOverlaps(
                Self.randomProblem(seed: seed, activities: 5, extraEdges: 1), seed: seed, count: 4)
            guard let optimum = Self.cheapest(p) else { continue }
            let bound = try #require(DecompositionBound(problem: p, enabled: nil, costs: p.slotCosts()))
            let domains = Self.fullDomains(p)
            let before = bound.bound(domains)
            let after = bound.tighten(domains, upperBound: optimum, iterations: 200).bound
            #expect(before <= after && after <= optimum, "seed \(seed): \(before) → \(after), optimum \(optimum)")
            #expect(bound.bound(domains) == after, "seed \(seed): the best shares are kept")
            let result = Solver(p).solve()
            #expect(result.status == .optimal && result.objective == optimum, "seed \(seed)")
        }
    }

    @Test func onlySlotsThatCannotBeatTheBestScheduleGo() throws {
        for seed in UInt64(101)...120 {
            for (p, exact) in Self.treeAndTangled(seed: seed) {
                guard let optimum = Self.cheapest(p) else { continue }
                let upper = optimum + 3
                let bound = try #require(DecompositionBound(problem: p, enabled: nil, costs: p.slotCosts()))
                let domains = Self.fullDomains(p)
                bound.tighten(domains, upperBound: upper, iterations: 100)
                let kept = try #require(bound.slotsBelow(upper, within: domains)).slots
                for a in p.activities.indices {
                    for v in 0..<p.activities[a].slots.count {
                        let best = Self.cheapest(p, fixing: a, to: v) ?? DecompositionBound.infinity
                        let isKept = kept[a].contains(Int32(v))
                        // Never drops a slot of a schedule cheaper than `upper`; on a tree, drops all others.
                        if best < upper { #expect(isKept, "seed \(seed): \(a)@\(v) costs \(best)") }
                        if exact && best >= upper { #expect(!isKept, "seed \(seed): \(a)@\(v) costs \(best)") }
                    }
                }
            }
        }
    }

    @Test func probingKeepsEverySlotOfACheaperScheduleAndProvesTrees() throws {
        for seed in UInt64(121)...140 {
            for (p, isTree) in Self.treeAndTangled(seed: seed) {
                guard let optimum = Self.cheapest(p) else { continue }
                let solver = Solver(p)
                let decomposition = try #require(solver.decomposition)
                var root = solver.domains
                #expect(solver.propagation.run(&root, changed: Array(p.activities.indices)))
                var probed = root
                let upper = optimum + 3
                #expect(
                    solver.probe(&probed, below: upper, using: decomposition, budget: 1_000_000).possible,
                    "seed \(seed)")
                for a in p.activities.indices {
                    for v in 0..<p.activities[a].slots.count
                    where (Self.cheapest(p, fixing: a, to: v) ?? Int.max) < upper {
                        #expect(probed[a].contains(Int32(v)), "seed \(seed): \(a)@\(v) is in a schedule under \(upper)")
                    }
                }
                if isTree {
                    // Nothing is cheaper than the optimum: on a tree, probing proves it.
                    var proof = root
                    #expect(
                        !solver.probe(&proof, below: optimum, using: decomposition, budget: 1_000_000).possible,
                        "seed \(seed)")
                }
            }
        }
    }
}
