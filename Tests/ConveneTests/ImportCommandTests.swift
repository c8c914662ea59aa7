import Foundation
import Testing

/// `convene import` as a user runs it, and the plan it writes through `check`, `plan --keep` and
/// `verify`.
@Suite struct ImportCommandTests {
    static let fixtures = ConveneBinary.root.appendingPathComponent("Tests/ImportingTests/Fixtures")

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "convene-import-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: ["small.json", "small.xml"])
    func theImportedPlanChecksAndPlansAtTheProgrammesTimes(_ fixture: String) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("plan").path
        let imported = try ConveneBinary.run([
            "import", Self.fixtures.appendingPathComponent(fixture).path, "--out", out,
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("\(out)/demo2025.yaml: imported from "), "\(imported.stdout)")
        let plan = "\(out)/demo2025.yaml", previous = "\(out)/demo2025.previous.json"

        let check = try ConveneBinary.run(["check", plan])
        #expect(check.status == 0, "\(check.stderr)")
        let verify = try ConveneBinary.run(["verify", plan, previous])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")

        let solved = try ConveneBinary.run(["plan", plan, "--keep", previous, "--time-limit", "10", "--format", "json"])
        #expect(solved.status == 0, "\(solved.stderr)")
        func starts(_ json: Data) throws -> [String: String] {
            let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            let events = try #require(document["events"] as? [[String: Any]])
            return Dictionary(
                uniqueKeysWithValues: events.compactMap { e in
                    (e["id"] as? String).map { ($0, e["startUTC"] as? String ?? "") }
                })
        }
        let kept = try starts(Data(contentsOf: URL(fileURLWithPath: previous)))
        #expect(kept.count == 4)
        #expect(try starts(Data(solved.stdout.utf8)) == kept)
    }

    @Test func thePinnedPlanChecksAndPlans() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("plan").path
        let imported = try ConveneBinary.run([
            "import", Self.fixtures.appendingPathComponent("small.json").path, "--out", out, "--pin",
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        let solved = try ConveneBinary.run(["plan", "\(out)/demo2025.yaml", "--time-limit", "10"])
        #expect(solved.status == 0, "\(solved.stderr)")
    }

    @Test func anExistingPlanIsRefusedWithoutForce() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("plan")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "# mine\n".write(to: out.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        let input = Self.fixtures.appendingPathComponent("small.xml").path
        let refused = try ConveneBinary.run(["import", input, "--out", out.path])
        #expect(refused.status == 1)
        #expect(
            refused.stderr.hasSuffix(
                "\(out.path): error: already holds a plan (mine.yaml); pass --force to replace the folder, or choose "
                    + "another --out\n"
            ))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["mine.yaml"])
        let forced = try ConveneBinary.run(["import", input, "--out", out.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("demo2025.yaml").path))
    }

    @Test func aSchemaBreakExitsOneAndWritesNothing() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("schedule.json")
        try #"{"schedule": {"version": "1", "conference": {"acronym": "demo2025"}}}"#.write(
            to: input, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("plan")
        let outcome = try ConveneBinary.run(["import", input.path, "--out", out.path])
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr.contains(
                "\(input.path): $.schedule.conference: error: missing 'title', which the schedule schema requires"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
