import ICal
import Testing

/// One cap on what a whole imported file may expand to (`ICalReader.expansionLimit` iterator
/// steps), an error at the RRULE where it is passed, and jumps over the years before the horizon
/// that leave the occurrences as they were.
@Suite struct ICalExpansionTests {
    static let year2021 = ICalReaderTests.year2021

    /// `count` events, each with `rule` from `start` (a DTSTART value), one line of 7 each.
    static func events(
        _ count: Int, rule: String, start: String = "20210101T000000Z", length: String = "PT1S"
    ) -> String {
        var body = ""
        for i in 0..<count {
            body +=
                "BEGIN:VEVENT\r\nUID:e\(i)\r\nDTSTART:\(start)\r\nDURATION:\(length)\r\n"
                + "RRULE:\(rule)\r\nSUMMARY:E\(i)\r\nEND:VEVENT\r\n"
        }
        return ICalReaderTests.calendar(body)
    }

    static let limitMessage =
        "the calendar expands to more than 200,000 occurrences by this RRULE; "
        + "import an extract with only the months the plan spans"

    @Test func anEndlessSecondlyRuleIsAnErrorNotATruncation() {
        #expect(throws: ICalImportError(line: 8, message: Self.limitMessage)) {
            try ICalReader.read(
                Self.events(1, rule: "FREQ=SECONDLY"), from: Self.year2021.from, until: Self.year2021.until)
        }
    }

    @Test func aThousandEndlessRulesShareOneCap() {
        // Each rule alone would stay under a cap per event; together they pass the file's cap at
        // the RRULE of the event that crosses it.
        let text = Self.events(1_000, rule: "FREQ=MINUTELY;INTERVAL=30")  // 17,520 steps each in 2021
        let error = #expect(throws: ICalImportError.self) {
            try ICalReader.read(text, from: Self.year2021.from, until: Self.year2021.until)
        }
        #expect(error == ICalImportError(line: 8 + 7 * 11, message: Self.limitMessage))  // the 12th event
        #expect(throws: ICalImportError(line: 8, message: Self.limitMessage)) {
            try ICalReader.read(
                Self.events(1_000, rule: "FREQ=SECONDLY"), from: Self.year2021.from, until: Self.year2021.until)
        }
    }

    @Test func aSecondlyRuleFrom1900IsAnError() {
        #expect(throws: ICalImportError(line: 8, message: Self.limitMessage)) {
            try ICalReader.read(
                Self.events(1, rule: "FREQ=SECONDLY", start: "19000101T000000Z"), from: Self.year2021.from,
                until: Self.year2021.until)
        }
        #expect(throws: ICalImportError(line: 8, message: Self.limitMessage)) {
            try ICalReader.read(
                Self.events(1, rule: "FREQ=SECONDLY;COUNT=2000000000", start: "19000101T000000Z"),
                from: Self.year2021.from, until: Self.year2021.until)
        }
    }

    @Test func stepsThatReturnNothingCountToo() {
        // libical walks every second of the year looking for December; the walk is what costs.
        #expect(throws: ICalImportError(line: 8, message: Self.limitMessage)) {
            try ICalReader.read(
                Self.events(1, rule: "FREQ=SECONDLY;BYMONTH=12"), from: Self.year2021.from, until: Self.year2021.until)
        }
    }

    @Test func rulesThatEndedBeforeTheHorizonCostNothing() throws {
        let text = Self.events(5_000, rule: "FREQ=SECONDLY;UNTIL=19000102T000000Z", start: "19000101T000000Z")
        #expect(try ICalReader.read(text, from: Self.year2021.from, until: Self.year2021.until).occurrences.isEmpty)
    }

    @Test func dailyRulesFromLongAgoJumpToTheHorizon() throws {
        // 120 years of days before 2021 would be 43,830 steps an event; after the jump, 365.
        let text = Self.events(400, rule: "FREQ=DAILY", start: "19010101T100000Z", length: "PT1H")
        let imported = try ICalReader.read(text, from: Self.year2021.from, until: Self.year2021.until)
        #expect(imported.occurrences.count == 400 * 365)
        // 1 Jan 2021, 10:00Z.
        #expect(imported.occurrences.first?.span == .instants(start: 1_609_495_200, end: 1_609_498_800))
    }

    /// The jump must not change a single occurrence: each rule is read once over a window that
    /// starts before its DTSTART (no jump) and once over 2021 (a jump), and the two must agree on
    /// 2021. (A C harness over 1,476 rule, start and zone combinations found 3 where libical
    /// 3.0.16's set_start shifts a MONTHLY rule by an hour, from a DTSTART of 02:30 in Berlin; none
    /// for DAILY, WEEKLY or YEARLY.)
    @Test(arguments: [
        "FREQ=DAILY;INTERVAL=3", "FREQ=DAILY;BYDAY=MO,FR;INTERVAL=10", "FREQ=WEEKLY;INTERVAL=2",
        "FREQ=WEEKLY;BYDAY=TU,SA;INTERVAL=3",
        "FREQ=MONTHLY;BYDAY=2TU", "FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
        "FREQ=MONTHLY;INTERVAL=7;BYMONTHDAY=1,15",
        "FREQ=YEARLY;INTERVAL=2", "FREQ=YEARLY;INTERVAL=2;BYMONTH=3,9;BYMONTHDAY=-1",
        "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO",
        "FREQ=HOURLY;INTERVAL=5", "FREQ=MINUTELY;INTERVAL=7;UNTIL=20210301T000000Z",
    ])
    func jumpingOverThePastKeepsEveryOccurrence(rule: String) throws {
        var read = 0
        for start in [
            "DTSTART;TZID=Europe/Berlin:20190315T233000", "DTSTART;TZID=America/New_York:20200101T100000",
            "DTSTART;VALUE=DATE:20160229",
        ]
        where !(start.contains("DATE:") && (rule.contains("HOURLY") || rule.contains("MINUTELY"))) {
            let text = ICalReaderTests.calendar(
                "BEGIN:VEVENT\r\nUID:r\r\n\(start)\r\nRRULE:\(rule)\r\nSUMMARY:R\r\nEND:VEVENT\r\n")
            let whole = try ICalReader.read(
                text, from: 1_450_000_000, until: Self.year2021.until, expansionLimit: 10_000_000
            ).occurrences
            let inYear = whole.filter {
                switch $0.span {
                case .instants(let s, let e):
                    return s < Self.year2021.until && (e > Self.year2021.from || s >= Self.year2021.from)
                case .dates(let s, _): return s.year == 2021
                }
            }
            let jumped = try ICalReader.read(text, from: Self.year2021.from, until: Self.year2021.until).occurrences
            #expect(jumped == inYear, "\(rule) from \(start)")
            read += jumped.count
        }
        #expect(read > 0, "no start of \(rule) has an occurrence in 2021: the comparison proves nothing")
    }

    @Test func hourlyIntervalsKeepTheirPhase() throws {
        // 366 × 24 = 8,784 hours from 1 Jan 2020 to 1 Jan 2021, 8,784 = 5 × 1,756 + 4: the first
        // occurrence of 2021 is at 01:00. (libical 3.0.16's set_start would say 00:00.)
        let text = Self.events(1, rule: "FREQ=HOURLY;INTERVAL=5", start: "20200101T000000Z", length: "PT1H")
        let first = try ICalReader.read(text, from: Self.year2021.from, until: Self.year2021.until).occurrences.first
        #expect(first?.span == .instants(start: Self.year2021.from + 3_600, end: Self.year2021.from + 7_200))
    }

    @Test func rulesThatNeverMatchAreNotGivenToLibical() throws {
        // libical 3.0.16 searches to the year 2582 for the 31st of April, 0.15 s a call.
        let text = Self.events(1_000, rule: "FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31", start: "20210105T000000Z")
        let imported = try ICalReader.read(text, from: Self.year2021.from, until: Self.year2021.until)
        #expect(imported.occurrences.count == 1_000)  // DTSTART alone
        #expect(imported.warnings.count == 51)
        #expect(
            imported.warnings.first
                == ICalImportWarning(
                    line: 8, message: "the RRULE asks for days no month it names has; only DTSTART is imported"))
        #expect(imported.warnings.last?.message == "950 more warnings from here on, not shown")
    }
}
