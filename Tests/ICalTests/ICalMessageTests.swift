import Foundation
import ICal
import Testing

/// The iMIP calendars of invitations (RFC 5546, RFC 6047): one VEVENT, METHOD REQUEST or
/// CANCEL, the organiser and the one attendee.
@Suite struct ICalMessageTests {
    func message(_ method: ICalMethod) -> ICalMessage {
        ICalMessage(
            productId: "-//Convene//t//EN", method: method, organizerName: "Events team",
            organizerEmail: "events@example.org",
            attendees: [ICalAttendee(name: "Ana López", email: "ana@example.org")],
            event: ICalEvent(
                uid: "roundtable@t.convene", sequence: 2, lastChanged: 1_610_701_200,
                start: .local(year: 2021, month: 7, day: 13, hour: 10, minute: 0, tzid: "Africa/Nairobi"),
                end: .local(year: 2021, month: 7, day: 13, hour: 12, minute: 0, tzid: "Africa/Nairobi"),
                summary: "Roundtable", status: method == .cancel ? .cancelled : .confirmed))
    }

    @Test func aRequestAsksTheAttendeeToAnswer() throws {
        let text = try ICalWriter.render(message(.request)).replacingOccurrences(of: "\r\n ", with: "")
        #expect(text.contains("METHOD:REQUEST\r\n"))
        #expect(text.contains("UID:roundtable@t.convene\r\n") && text.contains("SEQUENCE:2\r\n"))
        #expect(text.contains("ORGANIZER;CN=Events team:mailto:events@example.org\r\n"))
        #expect(
            text.contains(
                "ATTENDEE;CN=Ana López;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:"
                    + "mailto:ana@example.org\r\n")
        )
        #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:Africa/Nairobi\r\n"))
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count == 2)
        #expect(try ICalComponent(parsing: text).count(of: "VEVENT") == 1)
    }

    @Test func aCancelCarriesTheCancelledEventWithoutAskingForAnAnswer() throws {
        let text = try ICalWriter.render(message(.cancel)).replacingOccurrences(of: "\r\n ", with: "")
        #expect(text.contains("METHOD:CANCEL\r\n") && text.contains("STATUS:CANCELLED\r\n"))
        #expect(text.contains("ATTENDEE;CN=Ana López;ROLE=REQ-PARTICIPANT:mailto:ana@example.org\r\n"))
        #expect(!text.contains("PARTSTAT"))
    }
}
