import Chronology
import Diagnostics
import Foundation

/// Reads the `blackouts:` section.
enum BlackoutReader {
    static let keys = ["id", "name", "dates", "weekends", "ics", "fixed", "kind", "applies-to", "zone"]

    static func read(_ node: PlanNode, log: DiagnosticLog) -> Blackout? {
        guard let m = MappingReader(node, subject: "a blackout", keys: keys, log: log),
            let id = m.string("id", required: true), Identifier.check(id, log: log)
        else { return nil }
        let dates = m.strings("dates").compactMap { NodeValue.parsed($0, DateSpan.parse, log: log) }
        for span in dates where span.value.endsBeforeItStarts {
            log.error(span.location, "the blackout range \(span.value) ends before it starts")
        }
        let weekends = m.bool("weekends") ?? false
        let ics = m.string("ics")
        let fixed = m.strings("fixed"), kinds = m.strings("kind")
        if dates.isEmpty && !weekends && ics == nil && fixed.isEmpty && kinds.isEmpty && !m.has("dates") {
            log.error(
                m.location, "blackout '\(id.value)' blacks out nothing",
                hint: "give it 'dates', 'weekends: true', fixed events ('fixed', 'kind') or an 'ics' file")
        }
        if let ics, !ics.value.lowercased().hasSuffix(".ics") {
            log.error(ics.location, "'ics' must name an iCalendar file ending in .ics, found '\(ics.value)'")
        }
        return Blackout(
            id: id, name: m.string("name")?.value ?? id.value, dates: dates, weekends: weekends, ics: ics,
            appliesTo: m.strings("applies-to"), zone: .utc, declaredZone: m.zone("zone")?.value, location: m.location,
            fixed: fixed, kinds: kinds)
    }
}
