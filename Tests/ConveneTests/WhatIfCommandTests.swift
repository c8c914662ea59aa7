import Foundation
import Testing

/// `convene what-if`: changes tried without editing the plan, against the current schedule.
@Suite struct WhatIfCommandTests {
    static let plan = """
        calendar: {id: w, name: W, zone: Europe/Paris, horizon: 2021}
        blackouts: [{id: august, name: August, dates: [2021-08-01..2021-08-31]}]
        events:
          - {id: a, title: A, duration: 1d, window: 2021-06-01..2021-06-30, prefer: early}
          - id: b
            title: B
            duration: 1d
            window: 2021-06-01..2021-07-31
            after: [{event: a, min-gap: 7d}]
            prefer: early
          - {id: c, title: C, duration: 1d, window: 2021-09-01..2021-09-30}

        """

    func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "convene-whatif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(Self.plan.utf8).write(to: folder.appendingPathComponent("plan.yaml"))
        return folder
    }

    @Test func aMoveShowsWhatElseMovesAndEditsNothing() throws {
        let folder = try folder()
        let outcome = try ConveneBinary.run(["what-if", "plan.yaml", "move a to 2021-06-15"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(
            outcome.stdout.hasPrefix(
                """
                what if: move a to 2021-06-15 — optimal
                  2 events change:
                    a: 1 Jun 2021 → 15 Jun 2021
                    b: 9 Jun 2021 → 23 Jun 2021

                """))
        #expect(outcome.stdout.contains("cost: "))
        let onDisk = try String(contentsOf: folder.appendingPathComponent("plan.yaml"), encoding: .utf8)
        #expect(onDisk == Self.plan)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.yaml"])
    }

    @Test func theJSONDocumentListsTheChangesTheMovesAndTheCosts() throws {
        let outcome = try ConveneBinary.run(
            ["what-if", "plan.yaml", "drop a", "--format", "json"], in: try folder())
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(document["changes"] as? [String] == ["drop a"])
        let moves = document["moves"] as? [[String: Any]]
        #expect(moves?.compactMap { $0["id"] as? String } == ["a"])
        #expect(moves?.first?["to"] is NSNull || moves?.first?["to"] == nil)
        #expect(document["costBefore"] is Int && document["costAfter"] is Int)
    }

    @Test func anImpossibleChangeSaysWhichRulesBreakAndHowToRepairThem() throws {
        let outcome = try ConveneBinary.run(["what-if", "plan.yaml", "move a to 2021-08-02"], in: try folder())
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("what-if change 1:1:1: note: 'a' is pinned to 2021-08-02"))
        #expect(outcome.stderr.contains("plan.yaml:2:13: note: 'a' may not touch the blackout 'August'"))
        // Lifting the blackout alone would not do: 'b' must follow 'a' by a week and ends in July.
        #expect(outcome.stderr.contains("what-if change 1:1:1: repair: unpin 'a' (pinned to 2021-08-02)"))
        #expect(!outcome.stderr.contains("lift the blackout"))
    }

    @Test func aChangeNamingAnUnknownEventSuggestsTheClosest() throws {
        let outcome = try ConveneBinary.run(["what-if", "plan.yaml", "widen d to 2021-10"], in: try folder())
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "what-if change 1: error: unknown event 'd'; did you mean 'a'?\n")
        let bad = try ConveneBinary.run(["what-if", "plan.yaml", "shift a by 2d"], in: try folder())
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("not a change Convene knows; write 'move EVENT to DATE'"))
    }
}
