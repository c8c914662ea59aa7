@testable import Scheduler
import Testing

/// The minimum cut (`MaxFlow`) and the bound it gives on dependencies (`DependencyCut`), checked
/// by trying every schedule of small plans.
@Suite struct DependencyCutTests {
    static func cut(_ p: Problem, domains: Domains? = nil) -> Int? {
        var work = 0
        return DependencyCut.bound(
            p, enabled: nil, domains: domains ?? BoundTests.fullDomains(p), costs: p.slotCosts(), work: &work
        ) { _ in false }
    }

    @Test func aSmallCutIsTheCheapestOne() {
        // s → a (3), s → b (2), a → b (1), a → t (2), b → t (3): the cut {s, a} | {b, t} costs 2 + 1 + 2.
        var graph = MaxFlow(nodes: 4)
        for (u, v, c) in [(0, 2, 3), (0, 3, 2), (2, 3, 1), (2, 1, 2), (3, 1, 3)] {
            graph.addArc(from: u, to: v, capacity: c)
        }
        var work = 0
        #expect(graph.minimumCut(from: 0, to: 1, work: &work) { _ in false } == 5)
        #expect(work > 0)
    }

    @Test func randomGraphsCutAsCheaplyAsTheCheapestPartition() {
        for seed in UInt64(1)...200 {
            var rng = SplitMix64(seed: seed)
            let n = 11
            var arcs: [(Int, Int, Int)] = []
            for _ in 0..<30 {
                let u = Int(rng.next() % UInt64(n)), v = Int(rng.next() % UInt64(n))
                let c = rng.next() % 5 == 0 ? MaxFlow.unbounded : Int(rng.next() % 10)
                if u != v { arcs.append((u, v, c)) }
            }
            var graph = MaxFlow(nodes: n)
            for (u, v, c) in arcs { graph.addArc(from: u, to: v, capacity: c) }
            var cheapest = MaxFlow.unbounded
            for mask in 0..<(1 << (n - 2)) {  // the source (0) on one side, the sink (1) on the other
                let side = (0..<n).map { $0 == 0 || ($0 >= 2 && mask & (1 << ($0 - 2)) != 0) }
                var total = 0
                for (u, v, c) in arcs where side[u] && !side[v] { total = min(MaxFlow.unbounded, total + c) }
                cheapest = min(cheapest, total)
            }
            var work = 0
            #expect(graph.minimumCut(from: 0, to: 1, work: &work) { _ in false } == cheapest, "seed \(seed)")
        }
    }

    @Test func anUnboundedPathHasNoFiniteCut() {
        var graph = MaxFlow(nodes: 3)
        graph.addArc(from: 0, to: 2, capacity: MaxFlow.unbounded)
        graph.addArc(from: 2, to: 1, capacity: MaxFlow.unbounded)
        graph.addArc(from: 0, to: 1, capacity: 7)
        var work = 0
        #expect(graph.minimumCut(from: 0, to: 1, work: &work) { _ in false } == MaxFlow.unbounded)
    }

    @Test func aStopEndsTheCutWithoutAValue() {
        let p = BoundTests.randomProblem(seed: 3, activities: 5, extraEdges: 2).problem
        var work = 0
        #expect(
            DependencyCut.bound(
                p, enabled: nil, domains: BoundTests.fullDomains(p), costs: p.slotCosts(),
                work: &work
            ) { _ in true } == nil)
    }

    @Test func theCutOfAChainIsItsOptimum() {
        var t = TinyProblem()
        let ids = (0..<4).map { t.add("e\($0)", days: 12, length: 2) }
        for (x, y) in zip(ids, ids.dropFirst()) {
            t.rule(.precedence(Precedence(before: x, after: y, minGap: 1, maxGap: nil, anchor: .end, scale: .days)))
        }
        t.penalise(ids[0]) { 11 - $0 }
        t.penalise(ids[3]) { $0 }
        #expect(Self.cut(t.problem) == 20)
    }

    @Test func onTangledDependenciesTheCutIsExact() {
        // Cycles of dependencies (through ends and starts, some with a maximum gap), where the
        // forests' bound is only a bound: the cut is the cheapest schedule.
        var checked = 0
        for seed in UInt64(1)...60 {
            let p = BoundTests.randomProblem(seed: seed, activities: 5, extraEdges: 3).problem
            guard let optimum = BoundTests.cheapest(p) else {
                #expect(Self.cut(p) == nil, "seed \(seed): no schedule, so no finite cut")
                continue
            }
            #expect(Self.cut(p) == optimum, "seed \(seed)")
            checked += 1
        }
        #expect(checked > 40)
    }

    @Test func withinRulesAreExactToo() {
        for seed in UInt64(100)...130 {
            var t = BoundTests.randomProblem(seed: seed, activities: 4, extraEdges: 1)
            t.rule(.within(inner: 3, outer: Int(seed % 3), scale: .days))
            let p = t.problem
            guard let optimum = BoundTests.cheapest(p) else { continue }
            #expect(Self.cut(p) == optimum, "seed \(seed)")
        }
    }

    @Test func withOtherRulesTheCutStaysABound() {
        for seed in UInt64(200)...230 {
            let p = BoundTests.withNoOverlaps(
                BoundTests.randomProblem(seed: seed, activities: 5, extraEdges: 2), seed: seed, count: 4)
            guard let optimum = BoundTests.cheapest(p) else { continue }
            #expect((Self.cut(p) ?? 0) <= optimum, "seed \(seed)")
        }
    }

    @Test func aNarrowedDomainIsRead() {
        // Within domains that exclude the cheap starts, the cut reads what is left.
        var t = TinyProblem()
        let a = t.add("a", days: 6), b = t.add("b", days: 6)
        t.rule(.precedence(Precedence(before: a, after: b, minGap: 0, maxGap: nil, anchor: .end, scale: .days)))
        t.penalise(a) { $0 }
        t.penalise(b) { 5 - $0 }
        let p = t.problem
        #expect(Self.cut(p) == 0)  // a on day 0, b on day 5
        let narrowed = Domains([[2, 3], [2, 3]], costs: p.slotCosts())
        #expect(Self.cut(p, domains: narrowed) == 2 + 2)  // a on 2, b on 3
    }
}
