import Foundation
import Testing

/// A conference system's programme through Convene and back: import → timetable (keeping the
/// programme's times and rooms) → export → import gives the same sessions, rooms and times,
/// from either of the frab formats.
@Suite struct FrabRoundTripTests {
    /// (title, start, end, room) of every event of an imported plan's previous schedule.
    func programme(_ folder: URL) throws -> [String] {
        let file = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".previous.json") })
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(file)))
        let events = (document as? [String: Any])?["events"] as? [[String: Any]] ?? []
        return events.map { e in
            ["title", "start", "end", "room"].map { "\(e[$0] ?? "-")" }.joined(separator: " | ")
        }.sorted()
    }

    @Test(arguments: ["small.json", "small.xml"])
    func importTimetableExportImportGivesTheSameProgramme(fixture: String) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "convene-roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let source = ConveneBinary.root.appendingPathComponent("Tests/ImportingTests/Fixtures/\(fixture)").path
        let first = try ConveneBinary.run(["import", source, "--out", "first"], in: work)
        #expect(first.status == 0, "\(first.stderr)")
        let root = try #require(
            try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("first").path)
                .first { $0.hasSuffix(".yaml") })
        let id = String(root.dropLast(".yaml".count))
        let agenda = try ConveneBinary.run(
            [
                "agenda", "first/\(root)", "--keep", "first/\(id).previous.json", "--out", "agenda",
                "--time-limit", "20", "--templates", ConveneBinary.root.appendingPathComponent("templates").path,
            ], in: work)
        #expect(agenda.status == 0, "\(agenda.stderr)")
        for export in ["schedule.json", "schedule.xml"] {
            let again = try ConveneBinary.run(
                ["import", "agenda/frab/\(export)", "--out", "again-\(export)"], in: work)
            #expect(again.status == 0, "\(again.stderr)")
            let before = try programme(work.appendingPathComponent("first"))
            #expect(before.count == 4)
            #expect(try programme(work.appendingPathComponent("again-\(export)")) == before)
        }
    }
}
