import Chronology
import Diagnostics

/// Reads the `events:` section: the events Convene places.
enum EventReader {
    static let keys = [
        "id", "title", "kind", "description", "duration", "window", "zone", "place", "virtual", "link",
        "participants", "audiences", "after", "avoid", "during", "local-hours", "pinned", "prefer", "near", "spacing",
        "weight", "optional", "priority",
        "session", "track", "attendance", "virtual-only", "speakers", "moderator", "objectives", "run-of-show",
        "language", "requires", "interpretation", "pinned-room", "repeat",
    ]

    static func read(_ node: PlanNode, log: DiagnosticLog) -> Event? {
        let label = eventLabel(node)
        guard let m = MappingReader(node, subject: label, keys: keys, log: log),
            let id = m.string("id", required: true), Identifier.check(id, log: log)
        else { return nil }
        let title = m.string("title", required: true)
        let duration = m.parsed("duration", required: true, PlanDuration.parse)
        let pinned = m.string("pinned").flatMap { pin($0, log: log) }
        let repetition = SeriesReader.read(m, log: log)
        let window =
            m.parsed("window", required: pinned == nil && repetition?.ownWindows == nil, DateSpan.parse)
            ?? pinned.map { Located(DateSpan(day: $0.value.date), at: $0.location) } ?? repetition?.ownWindows
        if let window, window.value.endsBeforeItStarts {
            log.error(
                window.location,
                "the window of \(label) ends (\(window.value.last)) before it starts (\(window.value.first))",
                hint: "write the earlier date first: \(window.value.last)..\(window.value.first)")
        }
        let venue = VenueReader.read(m, log: log)
        let after = (m.optional("after").map(NodeValue.list) ?? []).compactMap { dependency($0, log: log) }
        let rules = (m.optional("local-hours").map(NodeValue.list) ?? []).compactMap { localHours($0, log: log) }
        let prefer = m.string("prefer").flatMap { preference($0, log: log) }
        let near = (m.optional("near").map(NodeValue.list) ?? []).compactMap { nearness($0, log: log) }
        let spacing = (m.optional("spacing").map(NodeValue.list) ?? []).compactMap { self.spacing($0, log: log) }
        let weight = m.integer("weight", in: 0...1000)
        let session = SessionReader.details(m, log: log)
        guard let title, let duration, let window, let venue else { return nil }
        var event = Event(
            id: id, title: title.value, kind: m.string("kind")?.value ?? "event",
            description: m.string("description")?.value, duration: duration, window: window, venue: venue,
            participants: m.strings("participants"), audiences: m.strings("audiences"), after: after,
            avoid: m.strings("avoid"), during: m.string("during"), localHours: rules, pinned: pinned,
            prefer: prefer, near: near, spacing: spacing, weight: weight?.value ?? 1, location: m.location)
        event.session = session
        if let priority = m.integer("priority", in: 1...1000) {
            event.priority = priority
        } else if m.bool("optional") == true, let node = m.optional("optional") {
            event.priority = Located(max(1, weight?.value ?? 1), at: node.location)
        }
        event.repetition = repetition
        return event
    }

    /// "event 'summit'" when the id can be read, for messages about the event's own keys.
    static func eventLabel(_ node: PlanNode) -> String {
        if case .mapping(let pairs, _) = node, let idNode = pairs.first(where: { $0.key == "id" })?.value,
            case .scalar(let id, _, _) = idNode, !id.isEmpty
        {
            return "event '\(id)'"
        }
        return "an event"
    }

    /// `after:` entries: an event id, or `{event, min-gap, max-gap, from}`.
    static func dependency(_ node: PlanNode, log: DiagnosticLog) -> Dependency? {
        if case .scalar(let id, let location, _) = node {
            return Dependency(
                event: Located(id, at: location), minGap: nil, maxGap: nil, from: .end, location: location)
        }
        guard
            let m = MappingReader(
                node, subject: "a dependency", keys: ["event", "min-gap", "max-gap", "from"], log: log),
            let event = m.string("event", required: true)
        else { return nil }
        let minGap = m.parsed("min-gap", PlanDuration.parse)
        let maxGap = m.parsed("max-gap", PlanDuration.parse)
        if let minGap, let maxGap, maxGap.value.totalMinutes < minGap.value.totalMinutes {
            log.error(maxGap.location, "max-gap \(maxGap.value) is shorter than min-gap \(minGap.value)")
        }
        var from = Dependency.Anchor.end
        if let f = m.string("from") {
            guard let anchor = Dependency.Anchor(rawValue: f.value) else {
                log.error(
                    f.location,
                    "'from' must be 'end' (after the other event ends) or 'start' (after it starts), found '\(f.value)'"
                )
                return nil
            }
            from = anchor
        }
        return Dependency(event: event, minGap: minGap, maxGap: maxGap, from: from, location: m.location)
    }

    /// `near:` entries: an event id, or `{event, within}`.
    static func nearness(_ node: PlanNode, log: DiagnosticLog) -> Nearness? {
        if case .scalar(let id, let location, _) = node {
            return Nearness(event: Located(id, at: location), within: nil, location: location)
        }
        guard let m = MappingReader(node, subject: "a nearness wish", keys: ["event", "within"], log: log),
            let event = m.string("event", required: true)
        else { return nil }
        return Nearness(event: event, within: m.parsed("within", PlanDuration.parse)?.value, location: m.location)
    }

    /// `spacing:` entries: `{event, at-least}`.
    static func spacing(_ node: PlanNode, log: DiagnosticLog) -> Spacing? {
        guard let m = MappingReader(node, subject: "a spacing wish", keys: ["event", "at-least"], log: log),
            let event = m.string("event", required: true),
            let atLeast = m.parsed("at-least", required: true, PlanDuration.parse)
        else { return nil }
        return Spacing(event: event, atLeast: atLeast.value, location: m.location)
    }

    static func localHours(_ node: PlanNode, log: DiagnosticLog) -> LocalHoursRule? {
        guard
            let m = MappingReader(
                node, subject: "a local-hours rule", keys: ["between", "zones", "audiences"], log: log)
        else { return nil }
        let between = m.parsed("between", required: true, LocalTimeRange.parse)
        let zones = m.zones("zones"), audiences = m.strings("audiences")
        if !m.has("zones") && !m.has("audiences") {
            log.error(m.location, "a local-hours rule needs 'zones' or 'audiences' to say whose hours these are")
        }
        guard let between else { return nil }
        if between.value.isEmpty {
            log.error(
                between.location, "the local-hours range \(between.value) is empty: its end is not after its start",
                hint: "write the earlier time first, e.g. 08:00-18:00")
            return nil
        }
        return LocalHoursRule(between: between, zones: zones, audiences: audiences, location: m.location)
    }

    static func pin(_ text: Located<String>, log: DiagnosticLog) -> Located<Event.Pin>? {
        if text.value.contains("T") {
            return NodeValue.parsed(text, LocalDateTime.parse, log: log).map {
                Located(.dateTime($0.value), at: $0.location)
            }
        }
        return NodeValue.parsed(text, CivilDate.parse, log: log).map { Located(.date($0.value), at: $0.location) }
    }

    static func preference(_ text: Located<String>, log: DiagnosticLog) -> Located<Preference>? {
        switch text.value {
        case "early": return Located(.early, at: text.location)
        case "late": return Located(.late, at: text.location)
        default:
            if case .success(let date) = CivilDate.parse(text.value) {
                return Located(.target(date), at: text.location)
            }
            log.error(
                text.location, "'prefer' must be 'early', 'late' or a target date (YYYY-MM-DD), found '\(text.value)'")
            return nil
        }
    }
}

/// Reads where an event happens: `zone`, `place`, `virtual`, `link`.
enum VenueReader {
    static func read(_ m: MappingReader, log: DiagnosticLog) -> Venue? {
        let zone = m.zone("zone")
        let place = m.string("place")
        if let zone, let place {
            log.error(
                zone.location, "give either 'zone' or 'place', not both",
                hint: "the place '\(place.value)' already has a zone")
        }
        return Venue(
            zone: zone?.value ?? .utc, declaredZone: zone, place: place,
            isVirtual: m.bool("virtual") ?? false, link: m.string("link")?.value)
    }
}
