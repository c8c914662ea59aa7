import Chronology
import Diagnostics

/// Reads audiences, people and places.
enum PeopleReader {
    static func audience(_ node: PlanNode, log: DiagnosticLog) -> Audience? {
        guard
            let m = MappingReader(
                node, subject: "an audience",
                keys: ["id", "name", "members", "zones", "max-events-per-month", "notify"],
                log: log),
            let id = m.string("id", required: true), Identifier.check(id, log: log)
        else { return nil }
        var audience = Audience(
            id: id, name: m.string("name")?.value ?? id.value,
            members: m.strings("members"), zones: m.zones("zones"),
            maxEventsPerMonth: m.integer("max-events-per-month", in: 1...1000))
        audience.notify = m.choice("notify", NotifyPreference.self)
        return audience
    }

    static let personKeys = [
        "id", "name", "organisation", "role", "email", "zone", "working-hours", "unavailable", "arrives", "departs",
        "keep-close", "travel", "notify",
    ]

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
        let unavailable = m.strings("unavailable").compactMap { NodeValue.parsed($0, LocalPeriod.parse, log: log) }
        for span in unavailable where span.value.dates.endsBeforeItStarts {
            log.error(span.location, "the range \(span.value) ends before it starts")
        }
        let arrives = m.parsed("arrives", LocalDateTime.parse), departs = m.parsed("departs", LocalDateTime.parse)
        if let arrives, let departs, departs.value <= arrives.value {
            log.error(
                departs.location, "\(id.value) departs (\(departs.value)) before arriving (\(arrives.value))",
                hint: "write the arrival first; both are read in the person's zone")
        }
        let keepClose = m.parsed("keep-close", PlanDuration.parse)
        guard let name, let zone else { return nil }
        var person = Person(
            id: id, name: name.value, organisation: m.string("organisation")?.value, role: m.string("role")?.value,
            email: m.string("email")?.value, zone: zone, workingHours: hours, unavailable: unavailable)
        person.arrives = arrives
        person.departs = departs
        person.keepClose = keepClose
        person.travel = m.list("travel").compactMap { trip($0, log: log) }
        person.notify = m.choice("notify", NotifyPreference.self)
        return person
    }

    /// A `travel:` entry: `{dates, zone}`.
    static func trip(_ node: PlanNode, log: DiagnosticLog) -> Trip? {
        guard let m = MappingReader(node, subject: "a trip", keys: ["dates", "zone"], log: log) else { return nil }
        let dates = m.parsed("dates", required: true, DateSpan.parse), zone = m.zone("zone", required: true)
        guard let dates, let zone else { return nil }
        if dates.value.endsBeforeItStarts {
            log.error(dates.location, "the trip \(dates.value) ends before it starts")
            return nil
        }
        return Trip(dates: dates, zone: zone, location: m.location)
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
