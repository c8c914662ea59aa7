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

    @Test func renderingIsByteIdentical() throws {
        #expect(try ICalWriter.render(FeedFixtures.small()) == ICalWriter.render(FeedFixtures.small()))
    }

    @Test func lintCatchesBrokenFeeds() {
        let broken = "BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n"
        #expect(FeedLint.problems(in: broken) == ["line 1 does not end in CRLF"])
        let floating = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20210101T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let problems = FeedLint.problems(in: floating)
        #expect(problems.contains("event a: DTSTART is a floating time"))
        #expect(problems.contains("event a has no ORGANIZER"))
    }
}
