@testable import Publishing
import Testing

@Suite struct LedgerTests {
    func entry(
        _ id: String, start: String = "2021-05-17T12:00:00Z", end: String = "2021-05-17T14:00:00Z",
        location: String? = nil, title: String = "Event", digest: String = "d"
    ) -> Ledger.Entry {
        Ledger.Entry(
            id: id, uid: "\(id)@t.convene", sequence: 0, lastChanged: "", status: .confirmed, fixed: false,
            title: title,
            kind: "event", allDay: false, start: start, end: end, timezone: "UTC", startUTC: start, endUTC: end,
            location: location, audiences: ["sc"], people: ["ana"], contentDigest: digest)
    }

    @Test func newEventsStartAtSequenceZero() {
        let (ledger, changes) = Ledger(calendar: "t").updated(with: [entry("a")], now: "2021-01-01T00:00:00Z")
        #expect(ledger.entries.map(\.sequence) == [0])
        #expect(ledger.entries.first?.lastChanged == "2021-01-01T00:00:00Z")
        #expect(changes.map(\.change) == [.new])
    }

    @Test func unchangedEventsKeepEverything() {
        let (first, _) = Ledger(calendar: "t").updated(with: [entry("a")], now: "2021-01-01T00:00:00Z")
        let (second, changes) = first.updated(with: [entry("a")], now: "2021-02-01T00:00:00Z")
        #expect(second == first)
        #expect(changes.isEmpty)
    }

    @Test func movingRaisesSequenceAndLastChange() {
        let (first, _) = Ledger(calendar: "t").updated(with: [entry("a"), entry("b")], now: "2021-01-01T00:00:00Z")
        let moved = entry("a", start: "2021-05-18T12:00:00Z", end: "2021-05-18T14:00:00Z")
        let (second, changes) = first.updated(with: [moved, entry("b")], now: "2021-02-01T00:00:00Z")
        #expect(second.entries.map(\.sequence) == [1, 0])
        #expect(second.entries.map(\.lastChanged) == ["2021-02-01T00:00:00Z", "2021-01-01T00:00:00Z"])
        #expect(changes.map(\.change) == [.moved])
        #expect(changes.first?.people == ["ana"])
    }

    @Test func changingThePlaceRaisesSequence() {
        let (first, _) = Ledger(calendar: "t").updated(with: [entry("a")], now: "2021-01-01T00:00:00Z")
        let (second, changes) = first.updated(with: [entry("a", location: "Seoul")], now: "2021-02-01T00:00:00Z")
        #expect(second.entries.first?.sequence == 1)
        #expect(changes.map(\.change) == [.changed])
    }

    @Test func editingTheTitleRefreshesLastChangeButNotSequence() {
        let (first, _) = Ledger(calendar: "t").updated(with: [entry("a")], now: "2021-01-01T00:00:00Z")
        let (second, _) = first.updated(with: [entry("a", title: "Renamed", digest: "e")], now: "2021-02-01T00:00:00Z")
        #expect(second.entries.first?.sequence == 0)
        #expect(second.entries.first?.lastChanged == "2021-02-01T00:00:00Z")
    }

    @Test func removedEventsStayCancelledWithARaisedSequence() {
        let (first, _) = Ledger(calendar: "t").updated(with: [entry("a"), entry("b")], now: "2021-01-01T00:00:00Z")
        let (second, changes) = first.updated(with: [entry("b")], now: "2021-02-01T00:00:00Z")
        #expect(second.entries.map(\.status.rawValue) == ["cancelled", "confirmed"])
        #expect(second.entries.first?.sequence == 1)
        #expect(changes.map(\.change) == [.cancelled])
        // Publishing again changes nothing more.
        let (third, again) = second.updated(with: [entry("b")], now: "2021-03-01T00:00:00Z")
        #expect(third == second)
        #expect(again.isEmpty)
        // And an event that comes back is restored with its old UID and a higher sequence.
        let (fourth, back) = third.updated(with: [entry("a"), entry("b")], now: "2021-04-01T00:00:00Z")
        #expect(fourth.entries.first?.status == .confirmed && fourth.entries.first?.sequence == 2)
        #expect(back.map(\.change) == [.restored])
    }
}
