import Chronology
import Foundation
import PlanFile
import Planning
import Scheduler
import Testing

/// A timed event's starts are modelled around its window, not over the horizon: its memory
/// follows its window. Schedules are those of the whole-horizon model, and a conflict that
/// needs the window is searched again over the horizon, so its repairs reach past the margin.
@Suite struct WindowBoundedSlotsTests {
    func plan(_ yaml: String) throws -> Plan {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "convene-window-slots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("plan.yaml").path
        try Data(("calendar: {id: t, name: T, zone: Europe/Paris, horizon: 2021, granularity: 30m}\n" + yaml).utf8)
            .write(to: URL(fileURLWithPath: path))
        return try #require(PlanLoader.load(path).plan)
    }

    static let events = """
        people: [{id: ana, name: Ana, zone: Asia/Seoul}, {id: bo, name: Bo, zone: America/New_York}]
        events:
          - {id: call, title: Call, duration: 1h, window: 2021-06, participants: [ana, bo], prefer: late}
          - {id: review, title: Review, duration: 2h, window: 2021-06-10..2021-07-20, after: [call],
             participants: [ana], prefer: early}
          - {id: retreat, title: Retreat, duration: 2d, window: 2021-05..2021-08, avoid: [review]}

        """

    @Test func aTimedEventsStartsFollowItsWindowAndAnAllDayEventsTheHorizon() throws {
        let model = ModelBuilder.build(try plan(Self.events))
        let call = model.problem.activities[0].slots
        let june1 = try CivilDate.parse("2021-06-01").get().dayNumber
        // Half the window's 30 days either side: from 16 May to 15 July, not the whole year.
        #expect(call.map(\.firstDay).min() == june1 - 15)
        #expect(call.map(\.firstDay).max() == june1 + 29 + 15)
        #expect(call.count < 365 * 48 / 5)
        #expect(model.problem.activities[2].slots.count == 364)  // two days, every start in 2021
        let windows = model.problem.rules.filter { $0.origin.text.contains("within its window") }
        #expect(windows.map(\.boundsSlots) == [true, true, false])
    }

    @Test func theScheduleIsTheOneOfTheWholeHorizonModel() throws {
        let plan = try plan(Self.events)
        let bounded = ModelBuilder.build(plan)
        let whole = try ModelBuilder.build(
            plan, deadline: Deadline(seconds: 60), wholeHorizon: Set(plan.events.map(\.id.value)))
        #expect(whole.problem.activities[0].slots.count > 3 * bounded.problem.activities[0].slots.count)
        // On a work budget, so that both searches stop at the same point on any machine.
        var options = SolverOptions()
        options.nodeLimit = 4_000
        options.timeLimit = 600
        let (a, b) = (
            Solver(bounded.problem, options: options).solve(), Solver(whole.problem, options: options).solve()
        )
        #expect(a.objective != nil && a.status == b.status && a.bound == b.bound)
        #expect(a.objective == b.objective && a.nodes == b.nodes)
        let starts = { (model: PlanModel, result: SolveResult) in
            model.problem.activities.indices.map { model.slot($0, result.assignment!).start }
        }
        #expect(starts(bounded, a) == starts(whole, b))
    }

    /// The review must start 40 days after a call pinned on 1 March, but its window closes on
    /// 10 March: the window is part of the conflict, and widening it reaches 10 April, past the
    /// week either side that was modelled.
    @Test func aConflictNeedingTheWindowIsSearchedOverTheHorizonAndItsRepairReachesPastTheMargin() throws {
        let plan = try plan(
            """
            events:
              - {id: call, title: Call, duration: 1h, pinned: 2021-03-01T10:00}
              - {id: review, title: Review, duration: 1h, window: 2021-03-08..2021-03-10,
                 after: [{event: call, min-gap: 40d}]}

            """)
        let outcome = try SolvePipeline.solve(plan, SolvePipeline.Request(deadline: Deadline(seconds: 60)))
        guard case .infeasible(let model, let findings) = outcome else {
            Issue.record("expected an infeasible plan, got \(outcome)")
            return
        }
        let conflict = try #require(findings.first).conflict
        #expect(conflict.provenMinimal)
        #expect(
            conflict.rules.map { model.problem.rules[$0].origin.text }.sorted()
                == [
                    "'call' is pinned to 2021-03-01T10:00",
                    "'review' must lie within its window 2021-03-08..2021-03-10",
                    "'review' starts at least 40d after 'call' ends",
                ].sorted())
        let widen = findings[0].repairs.filter { $0.kind == .widenWindow }.compactMap(\.new)
        #expect(widen.contains("2021-03-08..2021-04-10"), "\(widen)")
    }
}
