import Chronology
import Diagnostics

/// Reads the `fixed:` section: fora and other events whose dates are given.
enum FixedEventReader {
    static let keys = [
        "id", "title", "kind", "dates", "start", "duration", "zone", "place", "virtual", "link",
        "format", "url", "description",
    ]

    static func read(_ node: PlanNode, log: DiagnosticLog) -> FixedEvent? {
        let label = EventReader.eventLabel(node).replacingOccurrences(of: "event", with: "fixed event")
        guard let m = MappingReader(node, subject: label, keys: keys, log: log),
            let id = m.string("id", required: true), Identifier.check(id, log: log)
        else { return nil }
        let title = m.string("title", required: true)
        var when: Located<FixedEvent.When>?
        if m.has("start") {
            let start = m.parsed("start", LocalDateTime.parse)
            let duration = m.parsed("duration", required: true, PlanDuration.parse)
            if let start, let duration {
                when = Located(.timed(start: start.value, duration: duration.value), at: start.location)
            }
            if let dates = m.string("dates") {
                log.error(dates.location, "give either 'dates' (all-day) or 'start' and 'duration' (timed), not both")
            }
        } else if let dates = m.parsed("dates", required: true, DateSpan.parse) {
            if dates.value.endsBeforeItStarts {
                log.error(
                    dates.location,
                    "the dates of \(label) end (\(dates.value.last)) before they start (\(dates.value.first))")
            } else {
                when = Located(.days(dates.value), at: dates.location)
            }
        }
        let venue = VenueReader.read(m, log: log)
        guard let title, let when, let venue else { return nil }
        return FixedEvent(
            id: id, title: title.value, kind: m.string("kind")?.value ?? "forum", when: when, venue: venue,
            format: m.string("format")?.value, url: m.string("url")?.value,
            description: m.string("description")?.value, location: m.location)
    }
}
