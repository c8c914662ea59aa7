import Foundation
import Planning
import PlanFile
import Scheduler

/// A plan written inline, loaded, modelled and solved, with its schedule readable by event id.
struct Solved {
    let model: PlanModel
    let result: SolveResult
    let document: ScheduleDocument

    init(
        _ yaml: String, horizon: String = "2021", zone: String = "America/New_York", granularity: String = "30m",
        travelBuffer: String? = nil, maxEventsPerWeek: Int? = nil, maxEventsPerMonth: Int? = nil,
        previous: [String: Announced] = [:]
    ) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "convene-planning-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("plan.yaml").path
        let text =
            "calendar:\n  id: t\n  name: T\n  zone: \(zone)\n  horizon: \(horizon)\n  granularity: \(granularity)\n"
            + (travelBuffer.map { "  travel-buffer: \($0)\n" } ?? "")
            + (maxEventsPerWeek.map { "  max-events-per-week: \($0)\n" } ?? "")
            + (maxEventsPerMonth.map { "  max-events-per-month: \($0)\n" } ?? "") + yaml
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let loaded = PlanLoader.load(path)
        guard let plan = loaded.plan else {
            throw PlanError(messages: loaded.diagnostics.map(\.description))
        }
        model = ModelBuilder.build(plan, previous: previous)
        result = Solver(model.problem).solve()
        document = ScheduleDocument(model: model, result: result, seed: 0)
    }

    struct PlanError: Error { let messages: [String] }

    var status: SolveStatus { result.status }

    func entry(_ id: String) -> ScheduleDocument.Entry? { document.events.first { $0.id == id } }
    func start(_ id: String) -> String? { entry(id)?.start }
    func end(_ id: String) -> String? { entry(id)?.end }
    func utc(_ id: String) -> String? { entry(id)?.startUTC }
}
