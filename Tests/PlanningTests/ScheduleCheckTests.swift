import Planning
import Scheduler
import Testing

/// `convene verify`'s check: a timetable `plan` wrote is accepted, and the moves a hand edit
/// could make that break a room rule are not.
@Suite struct ScheduleCheckTests {
    /// Two sessions at the same time, one in the hall and one virtual-only in the channel.
    static let sessions = """
          - {id: talk, title: Talk, duration: 1h, window: 2021-12-15, attendance: 300, prefer: early}
          - {id: stream, title: Stream, duration: 1h, window: 2021-12-15, virtual-only: true, \
        attendance: 10, prefer: early}
          - {id: side, title: Side, duration: 1h, window: 2021-12-15, attendance: 30, prefer: early}
        """

    func solved() throws -> Solved {
        try Solved(
            SessionRuleTests.summit + "events:\n" + Self.sessions, horizon: "2021-12", zone: "Asia/Seoul",
            granularity: "15m")
    }

    func moved(_ document: ScheduleDocument, _ id: String, to room: String) -> ScheduleDocument {
        var document = document
        for i in document.events.indices where document.events[i].id == id { document.events[i].room = room }
        return document
    }

    @Test func theTimetablePlanWroteIsAccepted() throws {
        let s = try solved()
        // All three want 09:00, and there are three rooms: the solver puts them side by side.
        #expect(s.utc("talk") == s.utc("stream") && s.utc("stream") == s.utc("side"))
        let check = ScheduleCheck(model: s.model, document: s.document)
        #expect(check.placementProblems == [])
        #expect(check.brokenRules == [])
    }

    @Test func aSessionMovedIntoABusyRoomBreaksTheRoomRule() throws {
        let s = try solved()
        let busy = try #require(s.entry("talk")?.room)
        let check = ScheduleCheck(model: s.model, document: moved(s.document, "side", to: busy))
        #expect(check.placementProblems == [])
        let broken = check.brokenRules.map { s.model.problem.rules[$0].origin.text }
        #expect(broken.count == 1)
        #expect(broken.first?.contains("one session at a time") == true)
    }

    @Test func aVirtualOnlySessionMovedIntoAHallBreaksItsChannelRule() throws {
        let s = try solved()
        // Swap the two: the stream into side's small room, side into the stream's channel.
        var document = moved(s.document, "stream", to: "small")
        document = moved(document, "side", to: try #require(s.entry("stream")?.room))
        let check = ScheduleCheck(model: s.model, document: document)
        #expect(check.placementProblems == [])
        let broken = check.brokenRules.map { s.model.problem.rules[$0].origin.text }
        #expect(broken == ["'stream' is virtual only, so it needs a virtual channel"])
    }

    @Test func aStartOffTheGridIsNotAPossiblePlacement() throws {
        let s = try solved()
        var document = s.document
        for i in document.events.indices where document.events[i].id == "side" {
            document.events[i].start = "2021-12-15T09:07:00+09:00"
        }
        let check = ScheduleCheck(model: s.model, document: document)
        #expect(check.placementProblems.count == 1)
        #expect(
            check.placementProblems.first?.hasPrefix("event 'side' starts at '2021-12-15T09:07:00+09:00' in '") == true)
    }

    @Test func aRoomThePlanDoesNotHaveIsNamed() throws {
        let s = try solved()
        let check = ScheduleCheck(model: s.model, document: moved(s.document, "side", to: "attic"))
        #expect(check.placementProblems == ["event 'side' is in room 'attic', which the plan does not have"])
    }
}
