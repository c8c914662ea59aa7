import ICal
import Testing

@Suite struct ICalReaderTests {
    static let year2021 = (from: 1_609_459_200, until: 1_640_995_200)

    static func calendar(_ body: String) -> String {
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n" + body + "END:VCALENDAR\r\n"
    }

    @Test func allDayAndTimedEvents() throws {
        let text = Self.calendar(
            """
            BEGIN:VEVENT\r
            UID:a\r
            DTSTART;VALUE=DATE:20210920\r
            DTEND;VALUE=DATE:20210923\r
            SUMMARY:Chuseok\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:b\r
            DTSTART;TZID=Asia/Seoul:20210713T100000\r
            DTEND;TZID=Asia/Seoul:20210713T120000\r
            SUMMARY:Busy\r
            END:VEVENT\r

            """)
        let occurrences = try ICalReader.occurrences(in: text, from: Self.year2021.from, until: Self.year2021.until)
        #expect(occurrences.count == 2)
        #expect(
            occurrences[0].span
                == .dates(start: ICalDate(year: 2021, month: 9, day: 20), end: ICalDate(year: 2021, month: 9, day: 23)))
        // 10:00 in Seoul is 01:00 UTC (no VTIMEZONE in the file: the IANA name is used).
        #expect(occurrences[1].span == .instants(start: 1_626_138_000, end: 1_626_145_200))
    }

    @Test func recurrencesAreExpandedInsideTheRange() throws {
        let text = Self.calendar(
            """
            BEGIN:VEVENT\r
            UID:weekly\r
            DTSTART:20211101T150000Z\r
            DTEND:20211101T160000Z\r
            RRULE:FREQ=WEEKLY;BYDAY=MO\r
            SUMMARY:Team call\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:yearly\r
            DTSTART;VALUE=DATE:20191225\r
            RRULE:FREQ=YEARLY\r
            SUMMARY:Christmas\r
            END:VEVENT\r

            """)
        let occurrences = try ICalReader.occurrences(in: text, from: Self.year2021.from, until: Self.year2021.until)
        let calls = occurrences.filter { $0.summary == "Team call" }
        #expect(calls.count == 9)  // Mondays 1 Nov to 27 Dec 2021
        let christmas = occurrences.filter { $0.summary == "Christmas" }
        #expect(
            christmas.map(\.span) == [
                .dates(start: ICalDate(year: 2021, month: 12, day: 25), end: ICalDate(year: 2021, month: 12, day: 26))
            ])
    }

    @Test func malformedFilesAreReportedAtTheirLine() {
        let unclosed = Self.calendar("BEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20210920\r\n")
        #expect(throws: ICalImportError(line: 7, message: "END:VCALENDAR closes BEGIN:VEVENT of line 4")) {
            try ICalReader.occurrences(in: unclosed, from: 0, until: 2_000_000_000)
        }
        let garbage = Self.calendar("BEGIN:VEVENT\r\nthis is not a property\r\nEND:VEVENT\r\n")
        #expect(
            throws: ICalImportError(line: 5, message: "a content line needs NAME:value; found 'this is not a property'")
        ) {
            try ICalReader.occurrences(in: garbage, from: 0, until: 2_000_000_000)
        }
        #expect(throws: ICalImportError.self) { try ICalReader.occurrences(in: "hello", from: 0, until: 1) }
    }

    /// RFC 5545 lets a VEVENT go without DTSTART when the calendar has a METHOD; either way it
    /// has no time to black out, so it is skipped, with a warning at its BEGIN line.
    @Test func eventWithoutDTSTARTIsSkippedWithAWarning() throws {
        let noStart = Self.calendar(
            "BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Nothing\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:y\r\nDTSTART;VALUE=DATE:20210503\r\nSUMMARY:Holiday\r\nEND:VEVENT\r\n")
        let imported = try ICalReader.read(noStart, from: Self.year2021.from, until: Self.year2021.until)
        #expect(imported.occurrences.map(\.summary) == ["Holiday"])
        #expect(
            imported.warnings == [
                ICalImportWarning(
                    line: 4, message: "event 'Nothing' has no DTSTART, so it blacks out nothing; it is skipped")
            ])
    }
}
