import Chronology
import Diagnostics

/// Reads audiences, people and places.
enum PeopleReader {
    static func audience(_ node: PlanNode, log: DiagnosticLog) -> Audience? {
        guard
            let m = MappingReader(
                node, subject: "an audience", keys: ["id", "name", "members", "zones", "max-events-per-month"],
                log: log),
            let id = m.string("id", required: true), Identifier.check(id, log: log)
        else { return nil }
        return Audience(
            id: id, name: m.string("name")?.value ?? id.value,
            members: m.strings("members"), zones: m.zones("zones"),
            maxEventsPerMonth: m.integer("max-events-per-month", in: 1...1000))
    }

    static let personKeys = ["id", "name", "organisation", "role", "email", "zone", "working-hours", "unavailable"]

    static func person(_ node: PlanNode, log: DiagnosticLog) -> Person? {
        guard let m = MappingReader(node, subject: "a person", keys: personKeys, log: log),
            let id = m.string("id", required: true), Identifier.check(id, log: log)
        else { return nil }
        let name = m.string("name", required: true)
        let zone = m.zone("zone", required: true)
        let hours = m.parsed("working-hours", LocalTimeRange.parse)
        if let hours, hours.value.isEmpty {
            log.error(
                hours.location, "working hours \(hours.value) are empty: the end is not after the start",
                hint: "write the earlier time first, e.g. 09:00-17:00")
        }
        let unavailable = m.strings("unavailable").compactMap { NodeValue.parsed($0, DateSpan.parse, log: log) }
        for span in unavailable where span.value.endsBeforeItStarts {
            log.error(span.location, "the range \(span.value) ends before it starts")
        }
        guard let name, let zone else { return nil }
        return Person(
            id: id, name: name.value, organisation: m.string("organisation")?.value, role: m.string("role")?.value,
            email: m.string("email")?.value, zone: zone, workingHours: hours, unavailable: unavailable)
    }

    static func place(_ node: PlanNode, log: DiagnosticLog) -> Place? {
        guard let m = MappingReader(node, subject: "a place", keys: ["id", "name", "zone", "address"], log: log),
            let id = m.string("id", required: true), Identifier.check(id, log: log)
        else { return nil }
        let name = m.string("name", required: true)
        let zone = m.zone("zone", required: true)
        guard let name, let zone else { return nil }
        return Place(id: id, name: name.value, zone: zone, address: m.string("address")?.value)
    }
}
