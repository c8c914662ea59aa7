import Scheduler
import Testing

/// Minimal conflicts: one event's own rules without a search, others by deletion by halves,
/// and a deadline that returns the smallest conflict found so far.
@Suite struct ConflictFinderTests {
    /// A chain of `n` one-day events, each after the one before, in 200 days:
    /// many relations that have nothing to do with a conflict planted elsewhere.
    func chainWithBystanders(_ n: Int) -> (TinyProblem, [Int]) {
        var t = TinyProblem()
        let ids = (0..<n).map { t.add("e\($0)", days: 200) }
        for i in 1..<n {
            t.rule(
                .precedence(
                    Precedence(before: ids[i - 1], after: ids[i], minGap: 0, maxGap: nil, anchor: .end, scale: .days)),
                "e\(i) after e\(i - 1)")
        }
        return (t, ids)
    }

    @Test func oneRuleThatLeavesNoSlotIsTheConflictWithoutASearch() {
        var (t, ids) = chainWithBystanders(30)
        t.allow(ids[7], "e7 in its window") { $0 >= 10 }
        t.allow(ids[7], "e7's local hours never meet") { _ in false }
        t.allow(ids[7], "e7 not on day 20") { $0 != 20 }
        let conflict = ConflictFinder.minimalConflict(in: t.problem)
        #expect(conflict.rules.map { t.rules[$0].origin.text } == ["e7's local hours never meet"])
        #expect(conflict.provenMinimal)
        #expect(conflict.searches == 0)
    }

    @Test func oneEventsRulesTogetherAreFoundBySetsAlone() {
        var (t, ids) = chainWithBystanders(10)
        t.allow(ids[3], "e3 early") { $0 < 10 }
        t.allow(ids[3], "e3 late") { $0 >= 10 }
        t.allow(ids[3], "e3 not on day 5") { $0 != 5 }
        let conflict = ConflictFinder.minimalConflict(in: t.problem)
        #expect(Set(conflict.rules.map { t.rules[$0].origin.text }) == ["e3 early", "e3 late"])
        #expect(conflict.searches == 0)
    }

    @Test func aConflictOfRelationsTakesFarFewerSearchesThanRules() {
        // Two windows squeeze a short stretch of a 60-event chain: e20 from day 30 and e23 by
        // day 31 leave no room for the two events between them.
        var (t, ids) = chainWithBystanders(60)
        t.allow(ids[20], "e20 from day 30") { $0 >= 30 }
        t.allow(ids[23], "e23 by day 31") { $0 <= 31 }
        let conflict = ConflictFinder.minimalConflict(in: t.problem)
        #expect(
            Set(conflict.rules.map { t.rules[$0].origin.text })
                == ["e20 from day 30", "e23 by day 31", "e21 after e20", "e22 after e21", "e23 after e22"])
        #expect(conflict.provenMinimal)
        #expect(conflict.searches < t.rules.count / 2, "\(conflict.searches) searches for \(t.rules.count) rules")
    }

    @Test func aPassedDeadlineReturnsTheConflictFoundSoFarUnproven() {
        var (t, ids) = chainWithBystanders(20)
        t.allow(ids[5], "e5 from day 30") { $0 >= 30 }
        t.allow(ids[6], "e6 by day 30") { $0 <= 30 }
        let conflict = ConflictFinder.minimalConflict(in: t.problem, deadline: Deadline(seconds: 0))
        #expect(!conflict.provenMinimal)
        // Nothing could be checked, so every rule stays: still a conflict.
        #expect(conflict.rules.count == t.rules.count)
        #expect(t.solve().status == .infeasible)
    }
}
