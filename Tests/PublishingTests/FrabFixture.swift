import Foundation
import PlanFile
import Planning
import Scheduler
import Testing

/// A small summit for the frab export: two days, a hybrid room and a virtual channel, two
/// tracks, a session whose words need escaping, a moderator who also speaks, a fixed forum and
/// an event that is not a session (neither belongs in the programme).
enum FrabFixture {
    /// The plan, with `civic` pinned at `civicStart` (host time).
    static func plan(civicStart: String = "2021-12-15T16:00") -> String {
        """
        calendar:
          id: frab-summit
          name: Frab Summit <2021> & friends
          zone: Asia/Seoul
          horizon: 2021-12
          granularity: 15m
          url: https://summit.example.org
        summit: {days: 2021-12-15..2021-12-16, hours: 08:00-24:00, breaks: [13:00-14:00], min-pause: 15m}
        rooms:
          - {id: hall, name: Hall, capacity: 300}
          - {id: channel, name: Channel, capacity: 2000, mode: virtual}
        tracks:
          - {id: civic, name: Civic space, color: "#1B7F79"}
          - {id: digital, name: Digital governance, color: "#6a3d9a"}
        people:
          - {id: kim, name: Kim Min-ji, zone: Asia/Seoul}
          - {id: ana, name: Ana Silva, zone: America/Sao_Paulo}
          - {id: lea, name: Léa Martin, zone: Europe/Paris}
        fixed:
          - {id: forum, title: A forum, kind: forum, dates: 2021-12-15, zone: Asia/Seoul}
        events:
          - id: opening
            title: Opening & welcome
            kind: plenary
            description: Why we meet <here>, "now" & together.
            duration: 1h
            window: 2021-12-15
            session: opening
            attendance: 250
            speakers: [kim, lea]
            moderator: lea
            objectives: [Open the summit]
            run-of-show:
              - {at: 0m, item: Welcome}
              - {at: 30m, item: Keynote}
          - id: data
            title: Open data for budgets
            kind: panel
            duration: 90m
            window: 2021-12-15..2021-12-16
            track: digital
            attendance: 120
            speakers: [ana]
          - id: civic
            title: Civic space under pressure
            duration: 1h
            pinned: \(civicStart)
            track: civic
            attendance: 80
            speakers: [kim]
          - id: team-dinner
            title: Team dinner
            duration: 2h
            window: 2021-12-16
        """
    }

    /// The plan solved, from a file in a temporary folder so positions are real.
    static func solved(civicStart: String = "2021-12-15T16:00") throws -> (plan: Plan, schedule: ScheduleDocument) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("convene-frab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("summit.yaml").path
        try Data(plan(civicStart: civicStart).utf8).write(to: URL(fileURLWithPath: path))
        let loaded = PlanLoader.load(path)
        let plan = try #require(loaded.plan, "\(loaded.diagnostics.map(\.description))")
        let model = ModelBuilder.build(plan)
        let result = Solver(model.problem).solve()
        try #require(result.assignment != nil, "no timetable: \(result.status)")
        return (plan, ScheduleDocument(model: model, result: result, seed: 0))
    }
}

/// The real validators: xmllint with the c3voc XSD and Python jsonschema with the c3voc JSON
/// schema, both copied into docs/frab/.
enum FrabValidators {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var python: String {
        ProcessInfo.processInfo.environment["CONVENE_PYTHON"] ?? root.appendingPathComponent(".venv/bin/python").path
    }

    /// Writes `text` to a temporary file and runs `arguments` on it; the exit status and output.
    static func check(
        _ text: String, named name: String, with arguments: (String) -> [String]
    ) throws -> (
        status: Int32, output: String
    ) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("convene-frab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments(file.path)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// `xmllint --noout --schema docs/frab/schedule.xml.xsd`.
    static func xml(_ text: String) throws -> (status: Int32, output: String) {
        try check(text, named: "schedule.xml") {
            ["xmllint", "--noout", "--schema", root.appendingPathComponent("docs/frab/schedule.xml.xsd").path, $0]
        }
    }

    /// Tests/interop/check_frab_json.py with docs/frab/schedule.schema.json.
    static func json(_ text: String) throws -> (status: Int32, output: String) {
        try #require(
            FileManager.default.isExecutableFile(atPath: python),
            "no Python with jsonschema at \(python): run `make test`, which creates .venv")
        return try check(text, named: "schedule.json") {
            [
                python, root.appendingPathComponent("Tests/interop/check_frab_json.py").path,
                root.appendingPathComponent("docs/frab/schedule.schema.json").path, $0,
            ]
        }
    }
}
