import Foundation
import Importing
import PlanFile
import Testing

/// The small programme in Fixtures/ (the same one as schedule.json and schedule.xml, in the
/// shape pretalx exports), and a scratch folder to import it into.
enum ImportFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// A fresh folder under the temporary directory, removed by the caller.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("convene-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` as `name` in a scratch folder and imports it into `out` there.
    static func run(
        _ text: String, named name: String = "schedule.json", pin: Bool = false, force: Bool = false,
        in folder: URL
    ) throws -> PlanImport.Outcome {
        let input = folder.appendingPathComponent(name)
        try text.write(to: input, atomically: true, encoding: .utf8)
        return PlanImport.run(
            PlanImport.Options(
                input: input.path, out: folder.appendingPathComponent("out").path, pin: pin, force: force))
    }

    /// The files under `out`, relative path → text.
    static func files(in folder: URL) throws -> [String: String] {
        let out = folder.appendingPathComponent("out")
        var files: [String: String] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: out.path)?.allObjects ?? [] {
            var isDirectory: ObjCBool = false
            let path = out.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = try String(contentsOfFile: path, encoding: .utf8)
            }
        }
        return files
    }

    /// The plan the import wrote, loaded as `convene check` loads it.
    static func plan(_ outcome: PlanImport.Outcome) throws -> Plan {
        let path = try #require(outcome.planPath, "\(messages(outcome))")
        let loaded = PlanLoader.load(path)
        return try #require(loaded.plan, "\(loaded.diagnostics)")
    }

    static func messages(_ outcome: PlanImport.Outcome) -> [String] {
        outcome.problems.map(\.description)
    }
}
