import Foundation
import Notifying
import ReleaseFormat
import Testing

/// Who gets what: preferences, addresses and the sent-log.
@Suite struct InvitationListTests {
    func notices(sequence: Int, cancelled: Bool = false) -> Notices {
        Notices(
            calendar: "t", calendarName: "T", published: "2021-01-15T09:00:00Z",
            organiser: .init(name: "Events", email: "events@example.org"),
            changes: [
                .init(
                    id: "a", uid: "a@t.convene", sequence: sequence, change: cancelled ? "cancelled" : "moved",
                    cancelled: cancelled, lastChanged: "2021-01-15T09:00:00Z", title: "A", summary: "A",
                    description: "", location: nil, categories: [], allDay: false, start: "2021-07-13T10:00:00+03:00",
                    end: "2021-07-13T12:00:00+03:00", timezone: "Africa/Nairobi",
                    before: .init(
                        start: "2021-07-12T10:00:00+03:00", end: "2021-07-12T12:00:00+03:00",
                        timezone: "Africa/Nairobi", location: nil),
                    people: ["ana", "ben", "cy"])
            ],
            people: [
                .init(id: "ana", name: "Ana", email: "Ana@Example.org", zone: "Europe/Madrid", notify: "both"),
                .init(id: "ben", name: "Ben", email: "ben@example.org", zone: "Africa/Lagos", notify: "invitations"),
                .init(id: "cy", name: "Cy", email: "cy@example.org", zone: "Asia/Tokyo", notify: "feed"),
            ])
    }

    @Test func aLaterSequenceAlreadySentCoversAnEarlierOne() throws {
        var log = SentLog()
        let later = InvitationList(notices: notices(sequence: 2), sentLog: log)
        #expect(later.invitations.map(\.recipient.id) == ["ana", "ben"])
        log.record(try #require(later.invitations.first), at: Date(timeIntervalSince1970: 0))
        // Notifying an older release afterwards does not send Ana the stale time.
        let older = InvitationList(notices: notices(sequence: 1), sentLog: log)
        #expect(older.invitations.map(\.recipient.id) == ["ben"])
        #expect(older.skipped.map(\.person.id) == ["ana", "cy"])
    }

    @Test func aCancelledEventIsACancelAndTheMessageIdIsTheSameEachTime() throws {
        let list = InvitationList(notices: notices(sequence: 3, cancelled: true), sentLog: SentLog())
        #expect(list.invitations.allSatisfy { $0.method == .cancel && $0.subject == "Cancelled: A" })
        let again = InvitationList(notices: notices(sequence: 3, cancelled: true), sentLog: SentLog())
        #expect(list.invitations.map(\.messageId) == again.invitations.map(\.messageId))
        #expect(Set(list.invitations.map(\.messageId)).count == 2)
    }
}
