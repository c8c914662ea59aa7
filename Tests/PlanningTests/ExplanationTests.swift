import Planning
import Testing

/// `convene explain`: the penalties an event carries, once each, in the plan's units.
@Suite struct ExplanationTests {
    @Test func aPenaltyReadsInThePlansUnitsWithItsWeight() throws {
        // The last 14 days of May are blacked out, so the story that prefers late ends on the
        // 17th: two weeks before the end of its window, at weight 10.
        let s = try Solved(
            """
            events:
              - {id: story, title: Story, duration: 1d, window: 2021-05, prefer: late, weight: 10}
            blackouts:
              - {id: busy, name: Busy, dates: 2021-05-18..2021-05-31}
            """)
        let a = try #require(s.model.activity("story"))
        let text = Explanation.render(model: s.model, assignment: try #require(s.result.assignment), activity: a)
        #expect(text.contains("  placed 17 May 2021 (all day, America/New_York)\n"))
        #expect(
            text.contains(
                "    'story' prefers late in its window: 2 weeks before the end of its window, × weight 10 (")
        )
        #expect(text.contains("/plan.yaml:8:70)\n  total: 140 weighted days\n"))
    }

    @Test func zeroPenaltiesAreLeftOutAndNoneIsPrintedTwice() throws {
        // A speaker in two sessions wants them in one room and an hour apart: both hold, so
        // neither of the two penalties that rule makes is printed.
        let s = try Solved(
            SessionRuleTests.summit + """
                events:
                  - {id: a, title: A, duration: 1h, window: 2021-12-15, speakers: [kim], prefer: early}
                  - {id: b, title: B, duration: 1h, window: 2021-12-15, speakers: [kim], attendance: 10}
                """, horizon: "2021-12", zone: "Asia/Seoul", granularity: "15m")
        let a = try #require(s.model.activity("a"))
        let text = Explanation.render(model: s.model, assignment: try #require(s.result.assignment), activity: a)
        let lines = text.split(separator: "\n").filter { $0.hasPrefix("    ") && $0.contains("speaks in") }
        #expect(lines.isEmpty, "\(text)")
        #expect(!text.contains(" 0 —"))
        let penaltyLines = text.split(separator: "\n").filter { $0.hasPrefix("    ") }
        #expect(Set(penaltyLines).count == penaltyLines.count)
    }

    @Test func weightedTotalsReadInDaysOrMinutes() {
        #expect(PlanUnits.weighted(347_040) == "241 weighted days")
        #expect(PlanUnits.weighted(8_475) == "8,475 weighted minutes")
        #expect(PlanUnits.weighted(300_000, unitOf: 347_040) == "208 weighted days")
        #expect(PlanUnits.amount(minutes: 90, scale: .minutes) == "1 hour 30 minutes")
        #expect(PlanUnits.amount(minutes: 3 * 1440, scale: .days) == "3 days")
    }
}
