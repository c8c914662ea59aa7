import Foundation
import Testing

@Suite struct PlanCommandTests {
    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("convene-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func schedule(_ plan: String = "calendars/ogp-2021.yaml") throws -> [[String: Any]] {
        let outcome = try ConveneBinary.run(["plan", plan, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect(json?["status"] as? String == "optimal")
        return json?["events"] as? [[String: Any]] ?? []
    }

    @Test func twoRunsAreByteIdentical() throws {
        let first = try ConveneBinary.run(["plan", "calendars/ogp-2021.yaml", "--format", "json", "--seed", "3"])
        let second = try ConveneBinary.run(["plan", "calendars/ogp-2021.yaml", "--format", "json", "--seed", "3"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let table1 = try ConveneBinary.run(["plan", "calendars/ogp-2021.yaml"])
        let table2 = try ConveneBinary.run(["plan", "calendars/ogp-2021.yaml"])
        // The table carries the solve time; everything after its first line must match.
        #expect(table1.stdout.split(separator: "\n").dropFirst() == table2.stdout.split(separator: "\n").dropFirst())
    }

    @Test func the2021PlanPutsEachEventWhereTheTeamNeedsIt() throws {
        let events = try schedule()
        func start(_ id: String) -> String { events.first { $0["id"] as? String == id }?["start"] as? String ?? "?" }
        func end(_ id: String) -> String { events.first { $0["id"] as? String == id }?["end"] as? String ?? "?" }
        // Fora on their real dates.
        #expect(start("g7-carbis-bay") == "2021-06-11" && end("g7-carbis-bay") == "2021-06-14")
        #expect(start("g20-rome") == "2021-10-30" && start("cop26") == "2021-10-31")
        #expect(start("unga-76") == "2021-09-21" && start("summit-for-democracy") == "2021-12-09")
        #expect(start("ungass-2021") == "2021-06-02" && start("hlpf-2021") == "2021-07-06")
        // Open Gov Week in May, on weekdays.
        #expect(start("open-gov-week").hasPrefix("2021-05-"))
        // Roundtables from July to September; the Summit in Q4 after all of them, clear of G20 and COP26.
        let roundtables = [
            "roundtable-africa-middle-east", "roundtable-americas", "roundtable-asia-pacific", "roundtable-europe",
        ]
        for r in roundtables {
            let s = start(r)
            #expect(s >= "2021-07-01" && s < "2021-10-01", "\(r) at \(s)")
        }
        let summit = start("global-summit")
        #expect(summit >= "2021-10-01" && summit <= "2021-12-31")
        #expect(summit > "2021-11-12" || end("global-summit") <= "2021-10-30")
        #expect(events.count >= 40)
    }

    @Test func verifyAcceptsWhatPlanProducedAndRejectsAMovedEvent() throws {
        let folder = try scratch()
        let planned = try ConveneBinary.run(["plan", "calendars/ogp-2021.yaml", "--out", folder.path])
        #expect(planned.status == 0, "\(planned.stderr)")
        let path = folder.appendingPathComponent("schedule.json").path
        let ok = try ConveneBinary.run(["verify", "calendars/ogp-2021.yaml", path])
        #expect(ok.status == 0, "\(ok.stderr)")
        // Move the Summit onto the G20.
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let events = try schedule()
        let summit = events.first { $0["id"] as? String == "global-summit" }?["start"] as? String ?? ""
        text = text.replacingOccurrences(of: "\"start\" : \"\(summit)\"", with: "\"start\" : \"2021-10-29\"")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let moved = try ConveneBinary.run(["verify", "calendars/ogp-2021.yaml", path])
        #expect(moved.status == 3)
        #expect(moved.stderr.contains("broken rule: 'global-summit' must not overlap 'g20-rome'"))
    }

    @Test func explainNamesWhatHoldsAnEventInPlace() throws {
        let outcome = try ConveneBinary.run(["explain", "calendars/ogp-2021.yaml", "global-summit"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("global-summit — "))
        #expect(outcome.stdout.contains("moving later"))
        #expect(outcome.stdout.contains("penalties"))
        let unknown = try ConveneBinary.run(["explain", "calendars/ogp-2021.yaml", "global-sumit"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("did you mean 'global-summit'?"))
    }

    @Test func infeasiblePlanExitsThreeWithAMinimalSetOfRules() throws {
        let folder = try scratch()
        try Data(
            """
            calendar: {id: x, name: X, zone: Asia/Seoul, horizon: 2021}
            events:
              - {id: roundtable, title: Roundtable, duration: 1d, window: 2021-09-10..2021-09-17}
              - id: summit
                title: Summit
                duration: 3d
                window: 2021-09-18..2021-09-26
                after: [{event: roundtable, min-gap: 3d}]
              - {id: other, title: Other, duration: 1d, window: 2021-03}
            blackouts:
              - {id: chuseok, name: Chuseok, dates: 2021-09-20..2021-09-22}
              - {id: weekends, weekends: true, applies-to: [summit]}

            """.utf8
        ).write(to: folder.appendingPathComponent("plan.yaml"))
        let outcome = try ConveneBinary.run(["plan", "plan.yaml"], in: folder)
        #expect(outcome.status == 3)
        #expect(
            outcome.stderr == """
                plan.yaml: error: the plan cannot be satisfied; these 3 rules cannot all hold \
                (remove or relax any one of them and the rest can):
                plan.yaml:7:13: note: 'summit' must lie within its window 2021-09-18..2021-09-26
                plan.yaml:11:5: note: 'summit' may not touch the blackout 'Chuseok' (2021-09-20..2021-09-22)
                plan.yaml:12:5: note: 'summit' may not touch a weekend (blackout 'weekends')
                plan.yaml: note: any one of these changes makes it work (checked by solving):
                plan.yaml:7:13: repair: widen the window of 'summit' by 3 days, to 2021-09-15..2021-09-26 \
                (now 2021-09-18..2021-09-26)
                plan.yaml:7:13: repair: widen the window of 'summit' by 3 days, to 2021-09-18..2021-09-29 \
                (now 2021-09-18..2021-09-26)
                plan.yaml:11:5: repair: lift the blackout 'chuseok' for 'summit'
                plan.yaml:12:5: repair: lift the blackout 'weekends' for 'summit'

                """)
    }

    /// Many timed events on a 5-minute grid, and one whose local hours in London and Auckland
    /// never meet: the conflict is that rule alone, found from its slots without a search.
    @Test func aRuleThatCannotHoldOnItsOwnIsTheWholeConflict() throws {
        let folder = try scratch()
        var text = "calendar: {id: x, name: X, zone: Europe/London, horizon: 2021, granularity: 5m}\nevents:\n"
        for i in 0..<40 {
            let month = String(format: "%02d", 1 + i % 12)
            // A chain within each year's run of months (never from December back to January).
            let after = i % 12 > 0 ? ", after: [e\(i - 1)]" : ""
            text += "  - {id: e\(i), title: E\(i), duration: 1h, window: 2021-\(month)\(after)}\n"
        }
        text += """
              - id: call
                title: Call
                duration: 1h
                window: 2021-06
                local-hours:
                  - between: 09:00-17:00
                    zones: [Europe/London, Pacific/Auckland]

            """
        try Data(text.utf8).write(to: folder.appendingPathComponent("plan.yaml"))
        let outcome = try ConveneBinary.run(["plan", "plan.yaml", "--time-limit", "60"], in: folder)
        #expect(outcome.status == 3)
        #expect(
            outcome.stderr == """
                plan.yaml: error: the plan cannot be satisfied; this rule cannot hold on its own:
                plan.yaml:48:9: note: 'call' must lie between 09:00 and 17:00 local time in \
                Europe/London, Pacific/Auckland
                plan.yaml: note: any one of these changes makes it work (checked by solving):
                plan.yaml:48:9: repair: widen the local hours of 'call' to 05:00-17:00 (now 09:00-17:00)
                plan.yaml:48:9: repair: widen the local hours of 'call' to 09:00-21:00 (now 09:00-17:00)

                """)
    }

    /// The limit bounds the whole command: with no time at all, building the model stops at
    /// once and the command says so (exit 4), rather than searching first.
    @Test func aTimeLimitThatHasPassedStopsBeforeTheSearch() throws {
        let outcome = try ConveneBinary.run(["plan", "calendars/ogp-2021.yaml", "--time-limit", "0"])
        #expect(outcome.status == 4)
        #expect(outcome.stderr.contains("error: the time limit (0.0 s) passed while building the model"))
    }

    /// A schedule given to `verify` (or `--keep`) is bounded like a plan: a huge file is refused
    /// unread, at its start.
    @Test func aScheduleOverTheSizeLimitIsRefusedUnread() throws {
        let folder = try scratch()
        let path = folder.appendingPathComponent("schedule.json").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 65 * 1_048_576)  // sparse: no disk used
        try handle.close()
        let outcome = try ConveneBinary.run(["verify", "calendars/ogp-2021.yaml", path])
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr
                == "\(path):1:1: error: the schedule file is over the 64 MB limit; write it with convene plan --out\n")
    }

    /// `--export-model` writes the model the solve uses, built once, even when the plan then
    /// proves infeasible (the exported model is what an independent solver checks that on).
    @Test func theExportedModelIsWrittenForAnInfeasiblePlanToo() throws {
        let folder = try scratch()
        try Data(
            """
            calendar: {id: x, name: X, zone: UTC, horizon: 2021}
            events:
              - {id: a, title: A, duration: 1d, window: 2021-05-10}
              - {id: b, title: B, duration: 1d, window: 2021-05-10, after: [a]}

            """.utf8
        ).write(to: folder.appendingPathComponent("plan.yaml"))
        let outcome = try ConveneBinary.run(["plan", "plan.yaml", "--export-model", "model.json"], in: folder)
        #expect(outcome.status == 3)
        let model = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("model.json")))
        let rules = (model as? [String: Any])?["rules"] as? [[String: Any]]
        #expect(rules?.map { $0["type"] as? String } == ["precedence"])
    }

    /// The independent checker (benchmarks/model_check.py) reads the exported model and the
    /// schedule and must agree on every rule and on the objective, with every kind of pair
    /// penalty present: a speaker's sessions apart, in one room, and close (`keep-close`).
    @Test func theIndependentCheckAgreesOnEveryPairPenalty() throws {
        let folder = try scratch()
        try Data(
            """
            calendar: {id: s, name: S, zone: Asia/Seoul, horizon: 2021-12, granularity: 15m}
            summit: {days: 2021-12-15..2021-12-16, hours: 09:00-12:00}
            rooms:
              - {id: hall, name: Hall, capacity: 500, features: [step-free]}
              - {id: small, name: Small, capacity: 50}
            tracks: [{id: t, name: T}]
            people:
              - {id: kim, name: Kim, zone: Asia/Seoul, keep-close: 2h, arrives: 2021-12-15T10:00}
            events:
              - {id: a, title: A, duration: 1h, window: 2021-12-15..2021-12-16, speakers: [kim], track: t}
              - {id: b, title: B, duration: 1h, window: 2021-12-16, speakers: [kim], track: t, requires: [step-free]}
              - {id: c, title: C, duration: 1h, window: 2021-12-15..2021-12-16, speakers: [kim], pinned-room: small}

            """.utf8
        ).write(to: folder.appendingPathComponent("plan.yaml"))
        let model = try Self.planWithModel(in: folder)
        let types = (model["pairPenalties"] as? [[String: Any]])?.compactMap {
            $0["type"] as? String
        }
        #expect(Set(types ?? []) == ["apart", "sameRoom", "close"])
        let check = try Self.modelCheck(in: folder)
        let found = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any]
        let schedule =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.appendingPathComponent("schedule.json"))) as? [String: Any]
        #expect((found?["broken"] as? [Any])?.isEmpty == true)
        #expect((found?["outside"] as? [Any])?.isEmpty == true)
        #expect(found?["objective"] as? Int == schedule?["objective"] as? Int)
        #expect(schedule?["objective"] as? Int ?? 0 > 0)
    }

    /// The same for a series' shared hours: the share penalty's values follow each occurrence's
    /// exported slots, which local hours have thinned out (so positions differ from the model's
    /// full slot list), and the checker's worst-off zone's total is Convene's.
    @Test func theIndependentCheckAgreesOnASeriesSharedHours() throws {
        let folder = try scratch()
        try Data(
            """
            calendar: {id: s, name: S, zone: America/New_York, horizon: 2021, granularity: 1h}
            events:
              - id: call
                title: Call {n}
                duration: 3h
                local-hours: [{between: 06:00-23:00, zones: [America/New_York, Asia/Seoul]}]
                repeat:
                  windows: [2021-01-12, 2021-01-19, 2021-12-07, 2021-12-14]

            """.utf8
        ).write(to: folder.appendingPathComponent("plan.yaml"))
        let model = try Self.planWithModel(in: folder)
        let shares = model["sharePenalties"] as? [[String: Any]]
        #expect(shares?.first?["parties"] as? [String] == ["America/New_York", "Asia/Seoul"])
        let check = try Self.modelCheck(in: folder)
        let found = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any]
        #expect((found?["broken"] as? [Any])?.isEmpty == true, "\(check.stdout) \(check.stderr)")
        #expect(found?["objective"] as? Int == 120)
        #expect(found?["reported"] as? Int == 120)
    }

    /// `convene plan plan.yaml --out . --export-model model.json` in `folder`, which must succeed;
    /// returns the exported model.
    static func planWithModel(in folder: URL) throws -> [String: Any] {
        let outcome = try ConveneBinary.run(
            ["plan", "plan.yaml", "--out", ".", "--export-model", "model.json"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let model = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("model.json")))
        return try #require(model as? [String: Any])
    }

    /// benchmarks/model_check.py on `model.json` and `schedule.json` in `folder`.
    static func modelCheck(in folder: URL) throws -> ConveneBinary.Outcome {
        let script = ConveneBinary.root.appendingPathComponent("benchmarks/model_check.py").path
        return try ConveneBinary.run(
            ["python3", script, "model.json", "schedule.json"], in: folder, executable: "/usr/bin/env")
    }

    /// `plan --format json` on an infeasible plan: exit 3, the document on stdout with the
    /// conflict and its repairs (docs/cli.md), the explanation on stderr.
    @Test func anInfeasiblePlanPrintsItsConflictAndRepairsAsJSON() throws {
        let folder = try scratch()
        try Data(
            """
            calendar: {id: x, name: X, zone: UTC, horizon: 2021}
            blackouts: [{id: retreat, name: Retreat, dates: [2021-05-10..2021-05-14]}]
            events:
              - {id: a, title: A, duration: 1d, window: 2021-05-10..2021-05-14}

            """.utf8
        ).write(to: folder.appendingPathComponent("plan.yaml"))
        let outcome = try ConveneBinary.run(["plan", "plan.yaml", "--format", "json"], in: folder)
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("plan.yaml:4:45: repair: widen the window of 'a' by 1 day"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(document["status"] as? String == "infeasible")
        let conflict = document["conflict"] as? [[String: Any]]
        #expect(Set(conflict?.compactMap { $0["location"] as? String } ?? []) == ["plan.yaml:2:13", "plan.yaml:4:45"])
        let repairs = try #require(document["repairs"] as? [[String: Any]])
        #expect(repairs.compactMap { $0["kind"] as? String } == ["widen-window", "widen-window", "lift-blackout"])
        #expect(repairs[0]["old"] as? String == "2021-05-10..2021-05-14")
        #expect(repairs[0]["new"] as? String == "2021-05-09..2021-05-14")
        #expect(repairs[2]["new"] is NSNull)
        #expect(repairs[2]["rule"] as? String == "plan.yaml:2:13")
    }

    /// A search that ends on its work limit gives the same schedule every run, whatever the
    /// machine is doing, and schedule.json says what ended it.
    @Test func aSolveStoppedByItsWorkLimitRepeatsExactly() throws {
        let runs = try (0..<2).map { _ in
            try ConveneBinary.run([
                "plan", "calendars/seoul-summit-2021.yaml", "--format", "json", "--work-limit", "3000",
                "--time-limit", "300",
            ])
        }
        #expect(runs.allSatisfy { $0.status == 0 })
        #expect(runs[0].stdout == runs[1].stdout)
        let document = try JSONSerialization.jsonObject(with: Data(runs[0].stdout.utf8)) as? [String: Any]
        #expect(document?["stoppedBy"] as? String == "work-limit")
        let proven = try ConveneBinary.run(["plan", "calendars/ogp-2021.yaml", "--format", "json"])
        #expect(proven.stdout.contains(#""stoppedBy" : "proof""#))
    }

    /// Past the first search, neighbourhood search moves the summit's sessions between rooms
    /// (`RoomMove`) beside a second worker: two runs still give the same schedule.
    @Test func neighbourhoodsAndRoomMovesOnTwoWorkersRepeatExactly() throws {
        let arguments = [
            "plan", "calendars/seoul-summit-2021.yaml", "--format", "json", "--work-limit", "24000", "--workers", "2",
            "--time-limit", "300",
        ]
        let runs = try (0..<2).map { _ in try ConveneBinary.run(arguments) }
        #expect(runs.allSatisfy { $0.status == 0 })
        #expect(runs[0].stdout == runs[1].stdout)
        #expect(runs[0].stdout.contains(#""stoppedBy" : "work-limit""#))
    }

    /// When no schedule was found, the message names the limit that ended the search.
    @Test func noScheduleNamesTheLimitThatEndedTheSearch() throws {
        let run = try ConveneBinary.run(["plan", "calendars/seoul-summit-2021.yaml", "--work-limit", "1"])
        #expect(run.status == 4)
        #expect(run.stderr.contains("no schedule found within --work-limit 1 (search nodes); raise --work-limit"))
        #expect(!run.stderr.contains("--time-limit"))
    }
}
