import Planning
import Scheduler
import Testing
import Chronology

/// Soft wishes, each alone, in minutes × weight.
@Suite struct PreferenceTests {
    @Test func earlyLateAndTargetDate() throws {
        let s = try Solved(
            """
            events:
              - {id: early, title: E, duration: 2d, window: 2021-06, prefer: early}
              - {id: late, title: L, duration: 2d, window: 2021-06, prefer: late}
              - {id: target, title: T, duration: 2d, window: 2021-06, prefer: 2021-06-17}
            """)
        #expect(s.start("early") == "2021-06-01")
        #expect(s.start("late") == "2021-06-29")
        #expect(s.start("target") == "2021-06-17")
        #expect(s.result.objective == 0)
    }

    @Test func targetPenaltyIsDaysAwayTimesWeight() throws {
        let s = try Solved(
            """
            events:
              - {id: t, title: T, duration: 1d, window: 2021-06-01..2021-06-10, prefer: 2021-06-14, weight: 3}
            """)
        #expect(s.start("t") == "2021-06-10")
        #expect(s.result.objective == 4 * 1440 * 3)
    }

    @Test func nearAForum() throws {
        let s = try Solved(
            """
            fixed:
              - {id: unga, title: UNGA, dates: 2021-09-21..2021-09-27}
            events:
              - {id: side, title: S, duration: 1d, window: 2021-07..2021-12, near: [{event: unga, within: 2d}]}
            """)
        #expect(s.start("side") == "2021-09-18")  // its day ends two days before UNGA opens: close enough, and earliest
        #expect(s.result.objective == 0)
    }

    @Test func fairnessMinimisesTheWorstZonesInconvenience() throws {
        // Seoul and New York share no working hour; the fairest 1h slot splits the pain.
        let s = try Solved(
            """
            people:
              - {id: kim, name: Kim, zone: Asia/Seoul, working-hours: 09:00-18:00}
              - {id: ann, name: Ann, zone: America/New_York, working-hours: 09:00-18:00}
            events:
              - {id: call, title: Call, duration: 1h, window: 2021-07-13, participants: [kim, ann]}
            """)
        // New York is 13 h behind Seoul in July: 09:00 in Seoul is 20:00 the day before in New York.
        // Best worst-case: both 1–1.5 h outside; objective is the worst zone's minutes.
        #expect(s.result.objective == 60)
    }

    @Test func keepingAnAnnouncedScheduleMovesNothingNeedlessly() throws {
        let announced = Announced(start: 0, day: CivilDateDay.of("2021-06-21"))
        let s = try Solved(
            """
            events:
              - {id: a, title: A, duration: 1d, window: 2021-06, prefer: early}
            """, previous: ["a": announced])
        #expect(s.start("a") == "2021-06-21")
    }
}

enum CivilDateDay {
    static func of(_ text: String) -> Int {
        (try? Chronology.CivilDate.parse(text).get().dayNumber) ?? 0
    }
}

@Suite struct SpacingTests {
    @Test func relatedEventsSpreadOut() throws {
        let s = try Solved(
            """
            events:
              - {id: a, title: A, duration: 1d, window: 2021-06, prefer: early}
              - {id: b, title: B, duration: 1d, window: 2021-06, prefer: early, \
            spacing: [{event: a, at-least: 10d}], weight: 2}
            """)
        // The heavier b takes the first day; a gives way to 10 clear days after it: a's 11 days
        // of lateness (weight 1) cost less than b's would (weight 2).
        #expect(s.start("b") == "2021-06-01")
        #expect(s.start("a") == "2021-06-12")
        #expect(s.result.status == .optimal)
        #expect(s.result.objective == 11 * 1440)
    }

    @Test func spacingFromAFixedEvent() throws {
        let s = try Solved(
            """
            fixed:
              - {id: g7, title: G7, dates: 2021-06-11..2021-06-13, zone: Europe/London}
            events:
              - {id: a, title: A, duration: 1d, window: 2021-06-10..2021-06-30, spacing: [{event: g7, at-least: 5d}]}
            """)
        #expect(s.start("a") == "2021-06-19")  // 5 clear days after the G7's last day, the 13th
    }
}
