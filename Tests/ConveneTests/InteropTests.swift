import Foundation
import Testing

/// Independent parsers — python `icalendar`, `ical`, `ics` and `vobject`, and khal where
/// installed — read every feed of a published release, must find every event and must agree with
/// schedule.json on each event's UTC start and end. `ics` refuses what RFC 5545 does not define
/// (TZUNTIL); vobject reads a VTIMEZONE rule's UTC UNTIL as local time.
@Suite struct InteropTests {
    static var python: String {
        ProcessInfo.processInfo.environment["CONVENE_PYTHON"]
            ?? ConveneBinary.root.appendingPathComponent(".venv/bin/python").path
    }

    @Test func independentParsersAgreeWithTheSchedule() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.python),
            "no Python with icalendar, ical, ics and vobject at \(Self.python): run `make test`, which creates .venv")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "convene-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: ConveneBinary.root.appendingPathComponent("calendars"), to: folder.appendingPathComponent("calendars"))
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("calendars/ogp-2021.ledger.json"))
        let published = try ConveneBinary.run(
            ["publish", "calendars/ogp-2021.yaml", "--out", "release", "--now", "2021-01-15T09:00Z"], in: folder)
        #expect(published.status == 0, "\(published.stderr)")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [
            ConveneBinary.root.appendingPathComponent("Tests/interop/check_feeds.py").path,
            folder.appendingPathComponent("release").path,
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("feeds/all.ics: icalendar 49, ical 49, ics 49, vobject 49"), "\(text)")
        #expect(!text.contains("refuses"), "\(text)")
    }
}
