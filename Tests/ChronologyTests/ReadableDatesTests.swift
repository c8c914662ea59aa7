import Chronology
import Testing

/// What a person reads: an all-day event's last day, not its exclusive end.
@Suite struct ReadableDatesTests {
    func date(_ text: String) throws -> CivilDate { try CivilDate.parse(text).get() }

    @Test func allDayPlacementsShowTheLastDay() {
        #expect(ReadableDates.placement(start: "2021-12-15", end: "2021-12-18") == "15–17 Dec 2021")
        #expect(ReadableDates.placement(start: "2021-05-10", end: "2021-05-11") == "10 May 2021")
        #expect(ReadableDates.placement(start: "2021-06-11", end: "2021-06-14") == "11–13 Jun 2021")
    }

    @Test func spansAcrossMonthsAndYearsNameBothEnds() throws {
        #expect(ReadableDates.days(try date("2021-11-30"), try date("2021-12-02")) == "30 Nov – 2 Dec 2021")
        #expect(ReadableDates.days(try date("2021-12-30"), try date("2022-01-02")) == "30 Dec 2021 – 2 Jan 2022")
    }

    @Test func timedPlacementsKeepTheirOffset() {
        #expect(
            ReadableDates.placement(start: "2021-07-13T10:00:00+03:00", end: "2021-07-13T12:00:00+03:00")
                == "13 Jul 2021 10:00–12:00 (UTC+03:00)")
        #expect(
            ReadableDates.placement(start: "2021-07-13T23:00:00+05:30", end: "2021-07-14T01:00:00+05:30")
                == "13 Jul 2021 23:00 – 14 Jul 2021 01:00 (UTC+05:30)")
        // Across a daylight-saving change the two ends carry their own offsets.
        #expect(
            ReadableDates.placement(start: "2021-03-28T00:30:00+00:00", end: "2021-03-28T02:30:00+01:00")
                == "28 Mar 2021 00:30 (UTC+00:00)–02:30 (UTC+01:00)")
    }

    @Test func textThatIsNotAPlacementIsKept() {
        #expect(ReadableDates.placement(start: "soon", end: "later") == "soon – later")
    }

    @Test func aLocalStampIsReadOnceIntoValues() throws {
        let stamp = try #require(LocalStamp("2021-07-13T10:00:00+03:00"))
        #expect(stamp.date == (try CivilDate.parse("2021-07-13").get()))
        #expect(stamp.time.description == "10:00" && stamp.offset == "+03:00")
        #expect(LocalStamp("2021-07-13T23:30-04:30")?.offset == "-04:30")
        #expect(LocalStamp("2021-07-13T07:00:00Z")?.offset == "Z")
        #expect(LocalStamp("2021-07-13") == nil)
        #expect(LocalStamp("2021-07-13T25:00:00+03:00") == nil)
        #expect(LocalStamp("2021-07-13T10:00:00") == nil)  // no offset: not an instant
    }
}
