@testable import Scheduler
import Testing

/// The dependency-aware lower bound (`PrecedenceForest`) and the propagation that narrows
/// domains before it is read, on problems small enough to check by trying every schedule.
@Suite struct BoundTests {
    /// Every assignment of the problem's activities (each to one of its slots), by brute force:
    /// the cheapest one keeping `rules`, or nil when none does.
    static func cheapest(_ p: Problem) -> Int? {
        let sizes = p.activities.map(\.slots.count)
        var assignment = Array(repeating: 0, count: sizes.count)
        var best: Int?
        while true {
            if p.violations(assignment).isEmpty {
                let cost = p.objective(assignment)
                best = min(best ?? cost, cost)
            }
            var i = 0
            while i < sizes.count {
                assignment[i] += 1
                if assignment[i] < sizes[i] { break }
                assignment[i] = 0
                i += 1
            }
            if i == sizes.count { return best }
        }
    }

    static func rootBound(_ p: Problem) -> Int? {
        let costs = p.slotCosts()
        let domains = Domains(p.activities.map { (0..<Int32($0.slots.count)).map { $0 } }, costs: costs)
        return PrecedenceForest(problem: p, enabled: nil, costs: costs)?.bound(domains)
    }

    /// Random dependencies (ends or starts, some with a maximum gap) and random wishes.
    static func randomProblem(seed: UInt64, activities n: Int, extraEdges: Int) -> TinyProblem {
        var rng = SplitMix64(seed: seed)
        func draw(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        var t = TinyProblem()
        for i in 0..<n { t.add("e\(i)", days: 7, length: 1 + draw(2)) }
        func precedence(_ x: Int, _ y: Int) {
            let maxGap: Int? = draw(3) == 0 ? 2 + draw(3) : nil
            t.rule(.precedence(Precedence(before: x, after: y, minGap: draw(2), maxGap: maxGap,
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
        t.penalise(ids[3]) { $0 }       // wants to be early
        #expect(Self.rootBound(t.problem) == Self.cheapest(t.problem))
        #expect(Self.rootBound(t.problem) == 20)  // 0,3,6,9: e0 pays 11, e3 pays 9
    }

    @Test func onTreesOfDependenciesTheBoundIsExact() {
        for seed in UInt64(1)...30 {
            let p = Self.randomProblem(seed: seed, activities: 5, extraEdges: 0).problem
            #expect(Self.rootBound(p) ?? 0 == Self.cheapest(p) ?? PrecedenceForest.infinity, "seed \(seed)")
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
}
