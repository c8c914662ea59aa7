import Foundation
import ICal
import Publishing
import Testing

/// The summit's sessions in a release: an `all` feed, one per track, one per speaker.
@Suite struct SessionFeedTests {
    @Test func sessionsArePublishedPerTrackAndPerSpeaker() throws {
        let (model, _, schedule) = try SmallSummit.solved()
        let release = try ReleaseBuilder(
            plan: model.plan, schedule: schedule, previous: nil, now: "2021-12-01T00:00:00Z",
            baseURL: "https://summit.example.org"
        ).build()
        let civic = try #require(release.files["feeds/track-civic.ics"])
        let digital = try #require(release.files["feeds/track-digital.ics"])
        let tom = try #require(release.files["private/person-tom.ics"])
        let all = try #require(release.files["feeds/all.ics"])
        for feed in [civic, digital, tom, all] { #expect(FeedLint.problems(in: feed) == []) }
        #expect(civic.contains("UID:civic@mini-summit.convene") && !civic.contains("UID:data@"))
        #expect(digital.contains("UID:data@mini-summit.convene"))
        #expect(tom.contains("UID:civic@") && tom.contains("UID:data@") && !tom.contains("UID:closing@"))
        #expect(try ICalComponent(parsing: all).count(of: "VEVENT") == 4)
        // Times are the host zone's wall clock with a TZID; the room is the location.
        let civicStart = try #require(schedule.events.first { $0.id == "civic" })
        let local = civicStart.start.prefix(16).replacingOccurrences(of: "-", with: "").replacingOccurrences(
            of: ":", with: "")
        #expect(civic.contains("DTSTART;TZID=Asia/Seoul:\(local)00"))
        #expect(civic.replacingOccurrences(of: "\r\n ", with: "").contains("LOCATION:Hall (hybrid room)"))
    }

    /// A session taken out of the programme reaches its track's subscribers as cancelled, as it
    /// does the `all` feed, rather than silently vanishing from the track feed.
    @Test func aRemovedSessionStaysInItsTrackFeedCancelled() throws {
        let (model, _, schedule) = try SmallSummit.solved()
        let first = try ReleaseBuilder(
            plan: model.plan, schedule: schedule, previous: nil, now: "2021-12-01T00:00:00Z",
            baseURL: "https://summit.example.org"
        ).build()
        var plan = model.plan
        plan.events.removeAll { $0.id.value == "civic" }
        var fewer = schedule
        fewer.events.removeAll { $0.id == "civic" }
        let second = try ReleaseBuilder(
            plan: plan, schedule: fewer, previous: first.ledger, now: "2021-12-02T00:00:00Z",
            baseURL: "https://summit.example.org"
        ).build()
        let civic = try #require(second.files["feeds/track-civic.ics"]).replacingOccurrences(of: "\r\n ", with: "")
        #expect(FeedLint.problems(in: civic) == [])
        let event = civic.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:civic@mini-summit.convene") }
        #expect(event?.contains("STATUS:CANCELLED") == true)
        #expect(event?.contains("SEQUENCE:1") == true)
    }
}
