import Foundation
import ICal
import Testing

/// Calendars `make fuzz` found that break the reader (docs/fuzzing.md), each minimised by hand.
///
/// Each is read in a child process (an exit test), so an input that still traps fails its own
/// test instead of ending the whole run; the child exits 0 only when the read threw an import
/// error at the expected line.
@Suite struct ICalFuzzFindingsTests {
    /// Seven crashes of one run (`crash-9e3dd06a…`, 30 kB, and six more), minimised by
    /// `-minimize_crash=1` to 70 bytes: an event on "50498068", a date (8 digits) in month 80,
    /// with no DTEND. libical parses the date without checking the month, and
    /// `icaltime_as_timet_with_zone` then reads its table of days before each month past its
    /// 13 entries, so the start is a garbage number of seconds; the end, normalised by
    /// `icaltime_adjust`, is not, and `Int32(length / 86_400)` traps.
    static let monthEighty = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:50498068\nEND:VEVENT\nEND:VCALENDAR"

    /// The same date with an end: no trap, but the start is read out of bounds all the same.
    static let monthEightyWithEnd =
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20218001\r\nDTEND;VALUE=DATE:20218002\r\n"
        + "END:VEVENT\r\nEND:VCALENDAR\r\n"

    /// Exits 0 when reading `text` over 2021–2030 throws an import error at `line`, 3 when at
    /// another line, 2 when it reads without one; a trap is a crash.
    static func exitZeroIfRefused(_ text: String, atLine line: Int) -> Never {
        do {
            _ = try ICalReader.occurrences(in: text, from: 1_609_459_200, until: 1_924_992_000)
            exit(2)  // read as if the date were real
        } catch {
            exit(error.line == line ? 0 : 3)
        }
    }

    /// Fixed by the importer's check of dates before libical converts them: the error is at
    /// the DTSTART line (line 3).
    @Test func dateInMonth80IsAnErrorAtItsDTSTART() async {
        await #expect(processExitsWith: .success) {
            ICalFuzzFindingsTests.exitZeroIfRefused(ICalFuzzFindingsTests.monthEighty, atLine: 3)
        }
    }

    @Test func dateInMonth80IsAnErrorEvenWithAnEnd() async {
        await #expect(processExitsWith: .success) {
            ICalFuzzFindingsTests.exitZeroIfRefused(ICalFuzzFindingsTests.monthEightyWithEnd, atLine: 3)
        }
    }
}
