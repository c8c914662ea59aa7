import Chronology
import Diagnostics

/// Reads the `calendar:` section.
enum CalendarReader {
    static let keys = [
        "id", "name", "organiser", "zone", "horizon", "granularity", "travel-buffer", "max-events-per-week",
        "max-events-per-month",
        "url", "description",
    ]

    /// Ten years: longer horizons are refused before anything tries to enumerate them.
    static let maxHorizonDays = 3653

    static func read(_ node: PlanNode, log: DiagnosticLog) -> CalendarInfo? {
        guard let m = MappingReader(node, subject: "the calendar section", keys: keys, log: log) else { return nil }
        let id = m.string("id", required: true)
        if let id { _ = Identifier.check(id, log: log) }
        let name = m.string("name", required: true)
        let zone = m.zone("zone", required: true)
        let horizon = m.parsed("horizon", required: true, DateSpan.parse)
        if let horizon, horizon.value.endsBeforeItStarts {
            log.error(
                horizon.location, "the horizon ends (\(horizon.value.last)) before it starts (\(horizon.value.first))")
        } else if let horizon, horizon.value.dayCount > maxHorizonDays {
            // Every event may start on any day of the horizon: a century would mean millions of
            // possible starts per event, and `convene plan` would run out of memory.
            log.error(
                horizon.location,
                "the horizon \(horizon.value) spans \(horizon.value.dayCount) days; a plan covers at most 10 years",
                hint: "plan one year (or a few) at a time")
        }
        var granularity = CalendarInfo.Granularity.day
        if let g = m.string("granularity") {
            if g.value == "day" {
                granularity = .day
            } else if g.value == "minute" {
                granularity = .minutes(1)
            } else if case .success(let d) = PlanDuration.parse(g.value), !d.isAllDay, 1440 % d.minutes == 0 {
                granularity = .minutes(d.minutes)
            } else {
                log.error(
                    g.location,
                    "granularity must be 'day', 'minute' or a step that divides a day such as 15m, found '\(g.value)'")
            }
        }
        var organiser: Organiser?
        if let o = m.optional("organiser") {
            if case .scalar(let text, _, _) = o {
                organiser = Organiser(name: text, email: nil)
            } else if let om = MappingReader(o, subject: "the organiser", keys: ["name", "email"], log: log) {
                organiser = om.string("name", required: true).map {
                    Organiser(name: $0.value, email: om.string("email")?.value)
                }
            }
        }
        guard let id, let name, let zone, let horizon, !horizon.value.endsBeforeItStarts,
            horizon.value.dayCount <= maxHorizonDays
        else { return nil }
        return CalendarInfo(
            id: id, name: name.value, organiser: organiser, zone: zone.value, horizon: horizon,
            granularity: granularity, travelBuffer: m.parsed("travel-buffer", PlanDuration.parse),
            maxEventsPerWeek: m.integer("max-events-per-week", in: 1...1000),
            maxEventsPerMonth: m.integer("max-events-per-month", in: 1...1000), url: m.string("url")?.value,
            description: m.string("description")?.value, location: m.location)
    }
}
