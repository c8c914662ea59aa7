import Foundation
import Testing

/// `convene agenda` and `convene publish` of the Seoul summit write the programme for
/// conference apps, `frab/schedule.xml` and `frab/schedule.json`, and both pass the c3voc
/// schemas (docs/frab/) with the real validators: xmllint and Python jsonschema.
@Suite struct FrabExportTests {
    static var python: String { InteropTests.python }

    /// Runs a validator on a file; its exit status and output.
    static func validate(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    static func expectValid(_ folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let docs = ConveneBinary.root.appendingPathComponent("docs/frab")
        let xml = try validate([
            "xmllint", "--noout", "--schema", docs.appendingPathComponent("schedule.xml.xsd").path,
            folder.appendingPathComponent("frab/schedule.xml").path,
        ])
        #expect(xml.status == 0, "\(xml.output)", sourceLocation: sourceLocation)
        let json = try validate([
            python, ConveneBinary.root.appendingPathComponent("Tests/interop/check_frab_json.py").path,
            docs.appendingPathComponent("schedule.schema.json").path,
            folder.appendingPathComponent("frab/schedule.json").path,
        ])
        #expect(json.status == 0, "\(json.output)", sourceLocation: sourceLocation)
        let text = try String(contentsOf: folder.appendingPathComponent("frab/schedule.json"), encoding: .utf8)
        #expect(text.contains("\"time_zone_name\" : \"Asia/Seoul\""), sourceLocation: sourceLocation)
        #expect(text.contains("\"acronym\" : \"seoul_summit_2021\""), sourceLocation: sourceLocation)
    }

    @Test func seoulAgendaAndReleaseHoldValidProgrammes() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.python),
            "no Python with jsonschema at \(Self.python): run `make test`, which creates .venv")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("convene-frab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: ConveneBinary.root.appendingPathComponent("calendars"), to: folder.appendingPathComponent("calendars"))
        let plan = "calendars/seoul-summit-2021.yaml"
        // 20 seconds, as `make publish` gives the agenda: a loaded machine needs more than a few.
        let agenda = try ConveneBinary.run(
            [
                "agenda", plan, "--out", "agenda", "--time-limit", "20", "--templates",
                ConveneBinary.root.appendingPathComponent("templates").path,
            ],
            in: folder)
        try #require(agenda.status == 0, "\(agenda.stderr)")
        try Self.expectValid(folder.appendingPathComponent("agenda"))
        let published = try ConveneBinary.run(
            ["publish", plan, "--out", "release", "--time-limit", "20", "--now", "2021-11-01T09:00Z"], in: folder)
        try #require(published.status == 0, "\(published.stderr)")
        try Self.expectValid(folder.appendingPathComponent("release"))
    }
}
