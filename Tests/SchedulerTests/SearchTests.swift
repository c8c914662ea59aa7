import Scheduler
import Testing

@Suite struct SearchTests {
    /// A chain of five events with gaps and penalties whose optimum is known by hand.
    func chain() -> TinyProblem {
        var t = TinyProblem()
        let ids = (0..<5).map { t.add("e\($0)", days: 40, length: 2) }
        for (x, y) in zip(ids, ids.dropFirst()) {
            t.rule(.precedence(Precedence(before: x, after: y, minGap: 1, maxGap: nil, anchor: .end, scale: .days)))
        }
        t.penalise(ids[4]) { abs($0 - 12) * 10 }  // wants day 12, but the chain needs 0,3,6,9,12 at the earliest
        t.penalise(ids[0]) { (39 - $0) }  // wants to be late
        return t
    }

    @Test func provesTheOptimum() {
        let result = chain().solve()
        #expect(result.status == .optimal)
        #expect(result.assignment == [0, 3, 6, 9, 12])
        #expect(result.objective == 39)
        #expect(result.bound == 39)
    }

    @Test func sameSeedSameSchedule() {
        var t = TinyProblem()
        for i in 0..<6 { t.add("e\(i)", days: 20) }
        for i in 0..<5 { t.rule(.noOverlap(i, i + 1, padding: 0, scale: .days)) }
        let first = t.solve(seed: 7), second = t.solve(seed: 7)
        #expect(first.assignment == second.assignment)
        #expect(first.objective == second.objective)
    }

    @Test func minimalConflictDropsEveryRuleNotNeeded() {
        var t = TinyProblem()
        let a = t.add("a"), b = t.add("b"), c = t.add("c")
        t.allow(a, "a late") { $0 >= 1 }  // needed
        t.allow(b, "b early") { $0 <= 4 }  // needed
        t.rule(
            .precedence(Precedence(before: a, after: b, minGap: 3, maxGap: nil, anchor: .end, scale: .days)),
            "b well after a")  // needed
        t.allow(c, "c anywhere but 0") { $0 != 0 }  // irrelevant
        t.allow(a, "a not on 9") { $0 != 9 }  // irrelevant
        t.rule(.noOverlap(a, c, padding: 0, scale: .days), "a and c apart")  // irrelevant
        #expect(t.solve().status == .infeasible)
        let conflict = ConflictFinder.minimalConflict(in: t.problem)
        #expect(conflict.provenMinimal)
        #expect(Set(conflict.rules.map { t.rules[$0].origin.text }) == ["a late", "b early", "b well after a"])
        // Minimal: dropping any one of them makes the rest satisfiable.
        for r in conflict.rules {
            var options = SolverOptions()
            options.enabledRules = t.rules.indices.map { conflict.rules.contains($0) && $0 != r }
            #expect(Solver(t.problem, options: options).solve().status == .optimal)
        }
    }

    @Test func everyRuleInAConflictIsNeededWithRelations() {
        // Three events pairwise apart in a two-day window cannot fit; any two can.
        var t = TinyProblem()
        let ids = (0..<3).map { t.add("e\($0)", days: 2) }
        t.rule(.noOverlap(ids[0], ids[1], padding: 0, scale: .days), "01")
        t.rule(.noOverlap(ids[1], ids[2], padding: 0, scale: .days), "12")
        t.rule(.noOverlap(ids[0], ids[2], padding: 0, scale: .days), "02")
        t.rule(t.weeklyCap(activities: ids, cap: 3), "cap")
        let conflict = ConflictFinder.minimalConflict(in: t.problem)
        #expect(Set(conflict.rules.map { t.rules[$0].origin.text }) == ["01", "12", "02"])
    }

    @Test func verifyingFindsTheBrokenRule() {
        let t = chain()
        #expect(t.problem.violations([0, 3, 6, 9, 12]).isEmpty)
        #expect(t.problem.violations([0, 3, 6, 10, 12]).count == 1)
    }
}
