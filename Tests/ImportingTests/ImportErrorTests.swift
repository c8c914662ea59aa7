import Foundation
import Importing
import Testing

@Suite struct ImportErrorTests {
    @Test func aJSONSchemaBreakIsAnErrorAtItsPathAndWritesNothing() throws {
        let folder = try ImportFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try ImportFixture.text("small.json").replacingOccurrences(
            of: #""duration": "00:45""#, with: #""duration": "45 min""#)
        let outcome = try ImportFixture.run(text, in: folder)
        #expect(outcome.planPath == nil)
        #expect(
            ImportFixture.messages(outcome).filter { $0.contains("error") } == [
                #"\#(folder.path)/schedule.json: $.schedule.conference.days[0].rooms["Saal 1"][1].duration: error: "#
                    + #"'duration' must be hours and minutes (01:30), found '45 min'"#
            ])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func aMissingRequiredKeyIsAnErrorAtItsObject() throws {
        let folder = try ImportFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try ImportFixture.text("small.json").replacingOccurrences(
            of: #""date": "2025-03-02T14:15:00+01:00", "#, with: "")
        let outcome = try ImportFixture.run(text, in: folder)
        #expect(
            ImportFixture.messages(outcome).filter { $0.contains("error") } == [
                #"\#(folder.path)/schedule.json: $.schedule.conference.days[1].rooms["Saal 1"][0]: error: "#
                    + #"missing 'date', which the schedule schema requires"#
            ])
    }

    @Test func aWrongTypeIsAnError() throws {
        let folder = try ImportFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try ImportFixture.text("small.json").replacingOccurrences(
            of: #""daysCount": 2"#, with: #""daysCount": "two""#)
        let outcome = try ImportFixture.run(text, in: folder)
        #expect(
            ImportFixture.messages(outcome) == [
                "\(folder.path)/schedule.json: $.schedule.conference.daysCount: error: "
                    + "'daysCount' must be an integer, found a string"
            ])
    }

    @Test func brokenJSONIsAnErrorAtItsLine() throws {
        let folder = try ImportFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try ImportFixture.run("{\n  \"schedule\": {\n    \"version\": ,\n", in: folder)
        let message = try #require(ImportFixture.messages(outcome).first)
        #expect(message.hasPrefix("\(folder.path)/schedule.json:3:"), "\(message)")
        #expect(message.contains(": error: not JSON"))
    }

    @Test func anXMLSchemaBreakIsAnErrorAtItsLineAndWritesNothing() throws {
        let folder = try ImportFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The second event of day 1 (line 39) without its <duration>.
        let text = try ImportFixture.text("small.xml").replacingOccurrences(
            of: "        <duration>00:45</duration>\n", with: "")
        let outcome = try ImportFixture.run(text, named: "schedule.xml", in: folder)
        #expect(outcome.planPath == nil)
        #expect(
            ImportFixture.messages(outcome) == [
                "\(folder.path)/schedule.xml:39:7: error: <event> needs a <duration>, "
                    + "which the schedule schema requires"
            ])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func aMalformedXMLValueIsAnErrorAtItsElement() throws {
        let folder = try ImportFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try ImportFixture.text("small.xml").replacingOccurrences(
            of: "<date>2025-03-01T10:30:00+01:00</date>", with: "<date>2025-03-01 10:30</date>")
        let outcome = try ImportFixture.run(text, named: "schedule.xml", in: folder)
        #expect(
            ImportFixture.messages(outcome) == [
                "\(folder.path)/schedule.xml:44:9: error: <date> must be a date and time with an offset, "
                    + "found '2025-03-01 10:30'; write it as 2021-12-27T11:00:00+01:00"
            ])
    }

    @Test func xmlThatIsNotWellFormedIsAnErrorAtItsLine() throws {
        let folder = try ImportFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try ImportFixture.run(
            "<schedule>\n  <version>1</version>\n  <conference>\n</schedule>\n", named: "schedule.xml", in: folder)
        let message = try #require(ImportFixture.messages(outcome).first)
        #expect(message.hasPrefix("\(folder.path)/schedule.xml:4:"), "\(message)")
        #expect(message.contains("error: not well-formed XML"))
    }

    @Test func entityDeclarationsAreRefused() throws {
        let folder = try ImportFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try ImportFixture.run(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE schedule [<!ENTITY a \"aaaaaaaaaa\">]>\n<schedule>&a;</schedule>\n",
            named: "schedule.xml", in: folder)
        #expect(outcome.planPath == nil)
        #expect(ImportFixture.messages(outcome).first?.contains("entity declarations are not read") == true)
    }

    @Test func aPlanInTheFolderIsRefusedWithoutForce() throws {
        let folder = try ImportFixture.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "calendar: {}\n".write(to: out.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        let refused = try ImportFixture.run(ImportFixture.text("small.json"), in: folder)
        #expect(refused.planPath == nil)
        #expect(
            ImportFixture.messages(refused).last
                == "\(out.path): error: already holds a plan (mine.yaml); pass --force to replace the folder, "
                + "or choose another --out"
        )
        #expect(try ImportFixture.files(in: folder) == ["mine.yaml": "calendar: {}\n"])
        let forced = try ImportFixture.run(ImportFixture.text("small.json"), force: true, in: folder)
        #expect(forced.planPath != nil)
        let files = try ImportFixture.files(in: folder)
        #expect(files["mine.yaml"] == nil && files["demo2025.yaml"] != nil)
        // Nothing is left beside the folder: the staging folder was renamed into place.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["out", "schedule.json"])
    }
}
