import Foundation
import Pictures
import PlanFile
import Planning
@testable import Scheduler
import Testing
import Chronology

/// The pictures: a golden SVG for a small fixed plan, and the real pages loaded in headless
/// Chromium, whose DOM must draw every event of the schedule at its dates.
@Suite struct PicturesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let smallPlan = """
        calendar: {id: small, name: Small plan, zone: Europe/Paris, horizon: 2021-03..2021-05}
        fixed:
          - {id: forum, title: A forum, dates: 2021-04-12..2021-04-14}
        events:
          - {id: launch, title: Launch, kind: campaign, duration: 1d, window: 2021-03, prefer: early}
          - {id: week, title: Open week, kind: campaign, duration: 5d, window: 2021-04, \
        after: [{event: launch, min-gap: 7d}], avoid: [forum], pinned: 2021-04-19}
          - {id: call, title: Team call, kind: meeting, duration: 1h, window: 2021-05-03..2021-05-07, prefer: late}
        blackouts:
          - {id: easter, name: Easter, dates: 2021-04-02..2021-04-05}

        """

    static func solve(_ text: String, name: String = "plan.yaml") throws -> (PlanModel, [Int]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "convene-pictures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        return try solve(path: folder.appendingPathComponent(name).path)
    }

    static func solve(path: String) throws -> (PlanModel, [Int]) {
        let loaded = PlanLoader.load(path)
        let plan = try #require(loaded.plan, "\(loaded.diagnostics)")
        let model = ModelBuilder.build(plan)
        var options = SolverOptions()
        options.timeLimit = 20
        let result = Solver(model.problem, options: options).solve()
        return (model, try #require(result.assignment))
    }

    @Test func smallPlanMatchesItsGoldenTimeline() throws {
        let (model, assignment) = try Self.solve(Self.smallPlan)
        let changes = [YearTimeline.Change(id: "call", kind: "moved", title: "Team call", before: nil)]
        let html = YearTimeline(
            model: model, assignment: assignment, today: CivilDate(year: 2021, month: 4, day: 1), changes: changes
        ).html()
        let golden = Self.root.appendingPathComponent("Tests/PicturesTests/small-timeline.golden.html")
        if ProcessInfo.processInfo.environment["CONVENE_UPDATE_GOLDEN"] != nil { try Data(html.utf8).write(to: golden) }
        #expect(html == (try String(contentsOf: golden, encoding: .utf8)))
        #expect(html.contains("data-event-id=\"week\" data-start=\"2021-04-19\" data-end=\"2021-04-24\""))
        #expect(html.contains("📌 Open week"))
        #expect(html.contains("data-blackout=\"easter\""))
        #expect(html.contains("data-from=\"launch\" data-to=\"week\""))
        #expect(html.contains("data-today=\"2021-04-01\""))
        #expect(html.contains("data-change=\"moved\"") && html.contains(">MOVED<"))
        #expect(!html.contains("<script"))
    }

    /// The page's DOM after Chromium has loaded it.
    static func dom(_ html: String) throws -> String {
        let chromium = try #require(
            ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
                FileManager.default.isExecutableFile(atPath: $0)
            },
            "chromium is missing: make test installs it")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "convene-page-\(UUID().uuidString).html")
        try Data(html.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", file.absoluteString]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }

    @Test func theYearDrawsEveryEventAtItsDatesInChromium() throws {
        let (model, assignment) = try Self.solve(path: Self.root.appendingPathComponent("calendars/ogp-2021.yaml").path)
        let dom = try Self.dom(YearTimeline(model: model, assignment: assignment, today: nil).html())
        let result = SolveResult(
            status: .optimal, assignment: assignment, objective: 0, bound: 0, nodes: 0, seconds: 0,
            secondsToFirstSolution: nil)
        let schedule = ScheduleDocument(model: model, result: result, seed: 0)
        for entry in schedule.events {
            let start = String(entry.start.prefix(10))
            if entry.fixed {
                #expect(dom.contains("data-forum=\"\(entry.id)\" data-start=\"\(start)\""), "\(entry.id)")
            } else {
                let end = entry.allDay ? entry.end : ""
                #expect(
                    dom.contains("data-event-id=\"\(entry.id)\" data-start=\"\(start)\"")
                        || dom.contains("data-event-id=\"\(entry.id)\" data-start=\"\(start)"), "\(entry.id)")
                #expect(dom.contains("data-start-utc=\"\(entry.startUTC)\""), "\(entry.id)")
                if !end.isEmpty { #expect(dom.contains("data-end=\"\(end)\""), "\(entry.id)") }
            }
        }
    }

    @Test func theSummitGridDrawsEverySessionInItsRoomInChromium() throws {
        let (model, assignment) = try Self.solve(
            path: Self.root.appendingPathComponent("calendars/seoul-summit-2021.yaml").path)
        let dom = try Self.dom(SummitGrid(model: model, assignment: assignment).html())
        let result = SolveResult(
            status: .feasible, assignment: assignment, objective: 0, bound: 0, nodes: 0, seconds: 0,
            secondsToFirstSolution: nil)
        let schedule = ScheduleDocument(model: model, result: result, seed: 0)
        var count = 0
        for entry in schedule.events where entry.room != nil {
            #expect(
                dom.contains(
                    "data-session=\"\(entry.id)\" data-room=\"\(entry.room ?? "")\""
                        + " data-start-utc=\"\(entry.startUTC)\" data-end-utc=\"\(entry.endUTC)\""
                ), "\(entry.id)")
            count += 1
        }
        #expect(count >= 40)
        #expect(dom.contains("<select id=\"zone\">"))
    }
}
