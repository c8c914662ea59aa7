import Scheduler
import Testing

/// Each solver rule alone on a minimal problem.
@Suite struct RuleTests {
    @Test func allowKeepsOnlyTheListedSlots() {
        var t = TinyProblem()
        let a = t.add("a")
        t.allow(a) { $0 >= 6 }
        let result = t.solve()
        #expect(result.status == .optimal)
        #expect(result.assignment == [6])
    }

    @Test func precedenceCountsTheGapFromTheEnd() {
        var t = TinyProblem()
        let a = t.add("a", length: 2), b = t.add("b")
        t.allow(a) { $0 == 1 }  // days 1–2, exclusive end day 3
        t.rule(.precedence(Precedence(before: a, after: b, minGap: 2, maxGap: nil, anchor: .end, scale: .days)))
        #expect(t.solve().assignment == [1, 5])
    }

    @Test func precedenceFromTheStartAllowsOverlap() {
        var t = TinyProblem()
        let a = t.add("a", length: 3), b = t.add("b")
        t.allow(a) { $0 == 2 }
        t.rule(.precedence(Precedence(before: a, after: b, minGap: 1, maxGap: nil, anchor: .start, scale: .days)))
        #expect(t.solve().assignment == [2, 3])
    }

    @Test func maximumGapPullsTheLaterEventIn() {
        var t = TinyProblem()
        let a = t.add("a"), b = t.add("b")
        t.allow(a) { $0 == 0 }
        t.penalise(b) { 10 - $0 }  // b would rather be late
        t.rule(.precedence(Precedence(before: a, after: b, minGap: 0, maxGap: 3, anchor: .end, scale: .days)))
        #expect(t.solve().assignment == [0, 4])
    }

    @Test func noOverlapSeparatesTwoEvents() {
        var t = TinyProblem()
        let a = t.add("a", length: 3), b = t.add("b", length: 2)
        t.penalise(a) { $0 }
        t.penalise(b) { $0 }
        t.rule(.noOverlap(a, b, padding: 0, scale: .days))
        let result = t.solve()
        #expect(result.objective == 2)  // b on days 0–1, a from day 2
        let assignment = result.assignment ?? []
        #expect(t.problem.violations(assignment).isEmpty)
    }

    @Test func paddingKeepsTravelTimeBetweenEvents() {
        var t = TinyProblem()
        let a = t.add("a"), b = t.add("b")
        t.allow(a) { $0 == 0 }
        t.rule(.noOverlap(a, b, padding: 2, scale: .days))
        #expect(t.solve().assignment == [0, 3])
    }

    @Test func withinKeepsTheInnerEventInsideTheOuter() {
        var t = TinyProblem()
        let outer = t.add("outer", length: 4), inner = t.add("inner")
        t.allow(outer) { $0 == 5 }
        #expect(TinyProblemCheck.solveWithin(&t, inner: inner, outer: outer) == [5, 5])
    }

    @Test func weeklyCapSpreadsEventsOverWeeks() {
        var t = TinyProblem()
        let list = (0..<3).map { t.add("e\($0)", days: 14) }
        t.rule(t.weeklyCap(activities: list, cap: 2))
        let assignment = t.solve().assignment ?? []
        let weeks = assignment.map { $0 / 7 }
        #expect(weeks.filter { $0 == 0 }.count == 2 && weeks.filter { $0 == 1 }.count == 1)
    }

    @Test func countingCapCountsAnyGroupingOfDays() {
        // Buckets that are not weeks: days 0–2 one bucket, 3–9 another; a day past the table
        // (10 and on) is a bucket of its own.
        var t = TinyProblem()
        let list = (0..<4).map { t.add("e\($0)", days: 12) }
        let cap = CountingCap(
            activities: list, cap: 1, unit: "stretch", firstDay: 0,
            bucketOfDay: [0, 0, 0] + Array(repeating: 1, count: 7))
        t.rule(.countingCap(cap))
        let assignment = t.solve().assignment ?? []
        #expect(assignment.filter { $0 < 3 }.count == 1)
        #expect(assignment.filter { (3..<10).contains($0) }.count == 1)
        #expect(assignment.filter { $0 >= 10 } == [10, 11])
        #expect(t.problem.violations([0, 1, 10, 11]) == [0])  // two in the first stretch
        #expect(t.problem.violations([0, 3, 10, 11]).isEmpty)
    }

    @Test func conflictingRulesAreProvenInfeasible() {
        var t = TinyProblem()
        let a = t.add("a")
        t.allow(a) { $0 < 3 }
        t.allow(a) { $0 > 5 }
        #expect(t.solve().status == .infeasible)
    }
}

enum TinyProblemCheck {
    static func solveWithin(_ t: inout TinyProblem, inner: Int, outer: Int) -> [Int]? {
        t.rule(.within(inner: inner, outer: outer, scale: .days))
        return t.solve().assignment
    }
}
