import Planning
import Scheduler
import Testing

/// Each timetabling rule alone, on a minimal summit in Seoul (15-minute grid).
@Suite struct SessionRuleTests {
    static let summit = """
        summit:
          days: 2021-12-15
          hours: 09:00-12:00
          min-pause: 30m
        rooms:
          - {id: hall, name: Hall, capacity: 500}
          - {id: small, name: Small room, capacity: 50}
          - {id: channel, name: Channel, capacity: 5000, mode: virtual}
        tracks:
          - {id: civic, name: Civic space}
        people:
          - {id: kim, name: Kim, zone: Asia/Seoul}
          - {id: ana, name: Ana, zone: Asia/Seoul}

        """

    func solve(_ sessions: String) throws -> Solved {
        try Solved(Self.summit + "events:\n" + sessions, horizon: "2021-12", zone: "Asia/Seoul", granularity: "15m")
    }

    @Test func roomHoldsTheExpectedAttendance() throws {
        let s = try solve("  - {id: a, title: A, duration: 1h, window: 2021-12-15, attendance: 300, prefer: early}\n")
        #expect(s.entry("a")?.room == "hall")
        let big = try solve("  - {id: a, title: A, duration: 1h, window: 2021-12-15, attendance: 3000}\n")
        #expect(big.entry("a")?.room == "channel")
    }

    @Test func virtualOnlySessionsTakeAChannel() throws {
        let s = try solve(
            "  - {id: a, title: A, duration: 1h, window: 2021-12-15, virtual-only: true, attendance: 10}\n")
        #expect(s.entry("a")?.room == "channel")
    }

    @Test func oneSessionPerRoomAtATime() throws {
        // Two 2-hour sessions for 600 people: only the channel holds them, and the day has 3 hours.
        let s = try solve(
            """
              - {id: a, title: A, duration: 2h, window: 2021-12-15, attendance: 600}
              - {id: b, title: B, duration: 2h, window: 2021-12-15, attendance: 600}
            """)
        #expect(s.status == .infeasible)
    }

    @Test func aTrackNeverRunsInParallel() throws {
        let s = try solve(
            """
              - {id: a, title: A, duration: 1h, window: 2021-12-15, track: civic}
              - {id: b, title: B, duration: 1h, window: 2021-12-15, track: civic}
            """)
        let (a, b) = (try #require(s.utc("a")), try #require(s.utc("b")))
        #expect(a != b)
    }

    @Test func plenariesAreAlone() throws {
        let s = try solve(
            """
              - {id: p, title: P, duration: 2h, window: 2021-12-15, session: plenary, prefer: early}
              - {id: a, title: A, duration: 1h, window: 2021-12-15, attendance: 10, prefer: early}
            """)
        // Both want to be early; nothing may run beside the plenary, so the short session goes
        // first (09:00 in Seoul) and the plenary follows (10:00–12:00).
        #expect(s.utc("a") == "2021-12-15T00:00:00Z")
        #expect(s.utc("p") == "2021-12-15T01:00:00Z")
    }

    @Test func openingFirstAndClosingLast() throws {
        let s = try solve(
            """
              - {id: open, title: O, duration: 30m, window: 2021-12-15, session: opening, prefer: late}
              - {id: close, title: C, duration: 30m, window: 2021-12-15, session: closing, prefer: early}
              - {id: a, title: A, duration: 1h, window: 2021-12-15, attendance: 10}
            """)
        #expect(s.status == .optimal)
        let (o, a, c) = (try #require(s.utc("open")), try #require(s.utc("a")), try #require(s.utc("close")))
        #expect(o < a && a < c)
        #expect(s.end("open")! <= s.start("a")! && s.end("a")! <= s.start("close")!)
    }

    @Test func aSpeakerPausesBetweenSessions() throws {
        let s = try solve(
            """
              - {id: a, title: A, duration: 1h, window: 2021-12-15, speakers: [kim], prefer: early}
              - {id: b, title: B, duration: 1h, window: 2021-12-15, moderator: kim, prefer: early, weight: 2}
            """)
        // b (heavier) first at 09:00; a after b's end plus the 30-minute pause: 10:30.
        #expect(s.start("b") == "2021-12-15T09:00:00+09:00")
        #expect(s.start("a") == "2021-12-15T10:30:00+09:00")
    }

    @Test func prerequisitesHold() throws {
        let s = try solve(
            """
              - {id: leaders, title: L, duration: 1h, window: 2021-12-15, attendance: 100, prefer: late}
              - {id: declaration, title: D, duration: 30m, window: 2021-12-15, attendance: 100, after: [leaders]}
            """)
        #expect(s.start("leaders")! < s.start("declaration")!)
    }

    @Test func breaksAndDailyHoursAreKept() throws {
        let s = try Solved(
            Self.summit.replacingOccurrences(of: "  min-pause: 30m", with: "  breaks: [09:00-11:00]")
                + "events:\n  - {id: a, title: A, duration: 1h, window: 2021-12-15, attendance: 10}\n",
            horizon: "2021-12", zone: "Asia/Seoul", granularity: "15m")
        #expect(s.start("a") == "2021-12-15T11:00:00+09:00")
    }

    @Test func anAmericasSessionCannotSitAtTenInSeoul() throws {
        let s = try Solved(
            """
            summit: {days: 2021-12-15, hours: 10:00-24:00}
            rooms:
              - {id: channel, name: Channel, capacity: 5000, mode: virtual}
            audiences:
              - {id: americas, name: Americas, zones: [America/New_York, America/Bogota]}
            events:
              - id: a
                title: Americas session
                duration: 1h
                window: 2021-12-15
                attendance: 100
                audiences: [americas]
                local-hours:
                  - {between: 08:00-20:00, audiences: [americas]}
            """, horizon: "2021-12", zone: "Asia/Seoul", granularity: "15m")
        // 08:00 in New York on 15 December is 22:00 in Seoul.
        #expect(s.start("a") == "2021-12-15T22:00:00+09:00")
    }
}
