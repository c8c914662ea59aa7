import Foundation
import Testing

/// A series' occurrences are events with stable ids: a re-plan that adds an occurrence keeps
/// every published one's UID and SEQUENCE, and announces only the new one.
@Suite struct SeriesLedgerTests {
    func plan(count: Int) -> String {
        """
        calendar: {id: s, name: S, zone: Europe/London, horizon: 2021}
        events:
          - id: review
            title: Quarterly review {n}
            duration: 1d
            window: 2021
            repeat: {count: \(count), every: quarterly}

        """
    }

    /// (id, uid, sequence) of every ledger entry.
    func ledger(_ folder: URL) throws -> [String: (uid: String, sequence: Int)] {
        let data = try Data(contentsOf: folder.appendingPathComponent("plan.ledger.json"))
        let entries = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["entries"] as? [[String: Any]]
        var result: [String: (uid: String, sequence: Int)] = [:]
        for e in entries ?? [] {
            result[e["id"] as? String ?? ""] = (e["uid"] as? String ?? "", e["sequence"] as? Int ?? -1)
        }
        return result
    }

    @Test func addingAnOccurrenceKeepsTheOthersUIDsAndSequences() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "convene-series-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("plan.yaml")
        try Data(plan(count: 3).utf8).write(to: path)
        let first = try ConveneBinary.run(
            ["publish", "plan.yaml", "--out", "release", "--now", "2021-01-04T09:00:00Z"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try ledger(folder)
        #expect(before.keys.sorted() == ["review-01", "review-02", "review-03"])
        try Data(plan(count: 4).utf8).write(to: path)
        let second = try ConveneBinary.run(
            ["publish", "plan.yaml", "--out", "release", "--now", "2021-01-11T09:00:00Z"], in: folder)
        #expect(second.status == 0, "\(second.stderr)")
        let after = try ledger(folder)
        #expect(after.keys.sorted() == ["review-01", "review-02", "review-03", "review-04"])
        for id in ["review-01", "review-02", "review-03"] {
            #expect(after[id]?.uid == before[id]?.uid)
            #expect(after[id]?.sequence == before[id]?.sequence)
        }
        #expect(after["review-04"]?.uid == "review-04@s.convene")
        let changes = try String(contentsOf: folder.appendingPathComponent("release/changes.json"), encoding: .utf8)
        #expect(changes.contains("review-04") && !changes.contains("review-01"))
    }
}
