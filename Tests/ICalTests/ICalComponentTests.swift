import ICal
import Testing

@Suite struct ICalComponentTests {
    @Test func libicalIsLinked() {
        #expect(LibICal.version.hasPrefix("3."))
    }

    @Test func parsesAndCountsEvents() throws {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:a@test\r\nDTSTAMP:20210101T000000Z\r\nDTSTART;VALUE=DATE:20210517\r\nDTEND;VALUE=DATE:20210522\r\nSUMMARY:Open Gov Week\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let calendar = try ICalComponent(parsing: text)
        #expect(calendar.kind == "VCALENDAR")
        #expect(calendar.count(of: "VEVENT") == 1)
        #expect(calendar.serialized.contains("SUMMARY:Open Gov Week\r\n"))
    }

    @Test func textWithNoCalendarIsAnError() {
        #expect(throws: ICalError.self) { try ICalComponent(parsing: "") }
    }
}
