import Foundation
import Importing
import PlanFile
import Testing

/// What real exports do that a plan cannot hold as it is: each is imported with a warning.
@Suite struct ImportLeniencyTests {
    @Test func withoutAZoneNameTheZoneComesFromTheOffsets() throws {
        let folder = try ImportFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try ImportFixture.text("small.json")
            .replacingOccurrences(of: #""time_zone_name": "Europe/Berlin","#, with: "")
            .replacingOccurrences(of: "2025-03-01T09:00:00+00:00", with: "2025-03-01T10:00:00+01:00")
        let outcome = try ImportFixture.run(text, in: folder)
        let plan = try ImportFixture.plan(outcome)
        #expect(plan.calendar.zone.identifier == "Europe/Amsterdam")
        #expect(ImportFixture.messages(outcome).contains { $0.contains("the calendar is in Europe/Amsterdam") })
    }

    @Test func aTrackWhoseTalksRunInParallelIsKeptButNotOnTheTalks() throws {
        let folder = try ImportFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try ImportFixture.text("small.json").replacingOccurrences(
            of: #""track": "Community""#, with: #""track": "Security""#)
        let outcome = try ImportFixture.run(text, in: folder)
        let plan = try ImportFixture.plan(outcome)
        #expect(plan.tracks.map(\.id.value) == ["security", "community"])
        #expect(plan.events.allSatisfy { $0.session.track == nil })
        #expect(
            ImportFixture.messages(outcome).contains {
                $0.hasSuffix(
                    "warning: 'Meet the community' runs in parallel with 'Opening keynote: \"Why we meet\"' of the "
                        + "same "
                        + "track 'Security'; Convene's tracks never run in parallel, so the track's sessions are "
                        + "imported without it")
            }, "\(ImportFixture.messages(outcome))")
    }

    @Test func aTalkPastMidnightBecomesAnEventWithoutARoom() throws {
        let folder = try ImportFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try ImportFixture.text("small.json").replacingOccurrences(
            of: #""date": "2025-03-02T14:15:00+01:00", "start": "14:15", "duration": "00:30""#,
            with: #""date": "2025-03-02T23:30:00+01:00", "start": "23:30", "duration": "01:00""#)
        let outcome = try ImportFixture.run(text, in: folder)
        let plan = try ImportFixture.plan(outcome)
        let late = try #require(plan.events.first { $0.id.value == "ddd444" })
        #expect(!late.session.isSession)
        #expect(late.window.value.description == "2025-03-02..2025-03-03")
        #expect(late.participants.map(\.value) == ["carol-ndlovu", "dana-o-brien"])
    }
}
