import Testing

/// One test per bad-input case of `convene check`, each asserting the exact position and
/// message. The body starts on line 6, after the 5 lines of `calendarHeader`.
@Suite struct ValidationTests {
    func messages(_ body: String) -> [String] {
        do {
            return try PlanFixture(["plan.yaml": calendarHeader + body]).messages()
        } catch {
            return ["could not write the fixture: \(error)"]
        }
    }

    @Test func unknownKeySuggestsTheClosestKey() throws {
        #expect(
            messages("events:\n  - id: a\n    title: A\n    duraton: 1d\n    duration: 1d\n    window: 2021-05\n") == [
                "plan.yaml:9:5: error: unknown key 'duraton' in event 'a'; did you mean 'duration'?"
            ])
    }

    @Test func unknownTopLevelKeySuggestsTheClosestSection() throws {
        #expect(
            messages("event:\n  - id: a\n") == [
                "plan.yaml:6:1: error: unknown key 'event' in a plan file; did you mean 'events'?"
            ])
    }

    @Test func missingRequiredFieldIsReportedAtItsMapping() throws {
        #expect(
            messages("events:\n  - id: a\n    duration: 1d\n    window: 2021-05\n") == [
                "plan.yaml:7:5: error: missing required field 'title' in event 'a'"
            ])
    }

    @Test func missingCalendarSectionIsReported() throws {
        let fixture = try PlanFixture(["plan.yaml": "events: []\n"])
        #expect(
            fixture.messages() == [
                "plan.yaml:1:1: error: missing required field 'calendar' in the plan file; "
                    + "a plan starts with a calendar section: id, name, zone, horizon"
            ])
    }

    @Test func wrongTypeNamesWhatWasFound() throws {
        #expect(
            messages(
                "events:\n  - id: a\n    title: [A, B]\n    duration: 1d\n    window: 2021-05\n    weight: heavy\n")
                == [
                    "plan.yaml:8:12: error: 'title' must be a single value, found a list",
                    "plan.yaml:11:13: error: 'weight' must be a whole number, found 'heavy'",
                ])
    }

    @Test func sectionThatIsNotAListIsAWrongType() throws {
        #expect(
            messages("events:\n  id: a\n") == [
                "plan.yaml:7:3: error: 'events' must be a list (lines starting with '- '), "
                    + "found a mapping (key: value pairs)"
            ])
    }

    @Test func duplicateIdPointsAtBothPlaces() throws {
        #expect(
            messages(
                """
                events:
                  - {id: a, title: A, duration: 1d, window: 2021-05}
                  - {id: a, title: B, duration: 1d, window: 2021-06}
                """) == [
                    "plan.yaml:8:10: error: duplicate event id 'a'; it is already used at plan.yaml:7:10; "
                        + "ids must be unique; rename one of them"
                ])
    }

    @Test func unknownEventReferenceSuggestsTheClosestId() throws {
        #expect(
            messages(
                """
                events:
                  - {id: summit, title: Summit, duration: 3d, window: 2021-Q4}
                  - {id: pledge, title: Pledge, duration: 1d, window: 2021-12, after: [sumit]}
                """) == [
                    "plan.yaml:8:72: error: unknown event 'sumit'; did you mean 'summit'?"
                ])
    }

    @Test func unknownPersonAudienceAndPlaceReferencesAreReported() throws {
        #expect(
            messages(
                """
                people:
                  - {id: ana, name: Ana, zone: Europe/Paris}
                audiences:
                  - {id: sc, members: [anna]}
                places:
                  - {id: seoul, name: Seoul, zone: Asia/Seoul}
                events:
                  - {id: a, title: A, duration: 1d, window: 2021-05, audiences: [sc1], place: seol}
                """) == [
                    "plan.yaml:9:24: error: unknown person 'anna'; did you mean 'ana'?",
                    "plan.yaml:13:66: error: unknown audience 'sc1'; did you mean 'sc'?",
                    "plan.yaml:13:79: error: unknown place 'seol'; did you mean 'seoul'?",
                ])
    }

    @Test func dependencyCyclePrintsTheCycle() throws {
        #expect(
            messages(
                """
                events:
                  - {id: a, title: A, duration: 1d, window: 2021, after: [c]}
                  - {id: b, title: B, duration: 1d, window: 2021, after: [a]}
                  - {id: c, title: C, duration: 1d, window: 2021, after: [b]}
                """) == [
                    "plan.yaml:8:59: error: dependency cycle: a → b → c → a; "
                        + "each event must come after the one before it in this chain, which cannot all hold; "
                        + "remove one 'after' entry"
                ])
    }

    @Test func eventAfterItselfIsACycle() throws {
        #expect(
            messages("events:\n  - {id: a, title: A, duration: 1d, window: 2021, after: [a]}\n") == [
                "plan.yaml:7:59: error: dependency cycle: a → a; "
                    + "each event must come after the one before it in this chain, which cannot all hold; "
                    + "remove one 'after' entry"
            ])
    }

    @Test func unknownZoneSuggestsTheClosestIANAName() throws {
        #expect(
            messages("places:\n  - {id: seoul, name: Seoul, zone: Asia/Seol}\n") == [
                "plan.yaml:7:36: error: unknown time zone 'Asia/Seol'; did you mean 'Asia/Seoul'?"
            ])
    }

    @Test func zoneAbbreviationIsRefused() throws {
        let result = messages("places:\n  - {id: ny, name: NY, zone: EST5EDT_X}\n")
        #expect(result.first?.hasPrefix("plan.yaml:7:30: error: unknown time zone 'EST5EDT_X'") == true)
    }

    @Test func impossibleDateSaysWhy() throws {
        #expect(
            messages("events:\n  - {id: a, title: A, duration: 1d, window: 2021-02-30}\n") == [
                "plan.yaml:7:45: error: impossible date '2021-02-30': February 2021 has 28 days"
            ])
    }

    @Test func leapDayIsAccepted() throws {
        let fixture = try PlanFixture([
            "plan.yaml": calendarHeader.replacingOccurrences(of: "horizon: 2021", with: "horizon: 2020..2021")
                + "events:\n  - {id: a, title: A, duration: 1d, window: 2020-02-29}\n"
        ])
        #expect(fixture.messages() == [])
    }

    @Test func windowThatEndsBeforeItStarts() throws {
        #expect(
            messages("events:\n  - {id: a, title: A, duration: 1d, window: 2021-09-30..2021-07-01}\n") == [
                "plan.yaml:7:45: error: the window of event 'a' ends (2021-07-01) before it starts (2021-09-30); "
                    + "write the earlier date first: 2021-07-01..2021-09-30"
            ])
    }

    @Test func eventLongerThanItsWindow() throws {
        #expect(
            messages("events:\n  - {id: a, title: A, duration: 8d, window: 2021-05-01..2021-05-07}\n") == [
                "plan.yaml:7:33: error: event 'a' lasts 8d but its window 2021-05-01..2021-05-07 has only 7 days; "
                    + "widen the window or shorten the event"
            ])
    }

    @Test func emptyLocalHoursRange() throws {
        #expect(
            messages(
                """
                events:
                  - id: a
                    title: A
                    duration: 1h
                    window: 2021-05
                    local-hours:
                      - between: 18:00-08:00
                        zones: [Europe/London]
                """) == [
                    "plan.yaml:12:18: error: the local-hours range 18:00-08:00 is empty: "
                        + "its end is not after its start; "
                        + "write the earlier time first, e.g. 08:00-18:00"
                ])
    }

    @Test func windowOutsideTheHorizon() throws {
        #expect(
            messages("events:\n  - {id: a, title: A, duration: 1d, window: 2022-01}\n") == [
                "plan.yaml:7:45: error: the window 2022-01-01..2022-01-31 of event 'a' "
                    + "is not inside the calendar's horizon 2021-01-01..2021-12-31; "
                    + "move the window or widen the horizon at plan.yaml:5:12"
            ])
    }

    @Test func pinOutsideTheWindow() throws {
        #expect(
            messages("events:\n  - {id: a, title: A, duration: 1d, window: 2021-05, pinned: 2021-06-01}\n") == [
                "plan.yaml:7:62: error: event 'a' is pinned to 2021-06-01, outside its window 2021-05-01..2021-05-31"
            ])
    }

    @Test func badDurationSaysTheSyntax() throws {
        #expect(
            messages("events:\n  - {id: a, title: A, duration: 3 days, window: 2021-05}\n") == [
                "plan.yaml:7:33: error: '3 days' is not a duration; write a number and a unit: 5d, 2h, 90m or 1h30m"
            ])
    }

    @Test func missingBlackoutIcsFile() throws {
        #expect(
            messages("blackouts:\n  - {id: holidays, ics: holidays.ics}\n") == [
                "plan.yaml:7:25: error: no such file 'holidays.ics'; "
                    + "paths are read from the folder of the file that names them"
            ])
    }

    @Test func aCenturyLongHorizonIsRefused() throws {
        let fixture = try PlanFixture([
            "plan.yaml": calendarHeader.replacingOccurrences(of: "horizon: 2021", with: "horizon: 1900..1999")
        ])
        #expect(
            fixture.messages() == [
                "plan.yaml:5:12: error: the horizon 1900-01-01..1999-12-31 spans 36524 days; "
                    + "a plan covers at most 10 years; plan one year (or a few) at a time"
            ])
    }

    @Test func everyProblemIsReportedNotJustTheFirst() throws {
        let result = messages(
            """
            events:
              - {id: a, title: A, duration: 1x, window: 2021-05}
              - {id: b, title: B, duration: 1d, window: 2021-02-30}
              - {id: c, title: C, duration: 1d, window: 2021-05, zone: Mars/Olympus}
            """)
        #expect(result.count == 3)
    }
}
