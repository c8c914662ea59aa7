import Foundation
import Planning
import PlanFile
import Scheduler
import Testing

/// Repairs of infeasible plans whose smallest changes are known, and checked by brute force:
/// one step less than each repair is still infeasible.
@Suite struct RepairTests {
    /// Loads and models `yaml` (a 2021 calendar in Paris), then finds its conflicts and repairs.
    func diagnose(_ yaml: String) throws -> (PlanModel, [Finding]) {
        let model = try model(yaml)
        #expect(Solver(model.problem).solve().status == .infeasible)
        let first = ConflictFinder.minimalConflict(in: model.problem)
        var finder = RepairFinder(model: model, deadline: nil)
        return (model, finder.diagnose(first: first))
    }

    func model(_ yaml: String) throws -> PlanModel {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "convene-repair-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("plan.yaml").path
        try Data(("calendar: {id: t, name: T, zone: Europe/Paris, horizon: 2021}\n" + yaml).utf8)
            .write(to: URL(fileURLWithPath: path))
        let plan = try #require(PlanLoader.load(path).plan)
        return ModelBuilder.build(plan)
    }

    func status(_ yaml: String) throws -> SolveStatus { Solver(try model(yaml).problem).solve().status }

    @Test func aBlackedOutWindowOpensByOneDayEitherSideOrTheBlackoutLifts() throws {
        let (_, findings) = try diagnose(
            """
            blackouts: [{id: retreat, name: Retreat, dates: [2021-05-10..2021-05-14]}]
            events:
              - {id: a, title: A, duration: 1d, window: 2021-05-10..2021-05-14}

            """)
        #expect(findings.count == 1)
        #expect(
            findings[0].repairs.map { "\($0.kind.rawValue) \($0.old) → \($0.new ?? "-")" } == [
                "widen-window 2021-05-10..2021-05-14 → 2021-05-09..2021-05-14",
                "widen-window 2021-05-10..2021-05-14 → 2021-05-10..2021-05-15",
                "lift-blackout retreat → -",
            ])
        #expect(findings[0].repairs[0].sentence.contains("by 1 day"))
    }

    @Test func aGapTooLongForTheWindowIsLoweredToExactlyWhatFits() throws {
        let plan = { (gap: String) in
            """
            events:
              - {id: a, title: A, duration: 1d, pinned: 2021-03-01}
              - {id: b, title: B, duration: 1d, window: 2021-03-20..2021-03-25, after: [{event: a, min-gap: \(gap)}]}

            """
        }
        let (_, findings) = try diagnose(plan("30d"))
        let repairs = findings.flatMap(\.repairs).map { "\($0.kind.rawValue) \($0.old) → \($0.new ?? "-")" }
        #expect(
            repairs == [
                "widen-window 2021-03-20..2021-03-25 → 2021-03-20..2021-04-01",
                "lower-gap 30d → 23d",
            ])
        // Brute force: the repair is the smallest change of its kind.
        #expect(try status(plan("23d")) != .infeasible)
        #expect(try status(plan("24d")) == .infeasible)
        #expect(try status(plan("30d").replacingOccurrences(of: "2021-03-25", with: "2021-03-31")) == .infeasible)
    }

    @Test func localHoursWidenByTheHalfHoursTheEventNeeds() throws {
        let (_, findings) = try diagnose(
            """
            events:
              - id: call
                title: Call
                duration: 2h
                window: 2021-05-03
                local-hours: [{between: 09:00-10:30, zones: [Asia/Tokyo]}]

            """)
        #expect(
            findings.flatMap(\.repairs).map { "\($0.kind.rawValue) \($0.new ?? "-")" } == [
                "widen-local-hours 08:30-10:30", "widen-local-hours 09:00-11:00",
            ])
    }

    @Test func independentConflictsAreEachReportedWithTheirOwnRepairs() throws {
        let (model, findings) = try diagnose(
            """
            events:
              - {id: a, title: A, duration: 1d, pinned: 2021-06-05, window: 2021-06-05}
              - {id: b, title: B, duration: 1d, window: 2021-06-05, avoid: [a]}
              - {id: c, title: C, duration: 1d, window: 2021-09-04}
            blackouts: [{id: weekends, name: Weekends, weekends: true, applies-to: [c]}]

            """)
        #expect(findings.count == 2)
        let events = findings.map { Set($0.conflict.rules.flatMap { model.problem.rules[$0].activities }) }
        #expect(events.contains([2]))
        #expect(events.contains([0, 1]))
        for finding in findings { #expect(!finding.repairs.isEmpty) }
        #expect(findings.flatMap(\.repairs).contains { $0.kind == .dropAvoid && $0.event == "b" })
    }

    @Test func aChangeThatDoesNotHelpIsNotProposed() throws {
        // Unpinning 'a' alone does not help: its window is the same single day.
        let (_, findings) = try diagnose(
            """
            events:
              - {id: a, title: A, duration: 1d, pinned: 2021-06-05, window: 2021-06-05}
              - {id: b, title: B, duration: 1d, window: 2021-06-05, avoid: [a]}

            """)
        #expect(!findings.flatMap(\.repairs).contains { $0.kind == .unpin })
    }
}
