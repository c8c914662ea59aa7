import ICal
import Testing

/// Content lines of every shape the clients write (Google, Apple, Thunderbird, khal, Outlook, the
/// RFCs' examples), read as RFC 5545 §3.1 says: unfolded before they are judged.
@Suite struct ICalReaderShapeTests {
    static let year2021 = ICalReaderTests.year2021

    /// One all-day event on 3 May 2021 with `lines` among its properties.
    static func event(_ lines: String) -> String {
        ICalReaderTests.calendar(
            "BEGIN:VEVENT\r\nUID:e\r\nDTSTART;VALUE=DATE:20210503\r\n" + lines + "SUMMARY:Holiday\r\nEND:VEVENT\r\n")
    }

    static func read(_ text: String) throws(ICalImportError) -> ICalImport {
        try ICalReader.read(text, from: year2021.from, until: year2021.until)
    }

    @Test func lineFoldedBeforeItsColonIsOneLine() throws {
        // khal's export and RFC 7986's CONFERENCE example fold inside the parameters.
        let khal = Self.event(
            "ATTENDEE;CN=\"XYZ\";PARTSTAT=ACCEPTED;ROLE=CHAIR;RSVP=\r\n FALSE:mailto:xyz@example.org\r\n")
        let conference = Self.event(
            "CONFERENCE;VALUE=URI;FEATURE=PHONE;\r\n LABEL=Attendee dial-in:tel:+1-412-555-0123,,,555123\r\n")
        let tab = Self.event("DESCRIPTION\r\n\t:folded with a tab\r\n")
        for text in [khal, conference, tab] {
            let imported = try Self.read(text)
            #expect(imported.occurrences.count == 1)
            #expect(imported.warnings.isEmpty)
        }
    }

    @Test func blankLinesInsideAFoldAreSkipped() throws {
        // Mozilla Calendar's old exports: `DTSTART⏎⏎ ;VALUE=DATE⏎ :20031225`.
        let text =
            "BEGIN:VCALENDAR\nVERSION\n\n :2.0\nBEGIN:VEVENT\nUID\n\n :x\n"
            + "DTSTART\n\n ;VALUE=DATE\n :20210503\nEND:VEVENT\nEND:VCALENDAR\n"
        #expect(
            try Self.read(text).occurrences.map(\.span) == [
                .dates(start: ICalDate(year: 2021, month: 5, day: 3), end: ICalDate(year: 2021, month: 5, day: 4))
            ])
    }

    @Test func quotedParameterValuesMayHoldColonsAndSemicolons() throws {
        let text = Self.event(
            "ATTENDEE;CN=\"Doe, J: X; Y\";ROLE=CHAIR:mailto:j@example.org\r\nX-ADDRESS;X-LABEL=\"a:b\":geo:1,2\r\n")
        let imported = try Self.read(text)
        #expect(imported.occurrences.count == 1)
        #expect(imported.warnings.isEmpty)
    }

    @Test func errorsAreAtThePhysicalLineTheLogicalLineStartsOn() {
        // Lines 4–6 hold the event's start; the broken line starts on line 7 and is folded onto 8.
        let text = Self.event("SUMMARY;LANGUAGE=en\r\n ;X-NO-COLON\r\n")
        #expect(
            throws: ICalImportError(
                line: 7, message: "a content line needs NAME:value; found 'SUMMARY;LANGUAGE=en;X-NO-COLON'")
        ) {
            try Self.read(text)
        }
    }

    @Test func appleBareVendorLineIsAWarningNotARefusal() throws {
        let imported = try Self.read(Self.event("X-APPLE-RADIUS=49.91307046514149\r\n"))
        #expect(imported.occurrences.count == 1)
        #expect(
            imported.warnings == [
                ICalImportWarning(
                    line: 7,
                    message: "'X-APPLE-RADIUS=49.91307046514149' is not NAME:value; this vendor line is ignored")
            ])
    }

    @Test func vendorLineAfterTheCalendarIsAWarning() throws {
        let imported = try Self.read(Self.event("") + "X-COMMENT:Cached from 2022-02-20\r\n")
        #expect(
            imported.warnings == [ICalImportWarning(line: 10, message: "X-COMMENT outside the VCALENDAR is ignored")])
    }

    @Test func brokenLinesOfKnownPropertiesAreErrorsAtTheirLine() {
        let cases: [(String, ICalImportError)] = [
            (
                "SUMMARY=testevent\r\n",
                ICalImportError(line: 7, message: "a content line needs NAME:value; found 'SUMMARY=testevent'")
            ),
            (
                "ORGANIZER;CN=Sixt SE\r\n",
                ICalImportError(line: 7, message: "a content line needs NAME:value; found 'ORGANIZER;CN=Sixt SE'")
            ),
            ("X\r\n", ICalImportError(line: 7, message: "a content line needs NAME:value; found 'X'")),
            ("DTEND;;VALUE=DATE:20210504\r\n", ICalImportError(line: 7, message: "the parameter '' is not NAME=value")),
            (
                "REFRESH - INTERVAL:PT1H\r\n",
                ICalImportError(line: 7, message: "'REFRESH - INTERVAL' is not a property name")
            ),
            (
                "DESCRIPTION:a\u{0}b\r\n",
                ICalImportError(line: 7, message: "the line holds the control character U+0000")
            ),
        ]
        for (line, error) in cases {
            #expect(throws: error) { try Self.read(Self.event(line)) }
        }
    }

    @Test func malformedTimesAreErrorsAtTheirProperty() {
        let start = ICalReaderTests.calendar(
            "BEGIN:VEVENT\r\nUID:e\r\nSUMMARY:x\r\nDTSTART:INVALID-DATE\r\nEND:VEVENT\r\n")
        #expect(
            throws: ICalImportError(
                line: 7,
                message:
                    "malformed event: Can't parse as DATE-TIME value in DTSTART property. "
                    + "Removing entire property: INVALID-DATE"
            )
        ) {
            try Self.read(start)
        }
        let endless = Self.event("DURATION:P999999999999999999W\r\n")
        #expect(throws: ICalImportError(line: 7, message: "event 'Holiday' ends after the year 9999")) {
            try Self.read(endless)
        }
        let exdate = Self.event("RRULE:FREQ=DAILY;COUNT=3\r\nEXDATE;VALUE=DATE:20210504\r\nEXDATE;VALUE=DATE:\r\n")
        #expect(
            throws: ICalImportError(
                line: 9, message: "malformed event: No value for EXDATE property. Removing entire property:")
        ) {
            try Self.read(exdate)
        }
        let offset = ICalReaderTests.calendar(
            "BEGIN:VTIMEZONE\r\nTZID:X\r\nBEGIN:STANDARD\r\nDTSTART:18500101T000000\r\nTZOFFSETFROM:+5744\r\n"
                + "TZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n")
        let february = Self.event("DTEND;VALUE=DATE:20210230\r\n")
        #expect(throws: ICalImportError(line: 7, message: "DTEND '20210230' is not a real date or time")) {
            try Self.read(february)
        }
        #expect(throws: ICalImportError(line: 8, message: "TZOFFSETFROM '+5744' is not a UTC offset (+HHMM or -HHMM)"))
        { try Self.read(offset) }
    }

    @Test func propertiesLibicalCannotReadButThatSetNoTimeAreWarnings() throws {
        // RFC 9253's LINK and RELATED-TO;VALUE=UID are newer than libical 3.0.
        let imported = try Self.read(
            Self.event("LINK;LINKREL=SOURCE;VALUE=URI:\r\n https://example.com/events\r\nRELATED-TO;VALUE=UID:abc\r\n"))
        #expect(imported.occurrences.count == 1)
        #expect(imported.warnings.map(\.line) == [7, 9])
        #expect(
            imported.warnings.first?.message
                == "libical cannot read this LINK (Parse error in property name: LINK); it is ignored")
    }

    @Test func severalCalendarsInOneFileAreAllRead() throws {
        let one = ICalReaderTests.calendar(
            "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20210503\r\nSUMMARY:A\r\nEND:VEVENT\r\n")
        let two = ICalReaderTests.calendar(
            "BEGIN:VEVENT\r\nUID:b\r\nDTSTART;VALUE=DATE:20210504\r\nSUMMARY:B\r\nEND:VEVENT\r\n")
        #expect(try Self.read(one + two).occurrences.map(\.summary) == ["A", "B"])
        // Lines still point into the second calendar.
        let broken =
            one + ICalReaderTests.calendar("BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20210504T250000Z\r\nEND:VEVENT\r\n")
        #expect(throws: ICalImportError(line: 15, message: "DTSTART '20210504T250000Z' is not a real date or time")) {
            try Self.read(broken)
        }
    }

    @Test func componentsOutsideACalendarAreRefused() {
        #expect(
            throws: ICalImportError(line: 1, message: "BEGIN:VEVENT outside a VCALENDAR: this is not an iCalendar file")
        ) {
            try Self.read("BEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\n")
        }
    }

    @Test func globallyUniqueTZIDsEndingInAnIANANameAreRead() throws {
        let text = ICalReaderTests.calendar(
            "BEGIN:VEVENT\r\nUID:m\r\nDTSTART;TZID=/mozilla.org/20070129_1/America/New_York:20210713T100000\r\n"
                + "DTEND;TZID=/mozilla.org/20070129_1/America/New_York:20210713T110000\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:w\r\nDTSTART;TZID=\"Western/Central Europe\":20210713T100000\r\nEND:VEVENT\r\n")
        let imported = try Self.read(text)
        // 10:00 in New York in July is 14:00 UTC.
        #expect(imported.occurrences.first?.span == .instants(start: 1_626_184_800, end: 1_626_188_400))
        #expect(
            imported.warnings == [
                ICalImportWarning(
                    line: 11,
                    message:
                        "TZID 'Western/Central Europe' has no VTIMEZONE in the file and is no IANA zone; "
                        + "the time is read as UTC"
                )
            ])
    }
}
