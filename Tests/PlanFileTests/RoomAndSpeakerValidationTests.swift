import Testing

/// Mistakes in the keys rooms and travelling speakers add, each reported at its value.
@Suite struct RoomAndSpeakerValidationTests {
    /// A calendar in Seoul with a summit and two rooms, then `rest` (7 + 8 lines before it).
    func messages(_ rest: String, zone: String = "Asia/Seoul") throws -> [String] {
        let header = calendarHeader.replacingOccurrences(of: "America/New_York", with: zone)
        let summit = """
            summit:
              days: 2021-12-15
              hours: 09:00-18:00
            rooms:
              - {id: hall, name: Hall, capacity: 500, features: [step-free], interpretation: [fr]}
              - {id: small, name: Small room, capacity: 50, closed: [2021-12-15 12:00-13:00]}
            people:
              - {id: kim, name: Kim, zone: Asia/Seoul}

            """
        return try PlanFixture(["plan.yaml": header + summit + rest]).messages()
    }

    @Test func anUnknownPinnedRoomSuggestsTheClosestId() throws {
        #expect(
            try messages("events:\n  - {id: a, title: A, duration: 1h, window: 2021-12-15, pinned-room: smal}\n")
                == ["plan.yaml:15:70: error: unknown room 'smal'; did you mean 'small'?"])
    }

    @Test func aFeatureNoRoomHasIsAMisspellingNotAConflict() throws {
        #expect(
            try messages("events:\n  - {id: a, title: A, duration: 1h, window: 2021-12-15, requires: [step-fre]}\n")
                == [
                    "plan.yaml:15:68: error: no room has the feature 'step-fre' that 'a' requires; did you mean "
                        + "'step-free'?"
                ])
        #expect(
            try messages("events:\n  - {id: a, title: A, duration: 1h, window: 2021-12-15, interpretation: [es]}\n")
                == [
                    "plan.yaml:15:74: error: no room interprets into 'es', which 'a' needs; list it under a room's "
                        + "interpretation:, or remove it from the session"
                ])
    }

    @Test func aDepartureBeforeTheArrivalIsRefused() throws {
        let person =
            "  - {id: ana, name: Ana, zone: Europe/Paris, arrives: 2021-12-15T10:00, departs: 2021-12-14T18:00}\n"
        #expect(
            try messages(person) == [
                "plan.yaml:14:82: error: ana departs (2021-12-14T18:00) before arriving (2021-12-15T10:00); write "
                    + "the arrival first; both are read in the person's zone"
            ])
    }

    @Test func aTimeInADaylightSavingGapDoesNotExist() throws {
        // New York springs forward on 14 March 2021 (02:00 → 03:00), Paris on 28 March.
        let pinned = "events:\n  - {id: a, title: A, duration: 1h, window: 2021-03, pinned: 2021-03-14T02:30}\n"
        let plan = calendarHeader + pinned
        #expect(
            try PlanFixture(["plan.yaml": plan]).messages() == [
                "plan.yaml:7:62: error: 2021-03-14 02:30 does not exist in America/New_York: the clocks jump forward "
                    + "over it that night; pick a time outside the jump, e.g. an hour later"
            ])
        let sameTimeInParis = calendarHeader.replacingOccurrences(of: "America/New_York", with: "Europe/Paris") + pinned
        #expect(try PlanFixture(["plan.yaml": sameTimeInParis]).messages() == [])
        let person =
            "people:\n  - {id: ana, name: Ana, zone: Europe/Paris, unavailable: [2021-03-28 02:00-04:00], arrives: "
            + "2021-03-28T02:15}\n"
        #expect(
            try PlanFixture(["plan.yaml": calendarHeader + person]).messages() == [
                "plan.yaml:7:60: error: 2021-03-28 02:00 does not exist in Europe/Paris: the clocks jump forward "
                    + "over it that night; pick hours outside the jump, e.g. an hour later",
                "plan.yaml:7:94: error: 2021-03-28 02:15 does not exist in Europe/Paris: the clocks jump forward "
                    + "over it that night; pick a time outside the jump, e.g. an hour later",
            ])
    }

    @Test func aClosedTimeThatIsNotAPeriodSaysHowToWriteOne() throws {
        let rest = "  - {id: side, name: Side room, capacity: 20, closed: [2021-12-15 25:00-26:00]}\n"
        let text = try messages("").joined()
        #expect(text.isEmpty)
        let broken = try PlanFixture([
            "plan.yaml": calendarHeader
                + "summit: {days: 2021-12-15, hours: 09:00-18:00}\nrooms:\n" + rest
        ]).messages()
        #expect(broken.count == 1)
        #expect(broken.first?.hasPrefix("plan.yaml:8:56: error: '2021-12-15 25:00-26:00' is not a period") == true)
    }
}
