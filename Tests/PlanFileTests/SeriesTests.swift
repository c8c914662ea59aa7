import Chronology
import PlanFile
import Testing

/// `repeat:` — a series becomes its occurrences before validation — and its bad input, each at
/// its exact position. The body starts on line 6, after the 5 lines of `calendarHeader`.
@Suite struct SeriesTests {
    func load(_ body: String) throws -> PlanLoadResult {
        try PlanFixture(["plan.yaml": calendarHeader + body]).load()
    }

    func messages(_ body: String) throws -> [String] {
        try PlanFixture(["plan.yaml": calendarHeader + body]).messages()
    }

    func windows(_ body: String) throws -> [String] {
        try #require(try load(body).plan).events.map { "\($0.id.value) \($0.window.value)" }
    }

    static func series(_ repeatValue: String, window: String = "2021-07..2021-12", duration: String = "1d") -> String {
        """
        events:
          - id: story
            title: Story {n}
            duration: \(duration)
            window: \(window)
            repeat: \(repeatValue)

        """
    }

    @Test func aSeriesBecomesNumberedOccurrencesChainedByItsGaps() throws {
        let plan = try #require(try load(Self.series("{count: 3, min-gap: 10d, max-gap: 3w}")).plan)
        #expect(plan.events.map(\.id.value) == ["story-01", "story-02", "story-03"])
        #expect(plan.events.map(\.title) == ["Story 1", "Story 2", "Story 3"])
        #expect(plan.events.map(\.occurrence?.number) == [1, 2, 3])
        #expect(plan.events[0].after.isEmpty)
        let chain = plan.events[2].after
        #expect(chain.map(\.event.value) == ["story-02"])
        #expect(chain.first?.minGap?.value.days == 10 && chain.first?.maxGap?.value.days == 21)
        // Each occurrence's values point at the series as written.
        #expect(plan.events[1].id.location.line == 7 && plan.events[1].id.location.column == 9)
        #expect("\(chain[0].location)".hasSuffix("plan.yaml:11:13"))
        #expect("\(chain[0].minGap!.location)".hasSuffix("plan.yaml:11:33"))
        #expect(plan.events.allSatisfy { $0.window.value.description == "2021-07-01..2021-12-31" })
    }

    @Test func idsKeepTwoDigitsSoShrinkingTenToNineKeepsThem() {
        #expect(SeriesOccurrence.id("s", number: 9, count: 9) == "s-09")
        #expect(SeriesOccurrence.id("s", number: 10, count: 10) == "s-10")
        #expect(SeriesOccurrence.id("s", number: 7, count: 120) == "s-007")
    }

    @Test func eachCadenceGivesEveryOccurrenceItsOwnPeriod() throws {
        #expect(
            try windows(Self.series("{count: 3, every: monthly}", window: "2021-07-15..2021-09-20")) == [
                "story-01 2021-07-15..2021-07-31", "story-02 2021-08-01..2021-08-31",
                "story-03 2021-09-01..2021-09-20",
            ])
        #expect(
            try windows(Self.series("{count: 4, every: quarter}", window: "2021")) == [
                "story-01 2021-01-01..2021-03-31", "story-02 2021-04-01..2021-06-30",
                "story-03 2021-07-01..2021-09-30", "story-04 2021-10-01..2021-12-31",
            ])
        // 1 July 2021 was a Thursday: the first week is cut at the window's start.
        #expect(
            try windows(Self.series("{count: 2, every: weekly}", window: "2021-07")) == [
                "story-01 2021-07-01..2021-07-04", "story-02 2021-07-05..2021-07-11",
            ])
        #expect(
            try windows(Self.series("{count: 2, every: 2w}", window: "2021-07")) == [
                "story-01 2021-07-01..2021-07-14", "story-02 2021-07-15..2021-07-28",
            ])
    }

    @Test func windowsAndOccurrencesGiveEachItsOwnWindowTitleAndPin() throws {
        let body = """
            events:
              - id: sc
                title: Steering Committee
                duration: 2h
                repeat:
                  windows: [2021-03..2021-04, 2021-06, 2021-11-15..2021-12-17]
                  occurrences:
                    - {title: Spring meeting}
                    - {pinned: 2021-06-10T09:00}

            """
        let plan = try #require(try load(body).plan)
        #expect(plan.events.map(\.title) == ["Spring meeting", "Steering Committee", "Steering Committee"])
        #expect(
            plan.events.map(\.window.value.description) == [
                "2021-03-01..2021-04-30", "2021-06-01..2021-06-30", "2021-11-15..2021-12-17",
            ])
        #expect(plan.events[1].pinned?.value == .dateTime(try LocalDateTime.parse("2021-06-10T09:00").get()))
    }

    @Test func otherEventsNameOccurrencesFirstLastOrTheWholeSeries() throws {
        let body =
            Self.series("{count: 3}")
                + """
                  - id: wrap-up
                    title: Wrap-up
                    duration: 1d
                    window: 2021-12
                    after: [story.last]
                    avoid: [story]
                  - id: kick-off
                    title: Kick-off
                    duration: 1d
                    window: 2021-06
                    spacing: [{event: story.first, at-least: 1w}]
                blackouts:
                  - {id: weekends, weekends: true, applies-to: [story, kick-off]}

                """
        let plan = try #require(try load(body).plan)
        let wrapUp = try #require(plan.event("wrap-up")), kickOff = try #require(plan.event("kick-off"))
        #expect(wrapUp.after.map(\.event.value) == ["story-03"])
        #expect(wrapUp.avoid.map(\.value) == ["story-01", "story-02", "story-03"])
        #expect(kickOff.spacing.map(\.event.value) == ["story-01"])
        #expect(plan.blackouts[0].appliesTo.map(\.value) == ["story-01", "story-02", "story-03", "kick-off"])
    }

    /// Meetings once written out one by one become a series and keep their ids (and so their
    /// UIDs); an occurrence can meet elsewhere, fall during a fixed event and follow more events.
    @Test func occurrencesKeepIdsOfTheirOwnWithTheirOwnPlaceAndDependencies() throws {
        let body = """
            places:
              - {id: new-york, name: New York, zone: America/New_York}
            fixed:
              - {id: unga, title: UNGA, dates: 2021-09-21..2021-09-27}
            events:
              - id: drafting
                title: Drafting
                duration: 2w
                window: 2021-04..2021-08
              - id: sc
                title: Steering Committee
                duration: 2h
                window: 2021
                zone: Europe/Paris
                virtual: true
                avoid: [drafting]
                repeat:
                  every: quarterly
                  occurrences:
                    - {id: sc-spring}
                    - {id: sc-midyear, avoid: [unga]}
                    - {id: sc-ministerial, place: new-york, during: unga, after: [drafting]}
                    - {}
              - {id: wrap, title: Wrap-up, duration: 1d, window: 2021-12, after: [sc.3, sc.last]}

            """
        let plan = try #require(try load(body).plan)
        #expect(
            plan.events.map(\.id.value) == ["drafting", "sc-spring", "sc-midyear", "sc-ministerial", "sc-04", "wrap"])
        let midyear = try #require(plan.event("sc-midyear")), ministerial = try #require(plan.event("sc-ministerial"))
        #expect(midyear.after.map(\.event.value) == ["sc-spring"])
        #expect(midyear.avoid.map(\.value) == ["drafting", "unga"])
        #expect(ministerial.after.map(\.event.value) == ["sc-midyear", "drafting"])
        #expect(ministerial.venue.place?.value == "new-york" && !ministerial.venue.isVirtual)
        #expect(ministerial.venue.zone.identifier == "America/New_York" && ministerial.during?.value == "unga")
        #expect(midyear.venue.zone.identifier == "Europe/Paris" && midyear.venue.isVirtual)
        #expect(try #require(plan.event("sc-04")).after.map(\.event.value) == ["sc-ministerial"])
        #expect(try #require(plan.event("wrap")).after.map(\.event.value) == ["sc-ministerial", "sc-04"])
    }

    // MARK: Bad input

    @Test func aCountOverFiveHundredIsRefused() throws {
        #expect(
            try messages(Self.series("{count: 501}")) == [
                "plan.yaml:11:21: error: 'count' must be between 1 and 500, found 501"
            ])
    }

    @Test func anUnknownCadenceSuggestsTheClosest() throws {
        #expect(
            try messages(Self.series("{count: 3, every: montly}")) == [
                "plan.yaml:11:31: error: unknown cadence 'montly'; did you mean 'monthly'?"
            ])
    }

    @Test func moreCadencePeriodsThanTheWindowHoldsIsAnError() throws {
        #expect(
            try messages(Self.series("{count: 8, every: monthly}")) == [
                "plan.yaml:11:21: error: event 'story' repeats 8 times monthly, but its window 2021-07-01..2021-12-31 "
                    + "holds only 6 such periods; lower 'count' to 6 or widen the window at plan.yaml:10:13"
            ])
    }

    @Test func occurrencesThatCannotFitTheirWindowAreAnError() throws {
        #expect(
            try messages(Self.series("{count: 10, min-gap: 10d}", window: "2021-07")) == [
                "plan.yaml:11:21: error: 10 occurrences of event 'story' lasting 1d with 10d between them need 100 "
                    + "days, but its window 2021-07-01..2021-07-31 has only 31; lower 'count', shorten the event or "
                    + "widen the window at plan.yaml:10:13"
            ])
    }

    @Test func theFifthOccurrenceOfAFourEventSeriesIsNamedAsSuch() throws {
        let body =
            Self.series("{count: 4}")
            + "  - {id: late, title: Late, duration: 1d, window: 2021-12, after: [story-05], during: story}\n"
        #expect(
            try messages(body) == [
                "plan.yaml:12:68: error: unknown event 'story-05'; the series 'story' has 4 occurrences, "
                    + "story-01 to story-04",
                "plan.yaml:12:87: error: unknown event 'story'; 'story' is a series; name one occurrence: "
                    + "story-01 to story-04, story.first or story.last",
            ])
    }

    @Test func theFifthOccurrenceByNumberOfAFourEventSeriesIsNamedAsSuch() throws {
        let body =
            Self.series("{count: 4}")
            + "  - {id: late, title: Late, duration: 1d, window: 2021-12, after: [story.5]}\n"
        #expect(
            try messages(body) == [
                "plan.yaml:12:68: error: unknown event 'story.5'; the series 'story' has 4 occurrences, "
                    + "story.1 to story.4 (story-01 to story-04)"
            ])
    }

    @Test func anOccurrenceIdMustBeAnIdentifier() throws {
        #expect(
            try messages(Self.series("{occurrences: [{id: \"sc spring\"}, {}]}")) == [
                "plan.yaml:11:33: error: 'sc spring' is not a valid id; use lowercase letters, digits and dashes, "
                    + "e.g. sc-spring"
            ])
    }

    @Test func firstOfSomethingThatIsNoSeriesSaysSo() throws {
        let body =
            Self.series("{count: 2}")
            + "  - {id: late, title: Late, duration: 1d, window: 2021-12, after: [stroy.last]}\n"
        #expect(
            try messages(body) == [
                "plan.yaml:12:68: error: unknown event 'stroy.last'; 'stroy' is not a series; did you mean 'story'?"
            ])
    }

    @Test func moreOccurrenceEntriesThanTheCountIsAnError() throws {
        #expect(
            try messages(Self.series("{count: 1, occurrences: [{title: A}, {title: B}]}")) == [
                "plan.yaml:11:50: error: the repeat has 1 occurrence; this is entry 2 of 'occurrences'; "
                    + "remove the entry or raise 'count'"
            ])
    }

    @Test func aSeriesIsPinnedOccurrenceByOccurrence() throws {
        #expect(
            try messages(Self.series("{count: 2}") + "    pinned: 2021-07-05\n") == [
                "plan.yaml:12:13: error: a series is pinned occurrence by occurrence, not as a whole; "
                    + "pin each announced occurrence under 'occurrences', e.g. - {pinned: 2021-07-05}"
            ])
    }

    @Test func anHourlyCadenceIsRefused() throws {
        #expect(
            try messages(Self.series("{count: 2, every: 3h}", duration: "1h")) == [
                "plan.yaml:11:31: error: 'every' takes whole days or weeks, found 3h; write e.g. every: 2w; "
                    + "occurrences hours apart are sessions, not a series"
            ])
    }

    @Test func rotatingHoursNeedTimedEventsAndTwoZones() throws {
        #expect(
            try messages(Self.series("{count: 2, rotate: [Asia/Seoul, Europe/Rome]}")) == [
                "plan.yaml:11:33: error: 'rotate' shares out the hours of timed events, but 'story' lasts whole days "
                    + "(1d); give the event a duration in hours, or remove 'rotate'"
            ])
        #expect(
            try messages(Self.series("{count: 2, rotate: Asia/Seoul}", duration: "1h")) == [
                "plan.yaml:11:32: error: 'rotate' takes turns between zones, and names only one; "
                    + "list two or more zones, e.g. [America/New_York, Europe/London, Asia/Seoul]"
            ])
    }

    @Test func aSeriesAndAnEventOfOneIdAreAnError() throws {
        let body = Self.series("{count: 2}") + "  - {id: story, title: Story, duration: 1d, window: 2021-12}\n"
        #expect(
            try messages(body) == [
                "plan.yaml:12:10: error: 'story' is both an event and the series at plan.yaml:7:9; "
                    + "rename one: a reference to 'story' must name one thing"
            ])
    }

    @Test func anOccurrenceWindowThatEndsBeforeItStartsIsAnError() throws {
        #expect(
            try messages(Self.series("{windows: [2021-07, 2021-09-30..2021-09-01]}")) == [
                "plan.yaml:11:33: error: the window 2021-09-30..2021-09-01 ends before it starts; "
                    + "write the earlier date first: 2021-09-01..2021-09-30"
            ])
    }

    @Test func aSeriesCanBeARowOfASpreadsheet() throws {
        let fixture = try PlanFixture([
            "plan.yaml": calendarHeader + "include:\n  - events: events.csv\n",
            "events.csv": "id,title,duration,window,repeat\nst,Story {n},1d,2021-07,\"{count: 2, min-gap: 3d}\"\n",
        ])
        let plan = try #require(fixture.load().plan)
        #expect(plan.events.map(\.title) == ["Story 1", "Story 2"])
        #expect(plan.events[1].after.first?.minGap?.value.days == 3)
    }
}
