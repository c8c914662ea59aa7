import Foundation
import ICal
import Testing

@Suite struct ICalWriterTests {
    @Test func smallFeedPassesTheWholeChecklist() throws {
        let text = try ICalWriter.render(FeedFixtures.small())
        #expect(FeedLint.problems(in: text) == [])
    }

    @Test func linesAreCRLFAndFoldedAtSeventyFiveOctets() throws {
        let text = try ICalWriter.render(FeedFixtures.small())
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.last == "")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func textIsEscapedAndAllDayEndsAreExclusive() throws {
        let text = try ICalWriter.render(FeedFixtures.small()).replacingOccurrences(of: "\r\n ", with: "")
        #expect(text.contains("SUMMARY:7th OGP Global Summit\\, Seoul\r\n"))
        #expect(text.contains("DESCRIPTION:Hosted by the Republic of Korea\\; hybrid.\\nSecond line.\r\n"))
        #expect(text.contains("DTSTART;VALUE=DATE:20211215\r\nDTEND;VALUE=DATE:20211218\r\n"))
        #expect(text.contains("DTSTART;TZID=Asia/Seoul:20210713T100000\r\n"))
        #expect(text.contains("STATUS:CANCELLED\r\n"))
    }

    @Test func oneTrimmedVTimezonePerZoneWithABareTZID() throws {
        let text = try ICalWriter.render(FeedFixtures.small())
        #expect(text.components(separatedBy: "BEGIN:VTIMEZONE").count - 1 == 2)
        #expect(text.contains("TZID:America/New_York\r\n"))
        #expect(!text.contains("freeassociation"))
        #expect(!text.contains("DTSTART:1883"))  // no rules from the 19th century
    }

    /// libical's VTIMEZONE truncation adds TZUNTIL (RFC 7808), which RFC 5545 does not define
    /// and Python's `ics` refuses.
    @Test func vtimezonesHoldOnlyWhatRFC5545Defines() throws {
        let text = try ICalWriter.render(FeedFixtures.small())
        #expect(!text.contains("TZUNTIL"))
        let zone =
            "BEGIN:VTIMEZONE\r\nTZID:Asia/Seoul\r\nTZUNTIL:20211231T230000\r\n"
            + "BEGIN:STANDARD\r\nDTSTART:20210101T090000\r\n"
            + "TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
        #expect(
            FeedLint.problems(in: zone).contains(
                "VTIMEZONE Asia/Seoul holds TZUNTIL, which RFC 5545 does not define there"))
    }

    /// Each yearly zone rule ends a day after its last onset, so that readers which take the UTC
    /// UNTIL for local time (vobject) still see that onset; the onsets are those of 2021.
    @Test func zoneRulesEndADayAfterTheirLastOnset() throws {
        let text = try ICalWriter.render(FeedFixtures.small())
        // EDT from 14 March 2021, EST from 7 November 2021.
        #expect(text.contains("RRULE:FREQ=YEARLY;UNTIL=20210315T070000Z;BYDAY=2SU;BYMONTH=3\r\n"))
        #expect(text.contains("RRULE:FREQ=YEARLY;UNTIL=20211108T060000Z;BYDAY=1SU;BYMONTH=11\r\n"))
    }

    /// The trimmed zones still give every event its time: read back with libical, which uses the
    /// feed's own VTIMEZONEs.
    @Test func theFeedReadsBackAtItsTimes() throws {
        let text = try ICalWriter.render(FeedFixtures.small())
        let spans = try ICalReader.occurrences(in: text, from: 1_609_459_200, until: 1_640_995_200).map(\.span)
        #expect(spans.contains(.instants(start: 1_626_138_000, end: 1_626_145_200)))  // 10:00–12:00 KST, 13 July
        #expect(spans.contains(.instants(start: 1_616_245_200, end: 1_616_248_800)))  // 09:00–10:00 EDT, 20 March
    }

    @Test func renderingIsByteIdentical() throws {
        #expect(try ICalWriter.render(FeedFixtures.small()) == ICalWriter.render(FeedFixtures.small()))
    }

    @Test func lintCatchesBrokenFeeds() {
        let broken = "BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n"
        #expect(FeedLint.problems(in: broken) == ["line 1 does not end in CRLF"])
        let floating =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nMETHOD:PUBLISH\r\n"
            + "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20210101T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let problems = FeedLint.problems(in: floating)
        #expect(problems.contains("event a: DTSTART is a floating time"))
        #expect(problems.contains("event a has no ORGANIZER"))
    }
}
