import ICal
import Testing

@Suite struct ICalComponentTests {
    @Test func libicalIsLinked() {
        #expect(LibICal.version.hasPrefix("3."))
    }

    @Test func parsesAndCountsEvents() throws {
        let text =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
            + "BEGIN:VEVENT\r\nUID:a@test\r\nDTSTAMP:20210101T000000Z\r\nDTSTART;VALUE=DATE:20210517\r\n"
            + "DTEND;VALUE=DATE:20210522\r\nSUMMARY:Open Gov Week\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let calendar = try ICalComponent(parsing: text)
        #expect(calendar.kind == "VCALENDAR")
        #expect(calendar.count(of: "VEVENT") == 1)
        #expect(calendar.serialized.contains("SUMMARY:Open Gov Week\r\n"))
    }

    @Test func textWithNoCalendarIsAnError() {
        #expect(throws: ICalError.self) { try ICalComponent(parsing: "") }
    }

    @Test func theWrapperFindsProblemsWithoutALibicalKind() throws {
        do {
            _ = try ICalComponent(parsing: "")
            Issue.record("empty text parsed")
        } catch let error as ICalError {
            #expect(error.operation.hasPrefix("parsing iCalendar text"))
            #expect(error.kind == nil || error.kind == .malformedData || error.kind == .parse)
        }
    }

    /// Parsing, reading and freeing on many threads at once: every libical call goes through
    /// the one lock (a debug build stops at a call made without it).
    @Test func componentsAreSafeToUseFromManyThreads() async throws {
        let text =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
            + "BEGIN:VEVENT\r\nUID:a@t\r\nDTSTAMP:20210101T000000Z\r\n"
            + "DTSTART;TZID=Asia/Seoul:20211215T090000\r\nDTEND;TZID=Asia/Seoul:20211215T100000\r\n"
            + "SUMMARY:S\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var total = 0
                    for _ in 0..<50 { total += try ICalComponent(parsing: text).count(of: "VEVENT") }
                    return total
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(counts == 400)
    }
}
