import Foundation
import PlanFile
import Planning
import Scheduler

/// A small fixed summit: two days, two rooms, two tracks, speakers in four zones, and
/// audiences on both sides of the date line.
enum SmallSummit {
    static let plan = """
        calendar: {id: mini-summit, name: Mini Summit, zone: Asia/Seoul, horizon: 2021-12, granularity: 15m}
        summit: {days: 2021-12-15..2021-12-16, hours: 08:00-24:00, breaks: [13:00-14:00], min-pause: 15m}
        rooms:
          - {id: hall, name: Hall, capacity: 300}
          - {id: channel, name: Channel, capacity: 2000, mode: virtual}
        tracks:
          - {id: civic, name: Civic space, color: "#1b7f79"}
          - {id: digital, name: Digital governance, color: "#6a3d9a"}
        people:
          - {id: kim, name: Kim Min-ji, organisation: Ministry of the Interior and Safety, zone: Asia/Seoul}
          - {id: ana, name: Ana Silva, organisation: Open Data Brazil, zone: America/Sao_Paulo}
          - {id: tom, name: Tom Okafor, organisation: BudgIT, zone: Africa/Lagos}
          - {id: lea, name: Léa Martin, zone: Europe/Paris}
        audiences:
          - {id: americas, name: Americas, zones: [America/Sao_Paulo, America/New_York]}
          - {id: pacific, name: Pacific, zones: [Pacific/Auckland, Pacific/Honolulu]}
        events:
          - id: opening
            title: Opening & welcome
            duration: 1h
            window: 2021-12-15
            session: opening
            attendance: 250
            speakers: [kim]
            moderator: lea
            objectives: [Open the summit, Set the agenda]
            run-of-show:
              - {at: 0m, item: Welcome by the host}
              - {at: 30m, item: "Keynote: ten years"}
          - id: data
            title: Open data for budgets
            duration: 90m
            window: 2021-12-15..2021-12-16
            track: digital
            attendance: 120
            speakers: [ana, tom]
            audiences: [americas]
            local-hours:
              - {between: 07:00-21:00, audiences: [americas]}
          - id: civic
            title: Civic space under pressure
            duration: 1h
            window: 2021-12-15..2021-12-16
            track: civic
            attendance: 80
            speakers: [tom]
            moderator: kim
            audiences: [pacific]
          - id: closing
            title: Closing plenary
            duration: 45m
            window: 2021-12-16
            session: closing
            attendance: 250
            speakers: [kim, lea]

        """

    /// The plan solved, written to a temporary folder first so positions are real.
    static func solved() throws -> (model: PlanModel, assignment: [Int], schedule: ScheduleDocument) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "convene-agenda-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("summit.yaml").path
        try Data(plan.utf8).write(to: URL(fileURLWithPath: path))
        let loaded = PlanLoader.load(path)
        guard let plan = loaded.plan else {
            throw Failure(text: loaded.diagnostics.map(\.description).joined(separator: "\n"))
        }
        let model = ModelBuilder.build(plan)
        let result = Solver(model.problem).solve()
        guard let assignment = result.assignment else { throw Failure(text: "no timetable: \(result.status)") }
        return (model, assignment, ScheduleDocument(model: model, result: result, seed: 0))
    }

    struct Failure: Error { let text: String }

    static var templates: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("templates").path
    }
}
