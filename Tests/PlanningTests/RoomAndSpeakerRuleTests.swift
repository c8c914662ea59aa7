import Planning
import Scheduler
import Testing

/// The rules rooms and travelling speakers add to a summit, each alone, on a one-day summit in
/// Seoul (UTC+9, 15-minute grid).
@Suite struct RoomAndSpeakerRuleTests {
    static let summit = """
        summit:
          days: 2021-12-15..2021-12-16
          hours: 09:00-12:00
          min-pause: 15m
        rooms:
          - {id: hall, name: Hall, capacity: 500, features: [step-free, theatre], interpretation: [fr, es]}
          - {id: small, name: Small room, capacity: 50, interpretation: [fr]}
          - {id: channel, name: Channel, capacity: 5000, mode: virtual}
        people:
          - {id: kim, name: Kim, zone: Asia/Seoul}
          - {id: ana, name: Ana, zone: Europe/Paris}

        """

    func solve(_ sessions: String, rooms: String = "") throws -> Solved {
        let text = Self.summit.replacingOccurrences(of: "people:\n", with: rooms + "people:\n")
        return try Solved(text + "events:\n" + sessions, horizon: "2021-12", zone: "Asia/Seoul", granularity: "15m")
    }

    /// The texts of the rules in the minimal conflict.
    func conflict(_ s: Solved) -> [String] {
        ConflictFinder.minimalConflict(in: s.model.problem).rules.map { s.model.problem.rules[$0].origin.text }
    }

    @Test func aSessionTakesARoomWithTheFeaturesItRequires() throws {
        let s = try solve("  - {id: a, title: A, duration: 1h, window: 2021-12-15, requires: [step-free]}\n")
        #expect(s.entry("a")?.room == "hall")
        let stream = try solve("  - {id: a, title: A, duration: 1h, window: 2021-12-15, requires: [stream]}\n")
        #expect(stream.entry("a")?.room == "channel")
    }

    @Test func interpretationNeedsBoothsForEveryLanguage() throws {
        let fr = try solve(
            "  - {id: a, title: A, duration: 1h, window: 2021-12-15, interpretation: [fr], attendance: 40}\n")
        #expect(["hall", "small"].contains(fr.entry("a")?.room))
        let both = try solve("  - {id: a, title: A, duration: 1h, window: 2021-12-15, interpretation: [fr, es]}\n")
        #expect(both.entry("a")?.room == "hall")
    }

    @Test func aPinnedRoomHoldsAndSaysSoWhenItCannot() throws {
        let s = try solve("  - {id: a, title: A, duration: 1h, window: 2021-12-15, pinned-room: small}\n")
        #expect(s.entry("a")?.room == "small")
        let tooSmall = try solve(
            "  - {id: a, title: A, duration: 1h, window: 2021-12-15, pinned-room: small, attendance: 200}\n")
        #expect(tooSmall.status == .infeasible)
        #expect(
            Set(conflict(tooSmall)) == [
                "'a' expects 200 people, so its room must hold them",
                "'a' is pinned to the room 'small'",
            ])
    }

    @Test func aClosedRoomTakesNoSessionWhileClosed() throws {
        // Only the hall is step-free, and it is closed until 11:00 on the first day and all the second.
        let closed = Self.summit.replacingOccurrences(
            of: "interpretation: [fr, es]}",
            with: "interpretation: [fr, es], closed: [2021-12-15 09:00-11:00, 2021-12-16]}")
        let s = try Solved(
            closed
                + "events:\n  - {id: a, title: A, duration: 1h, window: 2021-12-15..2021-12-16, requires: "
                + "[step-free]}\n",
            horizon: "2021-12", zone: "Asia/Seoul", granularity: "15m")
        #expect(s.entry("a")?.room == "hall")
        #expect(s.start("a") == "2021-12-15T11:00:00+09:00")
    }

    @Test func aSpeakerIsThereFromArrivalToDeparture() throws {
        let travel = Self.summit.replacingOccurrences(
            of: "{id: kim, name: Kim, zone: Asia/Seoul}",
            with: "{id: kim, name: Kim, zone: Asia/Seoul, arrives: 2021-12-15T10:30, departs: 2021-12-15T11:30}")
        let s = try Solved(
            travel + "events:\n  - {id: a, title: A, duration: 1h, window: 2021-12-15..2021-12-16, speakers: [kim]}\n",
            horizon: "2021-12", zone: "Asia/Seoul", granularity: "15m")
        #expect(s.start("a") == "2021-12-15T10:30:00+09:00")
    }

    @Test func unavailableHoursAreReadOnTheSpeakersOwnClock() throws {
        // Ana is in Paris (UTC+1): 01:00-03:00 there is 09:00-11:00 in Seoul.
        let busy = Self.summit.replacingOccurrences(
            of: "{id: ana, name: Ana, zone: Europe/Paris}",
            with: "{id: ana, name: Ana, zone: Europe/Paris, unavailable: [2021-12-15 01:00-03:00]}")
        let s = try Solved(
            busy + "events:\n  - {id: a, title: A, duration: 1h, window: 2021-12-15, speakers: [ana]}\n",
            horizon: "2021-12", zone: "Asia/Seoul", granularity: "15m")
        #expect(s.start("a") == "2021-12-15T11:00:00+09:00")
    }

    @Test func keepCloseBringsATravellingSpeakersSessionsTogether() throws {
        let sessions = """
              - {id: a, title: A, duration: 1h, window: 2021-12-16, speakers: [kim]}
              - {id: b, title: B, duration: 1h, window: 2021-12-15..2021-12-16, speakers: [kim]}

            """
        // Without the wish nothing keeps b from the first day (where the search puts it first).
        let apart = try solve(sessions)
        #expect(apart.start("b")?.hasPrefix("2021-12-15") == true)
        let close = Self.summit.replacingOccurrences(
            of: "{id: kim, name: Kim, zone: Asia/Seoul}", with: "{id: kim, name: Kim, zone: Asia/Seoul, keep-close: 3h}"
        )
        let s = try Solved(close + "events:\n" + sessions, horizon: "2021-12", zone: "Asia/Seoul", granularity: "15m")
        #expect(s.start("a")?.hasPrefix("2021-12-16") == true)
        #expect(s.start("b")?.hasPrefix("2021-12-16") == true)
        #expect(s.result.objective == 0)
    }
}
