import Chronology
import Diagnostics
import Foundation
import PlanFile
import Planning
import Scheduler
import Testing

/// `calendars/seoul-summit-2021-csv.yaml` takes its sessions, rooms and tracks from CSV files;
/// it must be the very summit of `calendars/seoul-summit-2021.yaml`, read and timetabled alike.
@Suite struct CSVTwinTests {
    static let calendars = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("calendars")

    static func load(_ name: String) throws -> Plan {
        let loaded = PlanLoader.load(calendars.appendingPathComponent(name).path)
        return try #require(loaded.plan, "\(loaded.diagnostics.map(\.description))")
    }

    /// Every stored value of `value`, recursively, without the source positions (which differ).
    static func values(_ value: Any) -> String {
        if let zone = value as? Zone { return zone.identifier }
        let mirror = Mirror(reflecting: value)
        if mirror.children.isEmpty { return String(describing: value) }
        let parts = mirror.children.compactMap { child -> String? in
            if child.value is Diagnostics.SourceLocation { return nil }
            return "\(child.label ?? "_"): \(values(child.value))"
        }
        return "\(mirror.subjectType)(\(parts.joined(separator: ", ")))"
    }

    @Test func theCSVSummitReadsAsItsYAMLTwin() throws {
        let (yaml, csv) = (try Self.load("seoul-summit-2021.yaml"), try Self.load("seoul-summit-2021-csv.yaml"))
        #expect(csv.events.count == 48)
        #expect(csv.events.map(\.id.value) == yaml.events.map(\.id.value))
        for (a, b) in zip(yaml.events, csv.events) {
            #expect(Self.values(a) == Self.values(b), "\(a.id.value)")
        }
        #expect(csv.rooms.map(Self.values) == yaml.rooms.map(Self.values))
        #expect(csv.tracks.map(Self.values) == yaml.tracks.map(Self.values))
        #expect(Self.values(csv.summit as Any) == Self.values(yaml.summit as Any))
        #expect(Self.values(csv.calendar) == Self.values(yaml.calendar))
        #expect(csv.people.map(Self.values) == yaml.people.map(Self.values))
        #expect(csv.audiences.map(Self.values) == yaml.audiences.map(Self.values))
    }

    /// The same model, and the same schedule under the same seed and a node limit (a limit of
    /// work, not of time, so that both runs stop at the same point).
    @Test func theCSVSummitTimetablesAsItsYAMLTwin() throws {
        let (yaml, csv) = (try Self.load("seoul-summit-2021.yaml"), try Self.load("seoul-summit-2021-csv.yaml"))
        let (yamlModel, csvModel) = (ModelBuilder.build(yaml), ModelBuilder.build(csv))
        let export = { (model: PlanModel, plan: Plan) in
            ModelExport.json(model.problem, calendar: plan.calendar.id.value, rooms: plan.rooms.map(\.id.value))
        }
        #expect(export(csvModel, csv) == export(yamlModel, yaml))
        var options = SolverOptions()
        options.nodeLimit = 5_000
        options.timeLimit = 600
        options.seed = 7
        let schedules = [yamlModel, csvModel].map { model in
            let result = Solver(model.problem, options: options).solve()
            #expect(result.assignment != nil)
            return ScheduleDocument(model: model, result: result, seed: 7).events.map {
                "\($0.id) \($0.start) \($0.end) \($0.room ?? "-")"
            }
        }
        #expect(schedules[0].count == 48)
        #expect(schedules[1] == schedules[0])
    }
}
