import Foundation
import Testing

/// An over-full plan with optional events: the events that matter most are placed, the others
/// are listed as left out with the rules that kept them out, instead of exit 3.
@Suite struct OptionalEventTests {
    static let plan = """
        calendar: {id: o, name: O, zone: Europe/Paris, horizon: 2021}
        events:
          - {id: board, title: Board, duration: 1d, window: 2021-06-07}
          - {id: webinar, title: Webinar, duration: 1d, window: 2021-06-07, avoid: [board], optional: true}
          - {id: launch, title: Launch, duration: 1d, window: 2021-06-07..2021-06-08, avoid: [board], priority: 5}
          - {id: social, title: Social, duration: 1d, window: 2021-06-08, avoid: [launch], priority: 2}

        """

    func folder(_ text: String = plan) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "convene-optional-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.appendingPathComponent("plan.yaml"))
        return folder
    }

    @Test func theHigherPriorityIsPlacedAndTheOthersAreListedAsUnplaced() throws {
        let folder = try folder()
        let json = try ConveneBinary.run(["plan", "plan.yaml", "--format", "json", "--out", "."], in: folder)
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let events = try #require(document["events"] as? [[String: Any]])
        let byId = Dictionary(uniqueKeysWithValues: events.map { ($0["id"] as? String ?? "", $0) })
        #expect(byId["launch"]?["start"] as? String == "2021-06-08")
        #expect(byId["social"]?["status"] as? String == "unplaced")
        #expect(byId["social"]?["start"] is NSNull)
        #expect(byId["webinar"]?["status"] as? String == "unplaced")
        #expect(byId["board"]?["status"] == nil)
        let table = try ConveneBinary.run(["plan", "plan.yaml"], in: folder)
        #expect(table.stdout.contains("Left out: social (priority 2); these rules could not all hold with it placed:"))
        #expect(table.stdout.contains("plan.yaml:6:75: 'social' must not overlap 'launch'"))
        // verify reads the left-out events as left out.
        let verify = try ConveneBinary.run(["verify", "plan.yaml", "schedule.json"], in: folder)
        #expect(verify.status == 0, "\(verify.stderr)")
    }

    @Test func anUnplacedEventIsNotPublished() throws {
        let folder = try folder()
        let outcome = try ConveneBinary.run(
            ["publish", "plan.yaml", "--out", "release", "--now", "2021-05-01T00:00:00Z"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let feed = try String(contentsOf: folder.appendingPathComponent("release/feeds/all.ics"), encoding: .utf8)
        #expect(feed.contains("SUMMARY:Launch"))
        #expect(!feed.contains("Social") && !feed.contains("Webinar"))
    }

    @Test func aConflictOfRequiredEventsStillExitsThree() throws {
        let required = Self.plan.replacingOccurrences(of: ", optional: true", with: "")
            .replacingOccurrences(of: ", priority: 5", with: "").replacingOccurrences(of: ", priority: 2", with: "")
        let outcome = try ConveneBinary.run(["plan", "plan.yaml"], in: try folder(required))
        #expect(outcome.status == 3)
    }
}
