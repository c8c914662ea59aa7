import Chronology
import Foundation
import Importing
import PlanFile
import Testing
import Yams

@Suite struct ImportTests {
    @Test func jsonAndXMLOfOneProgrammeGiveTheSamePlan() throws {
        let folder = try ImportFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("json")
        let xml = folder.appendingPathComponent("xml")
        try FileManager.default.createDirectory(at: json, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: xml, withIntermediateDirectories: true)
        let a = try ImportFixture.run(ImportFixture.text("small.json"), in: json)
        let b = try ImportFixture.run(ImportFixture.text("small.xml"), named: "schedule.xml", in: xml)
        #expect(a.planPath != nil && b.planPath != nil, "\(ImportFixture.messages(a) + ImportFixture.messages(b))")
        // The header comment names the file read; everything else is the same.
        func body(_ files: [String: String]) -> [String: String] {
            files.mapValues { $0.split(separator: "\n").filter { !$0.hasPrefix("# ") }.joined(separator: "\n") }
        }
        let fromJSON = try body(ImportFixture.files(in: json)), fromXML = try body(ImportFixture.files(in: xml))
        #expect(fromJSON.keys.sorted() == fromXML.keys.sorted())
        for name in fromJSON.keys.sorted() { #expect(fromJSON[name] == fromXML[name], "\(name)") }
        #expect(
            fromJSON.keys.sorted() == [
                "demo2025.previous.json", "demo2025.yaml", "demo2025/people.yaml",
                "demo2025/sessions-2025-03-01.yaml", "demo2025/sessions-2025-03-02.yaml",
            ])
    }

    @Test func importedPlanLoadsCleanWithTheProgrammeMapped() throws {
        let folder = try ImportFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try ImportFixture.run(ImportFixture.text("small.json"), in: folder)
        let path = try #require(outcome.planPath)
        let loaded = PlanLoader.load(path)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let plan = try #require(loaded.plan)
        #expect(plan.calendar.id.value == "demo2025")
        #expect(plan.calendar.name == "Demo Conference 2025")
        #expect(plan.calendar.zone.identifier == "Europe/Berlin")
        #expect(plan.summit?.hours.value.description == "10:00-14:45")
        #expect(plan.summit?.days.value.description == "2025-03-01..2025-03-02")
        // Alice speaks at 10:00–10:30 and again at 10:30: no pause between.
        #expect(plan.summit?.minPause.totalMinutes == 0)
        // Every room, the one without sessions too, at the stated default capacity.
        #expect(plan.rooms.map(\.id.value) == ["saal-1", "saal-2", "workshop-room"])
        #expect(plan.rooms.map(\.capacity) == [100, 100, 100])
        #expect(plan.tracks.map(\.id.value) == ["security", "community"])
        #expect(plan.tracks.first?.color == "#d62828")
        #expect(plan.events.map(\.id.value) == ["aaa111", "ccc333", "bbb222", "ddd444"])
        let keynote = try #require(plan.events.first { $0.id.value == "aaa111" })
        #expect(keynote.title == "Opening keynote: \"Why we meet\"")
        #expect(keynote.kind == "Talk")
        #expect(keynote.duration.value.totalMinutes == 30)
        #expect(keynote.window.value.description == "2025-03-01")
        #expect(keynote.session.track?.value == "security")
        #expect(keynote.session.speakers.map(\.value) == ["alice-muller", "bob"])
        #expect(keynote.session.language?.value == "en")
        #expect(keynote.pinned == nil)
    }

    @Test func blankFieldsAreLeftOutAndABlankTitleIsNamed() throws {
        let folder = try ImportFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try ImportFixture.run(ImportFixture.text("small.json"), in: folder)
        let plan = try ImportFixture.plan(outcome)
        let closing = try #require(plan.events.first { $0.id.value == "ddd444" })
        #expect(closing.title == "Untitled talk DDD444")
        #expect(closing.description == nil)
        #expect(closing.session.track == nil)
        #expect(closing.session.language == nil)
        let workshop = try #require(plan.events.first { $0.id.value == "ccc333" })
        #expect(workshop.description == nil && workshop.session.language == nil)
        #expect(
            ImportFixture.messages(outcome).contains {
                $0.hasSuffix(
                    #"$.schedule.conference.days[1].rooms["Saal 1"][0]: warning: the event has a blank title; "#
                        + #"imported as 'Untitled talk DDD444'"#
                )
            })
    }

    @Test func speakersWithoutIdsGetIdsFromTheirNamesOnce() throws {
        let folder = try ImportFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try ImportFixture.run(ImportFixture.text("small.json"), in: folder)
        let plan = try ImportFixture.plan(outcome)
        #expect(plan.people.map(\.id.value) == ["alice-muller", "bob", "carol-ndlovu", "dana-o-brien"])
        #expect(plan.people.map(\.name) == ["Alice Müller", "Bob", "Carol Ndlovu", "Dana O'Brien"])
        let closing = try #require(plan.events.first { $0.id.value == "ddd444" })
        #expect(closing.session.speakers.map(\.value) == ["carol-ndlovu", "dana-o-brien"])
    }

    @Test func twoSpeakersOfOneNameWithDifferentIdsStayTwoPeople() throws {
        let folder = try ImportFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try ImportFixture.text("small.json").replacingOccurrences(
            of: #"{"code": "BOB222", "name": "Bob""#, with: #"{"code": "BOB222", "name": "Alice Müller""#)
        let outcome = try ImportFixture.run(text, in: folder)
        let plan = try ImportFixture.plan(outcome)
        #expect(plan.people.map(\.id.value) == ["alice-muller", "alice-muller-2", "carol-ndlovu", "dana-o-brien"])
    }

    @Test func aDateWithAnotherOffsetIsReadAsTheInstantItNames() throws {
        let folder = try ImportFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try ImportFixture.run(ImportFixture.text("small.json"), pin: true, in: folder)
        let plan = try ImportFixture.plan(outcome)
        let workshop = try #require(plan.events.first { $0.id.value == "ccc333" })
        // 09:00 UTC is 10:00 in Berlin in March.
        #expect(workshop.pinned?.value == .dateTime(try LocalDateTime.parse("2025-03-01T10:00").get()))
        #expect(
            ImportFixture.messages(outcome).contains(
                #"\#(folder.path)/schedule.json: $.schedule.conference.days[0].rooms["Saal 2"][0]: warning: "#
                    + #"its date has the offset +00:00, not Europe/Berlin's +01:00; imported at the instant it names, "#
                    + #"2025-03-01T10:00 in Europe/Berlin"#
            ), "\(ImportFixture.messages(outcome))")
    }

    @Test func pinPinsEverySessionAtItsTime() throws {
        let folder = try ImportFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try ImportFixture.run(
            ImportFixture.text("small.xml"), named: "schedule.xml", pin: true, in: folder)
        let plan = try ImportFixture.plan(outcome)
        #expect(
            plan.events.map { "\($0.id.value) \($0.pinned.map { "\($0.value)" } ?? "-")" } == [
                "aaa111 dateTime(2025-03-01T10:00)", "ccc333 dateTime(2025-03-01T10:00)",
                "bbb222 dateTime(2025-03-01T10:30)", "ddd444 dateTime(2025-03-02T14:15)",
            ])
    }
}
