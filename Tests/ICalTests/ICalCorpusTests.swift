import Foundation
import ICal
import Testing

/// The 121 calendars of Python icalendar's test suite (exports from Google, Apple, Thunderbird,
/// khal, Outlook, Exchange, Podio, and the RFCs' examples), where `make test`'s virtual
/// environment has installed icalendar: every valid one imports, every broken one is refused at
/// the line where it breaks.
@Suite struct ICalCorpusTests {
    /// `.venv/lib/python3.*/site-packages/icalendar/tests/calendars`, if icalendar is installed.
    static let folder: URL? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let lib = root.appendingPathComponent(".venv/lib")
        let pythons =
            (try? FileManager.default.contentsOfDirectory(atPath: lib.path))?.filter { $0.hasPrefix("python3") }
            .sorted() ?? []
        return pythons.map { lib.appendingPathComponent("\($0)/site-packages/icalendar/tests/calendars") }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    /// The broken files (as of icalendar 7.3), each with the line it must be refused at and why it
    /// is broken. Every other file must import.
    static let broken: [String: (line: Int, why: String)] = [
        "big_bad_calendar.ics": (1, "BEGIN:VCALENDAR is never closed"),
        "small_bad_calendar.ics": (1, "BEGIN:VCALENDAR is never closed"),
        "pr_480_summary_with_colon.ics": (1, "BEGIN:VCALENDAR is never closed"),
        "timezone_same_start_and_offset.ics": (23, "END:VCALENDARD"),
        "broken_dtstart.ics": (6, "DTSTART:INVALID-DATE"),
        "issue_1081_invalid_start_and_end.ics": (6, "DTSTART:INVALID-DATE"),
        "issue_1081_invalid_start_valid_end.ics": (6, "DTSTART:INVALID-DATE"),
        "issue_1081_invalid_rrule_freq.ics": (7, "RRULE:FREQ=INVALID_TYPE_CAUSES_ERROR"),
        "issue_1081_empty_rdate.ics": (7, "RDATE with no value (RFC 5545 §3.8.5.2 asks for one or more)"),
        "parsing_error.ics": (19, "EXDATE with no value"),
        "multiple_timezones.ics": (23, "RDATE;VALUE=TIME: RDATE takes DATE, DATE-TIME or PERIOD"),
        "invalid_duration.ics": (8, "DURATION:P999999999999999999W ends after the year 9999"),
        "parsing_error_in_UTC_offset.ics": (7, "TZOFFSETFROM:+5744 is no UTC offset"),
        "broken_ical.ics": (4, "DTSTART;;VALUE=…: an empty parameter"),
        "issue_104_broken_calendar.ics": (13, "a line 'X' with no colon"),
        "timezone_rdate.ics": (53, "'SUMMARY=testevent' with no colon"),
        "issue_348_exception_parsing_value.ics": (8, "'ORGANIZER;CN=Sixt SE' with no colon and no value"),
        "issue_351_whitespace_in_property_and_params.ics": (4, "'REFRESH - INTERVAL': spaces in a property name"),
        "fuzz_testcase_0_char_in_component_name.ics": (1, "a NUL character"),
        "fuzz_testcase_invalid_month.ics": (1, "BEGIN:V, no VCALENDAR"),
        "fuzz_testcase_vtimezone_lone_cr.ics": (1, "a VTIMEZONE with no VCALENDAR, control characters"),
        "issue_178_component_with_invalid_name_represented.ics": (1, "BEGIN:MYCOMP, no VCALENDAR"),
        "issue_178_custom_component_contains_other.ics": (1, "BEGIN:MYCOMPTOO, no VCALENDAR"),
        "issue_82_expected_output.ics": (1, "a VEVENT with no VCALENDAR"),
        "issue_1237_x_property.jcal": (1, "jCal (RFC 7265): JSON, not iCalendar text"),
        "rfc_7265_appendix_example_1_jcal.jcal": (1, "jCal"),
        "rfc_7265_appendix_example_2_jcal.jcal": (1, "jCal"),
        "rfc_7265_example_2.jcal": (1, "jCal"),
        "rfc_7265_example_3.jcal": (2, "jCal, after a blank line"),
    ]

    @Test(.enabled(if: folder != nil, "icalendar is not installed in .venv: run `make test`, which creates it"))
    func everyValidCalendarImportsAndEveryBrokenOneIsRefusedAtItsLine() throws {
        let folder = try #require(Self.folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        var imported = 0, refused = 0
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let text = try #require(String(data: data, encoding: .utf8), "\(name) is not UTF-8")
            // 2000–2030, so that the files' recurrences are expanded.
            let result = Result { () throws(ICalImportError) in
                try ICalReader.read(text, from: 946_684_800, until: 1_893_456_000)
            }
            switch (result, Self.broken[name]) {
            case (.success, nil):
                imported += 1
            case (.failure(let error), let expected?):
                refused += 1
                #expect(
                    error.line == expected.line,
                    "\(name) (\(expected.why)): refused at line \(error.line): \(error.message)")
            case (.failure(let error), nil):
                Issue.record("\(name) is valid but refused at line \(error.line): \(error.message)")
            case (.success, let expected?):
                Issue.record("\(name) is broken (\(expected.why)) but imported")
            }
        }
        #expect(imported + refused == names.count)
        #expect(
            Set(Self.broken.keys).isSubset(of: names),
            "broken files missing from the corpus: \(Set(Self.broken.keys).subtracting(names).sorted())")
    }
}
