import Foundation
import ICal
import Testing

/// Publishing the 2021 plan into a scratch copy of calendars/, and re-publishing it after edits.
@Suite struct PublishCommandTests {
    struct Workspace {
        let folder: URL
        var release: URL { folder.appendingPathComponent("release") }
        var plan: String { "calendars/ogp-2021.yaml" }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "convene-publish-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: ConveneBinary.root.appendingPathComponent("calendars"),
                to: folder.appendingPathComponent("calendars"))
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("calendars/ogp-2021.ledger.json"))
        }

        func publish(now: String, environment: [String: String] = [:]) throws -> ConveneBinary.Outcome {
            try ConveneBinary.run(["publish", plan, "--out", "release", "--now", now], in: folder)
        }

        func file(_ relative: String) throws -> String {
            try String(contentsOf: release.appendingPathComponent(relative), encoding: .utf8)
        }

        func feeds() throws -> [String: String] {
            var result: [String: String] = [:]
            for folder in ["feeds", "private"] {
                let names = try FileManager.default.contentsOfDirectory(
                    atPath: release.appendingPathComponent(folder).path)
                for name in names where name.hasSuffix(".ics") {
                    result["\(folder)/\(name)"] = try file("\(folder)/\(name)")
                }
            }
            return result
        }

        func edit(_ relative: String, _ change: (String) -> String) throws {
            let url = folder.appendingPathComponent(relative)
            try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
        }
    }

    /// The lines of one VEVENT, unfolded, by UID.
    func event(_ uid: String, in feed: String) -> [String] {
        let text = feed.replacingOccurrences(of: "\r\n ", with: "")
        guard let range = text.range(of: "UID:\(uid)\r\n") else { return [] }
        let rest = text[range.lowerBound...]
        let end = rest.range(of: "END:VEVENT")?.lowerBound ?? rest.endIndex
        return rest[..<end].components(separatedBy: "\r\n")
    }

    @Test func everyFeedIsCorrectAndParsesBackWithLibical() throws {
        let w = try Workspace()
        let outcome = try w.publish(now: "2021-01-15T09:00Z")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let feeds = try w.feeds()
        #expect(feeds.count >= 30)
        #expect(
            feeds["feeds/all.ics"] != nil && feeds["feeds/fora.ics"] != nil
                && feeds["feeds/audience-steering-committee.ics"] != nil)
        let manifest = try JSONSerialization.jsonObject(with: Data(try w.file("manifest.json").utf8)) as? [String: Any]
        let listed = (manifest?["feeds"] as? [[String: Any]]) ?? []
        #expect(
            listed.allSatisfy { ($0["file"] as? String)?.hasPrefix("feeds/") == true }, "no personal feed is public")
        for (name, text) in feeds.sorted(by: { $0.key < $1.key }) {
            #expect(FeedLint.problems(in: text) == [], "\(name)")
            let calendar = try ICalComponent(parsing: text)
            #expect(calendar.kind == "VCALENDAR")
            let count = text.components(separatedBy: "BEGIN:VEVENT").count - 1
            #expect(calendar.count(of: "VEVENT") == count, "\(name)")
            if let item = listed.first(where: { $0["file"] as? String == name }) {
                #expect(item["events"] as? Int == count)
                #expect((item["etag"] as? String)?.count == 66)
            }
        }
        let index = try w.file("index.html")
        #expect(index.contains("webcal://localhost:8080/feeds/all.ics"))
        #expect(index.contains("http://localhost:8080/feeds/all.ics"))
        #expect(!index.contains("private/"))
    }

    @Test func thePublicChangelogNamesAudiencesAndShowsLastDays() throws {
        let w = try Workspace()
        #expect(try w.publish(now: "2021-01-15T09:00Z").status == 0)
        let changes = try w.file("CHANGES.md")
        // The three-day summit runs 15–17 December: people read its last day, not the
        // exclusive end (18 December) that iCalendar and schedule.json keep.
        #expect(changes.contains("(`global-summit`): 15–17 Dec 2021 (Asia/Seoul)"))
        #expect(changes.contains("(`awards-launch`): 10 May 2021 (America/New_York)"))
        #expect(!changes.contains("2021-12-18"))
        #expect(changes.contains("  - audiences: "))
        #expect(!changes.contains("people to tell"))
        #expect(!(try w.file("changes.json")).contains("\"people\""))
        // The events team's copy, beside the personal feeds, names whom to tell.
        #expect(try w.file("private/CHANGES.md").contains("  - people to tell: "))
        #expect(try w.file("private/changes.json").contains("\"people\""))
        #expect(try w.file("schedule.json").contains("\"end\" : \"2021-12-18\""))
    }

    @Test func republishingAnUnchangedPlanGivesIdenticalBytes() throws {
        let w = try Workspace()
        #expect(try w.publish(now: "2021-01-15T09:00Z").status == 0)
        let first = try w.feeds(), manifest = try w.file("manifest.json"), schedule = try w.file("schedule.json")
        #expect(try w.publish(now: "2021-03-01T12:30Z").status == 0)
        #expect(try w.feeds() == first)
        #expect(try w.file("manifest.json") == manifest)
        #expect(try w.file("schedule.json") == schedule)
        #expect(try w.file("CHANGES.md").contains("Nothing changed."))
    }

    @Test func replanningKeepsUIDsBumpsSequenceOnChangeAndCancelsRemovedEvents() throws {
        let w = try Workspace()
        #expect(try w.publish(now: "2021-01-15T09:00Z").status == 0)
        let before = try w.file("feeds/all.ics")
        // Remove the tenth results story (the series' last occurrence); pin the awards launch to a new date.
        try w.edit("calendars/ogp-2021/events.yaml") { text in
            var t = text
            if let start = t.range(of: "        - title: \"Results story 10:"),
                let end = t.range(of: "\n\n", range: start.upperBound..<t.endIndex)
            {
                t.removeSubrange(start.lowerBound..<t.index(after: end.lowerBound))
            }
            return t.replacingOccurrences(
                of: "  - id: awards-launch\n", with: "  - id: awards-launch\n    pinned: 2021-05-27\n")
        }
        let outcome = try w.publish(now: "2021-02-01T10:00Z")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let after = try w.file("feeds/all.ics")
        let cancelled = event("results-story-10@ogp-2021.convene", in: after)
        #expect(cancelled.contains("STATUS:CANCELLED"))
        #expect(cancelled.contains("SEQUENCE:1"))
        #expect(cancelled.contains("DTSTAMP:20210201T100000Z"))
        let moved = event("awards-launch@ogp-2021.convene", in: after)
        #expect(moved.contains("SEQUENCE:1"))
        #expect(moved.contains("DTSTART;VALUE=DATE:20210527"))
        // Everything else is untouched: same UID, SEQUENCE 0, the old DTSTAMP.
        let summit = event("global-summit@ogp-2021.convene", in: after)
        #expect(summit == event("global-summit@ogp-2021.convene", in: before))
        #expect(summit.contains("SEQUENCE:0") && summit.contains("DTSTAMP:20210115T090000Z"))
        let uidsBefore = Set(before.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") })
        let uidsAfter = Set(after.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") })
        #expect(uidsBefore == uidsAfter)
        let changes = try w.file("CHANGES.md")
        #expect(changes.contains("## Cancelled") && changes.contains("`results-story-10`"))
        #expect(changes.contains("## Moved") && changes.contains("`awards-launch`"))
    }

    @Test func aKillDuringPublishLeavesThePreviousReleaseIntact() throws {
        let w = try Workspace()
        #expect(try w.publish(now: "2021-01-15T09:00Z").status == 0)
        let original = try w.feeds()
        try w.edit("calendars/ogp-2021/events.yaml") {
            $0.replacingOccurrences(
                of: "  - id: awards-launch\n", with: "  - id: awards-launch\n    pinned: 2021-05-27\n")
        }
        for delay in [0.3, 0.8, 1.5] {
            let process = Process()
            process.executableURL = ConveneBinary.executable
            process.arguments = ["publish", w.plan, "--out", "release", "--now", "2021-02-01T10:00Z"]
            process.currentDirectoryURL = w.folder
            process.environment = ProcessInfo.processInfo.environment.merging(["CONVENE_SLOW_WRITES_MS": "40"]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // The release is whole: the old one, every feed as it was.
            #expect(try w.feeds() == original)
            #expect(FileManager.default.fileExists(atPath: w.release.appendingPathComponent("manifest.json").path))
        }
        // A publish that finishes switches to the new release.
        #expect(try w.publish(now: "2021-02-01T10:00Z").status == 0)
        #expect(try w.feeds()["feeds/all.ics"] != original["feeds/all.ics"])
    }
}
