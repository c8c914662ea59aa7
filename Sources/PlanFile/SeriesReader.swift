import Chronology
import Diagnostics

/// Reads an event's `repeat:` mapping: `{count, every, min-gap, max-gap, windows, occurrences, rotate}`.
enum SeriesReader {
    static let keys = ["count", "every", "min-gap", "max-gap", "windows", "occurrences", "rotate"]
    static let occurrenceKeys = [
        "id", "title", "description", "window", "pinned", "after", "avoid", "during", "zone", "place", "virtual",
        "link",
    ]
    /// The cadences `every:` takes besides a number of days or weeks.
    static let cadenceNames: [String: Repetition.Cadence] = [
        "weekly": .weeks, "week": .weeks, "monthly": .months, "month": .months, "quarterly": .quarters,
        "quarter": .quarters,
    ]

    static func read(_ event: MappingReader, log: DiagnosticLog) -> Repetition? {
        guard let written = event.optional("repeat") else { return nil }
        // A CSV cell holds the mapping as YAML flow text: its one item.
        let items = NodeValue.list(written), node = items.count == 1 ? items[0] : written
        guard let m = MappingReader(node, subject: "the repeat of \(event.subject)", keys: keys, log: log)
        else { return nil }
        let occurrences = m.list("occurrences").compactMap { details($0, log: log) }
        let windows = m.strings("windows").compactMap { NodeValue.parsed($0, DateSpan.parse, log: log) }
        for window in windows + occurrences.compactMap(\.window) where window.value.endsBeforeItStarts {
            log.error(
                window.location, "the window \(window.value) ends before it starts",
                hint: "write the earlier date first: \(window.value.last)..\(window.value.first)")
        }
        let count = m.integer("count", in: 1...Repetition.maxCount)
        let minGap = m.parsed("min-gap", PlanDuration.parse), maxGap = m.parsed("max-gap", PlanDuration.parse)
        if let minGap, let maxGap, maxGap.value.totalMinutes < minGap.value.totalMinutes {
            log.error(maxGap.location, "max-gap \(maxGap.value) is shorter than min-gap \(minGap.value)")
        }
        let cadence = m.string("every").flatMap { self.cadence($0, log: log) }
        guard let count = count ?? inferredCount(m, windows: windows, occurrences: occurrences, log: log) else {
            return nil
        }
        if !windows.isEmpty && windows.count != count.value {
            log.error(
                windows[0].location,
                "the repeat has \(count.value) occurrence\(count.value == 1 ? "" : "s") but \(windows.count) windows",
                hint: "give one window per occurrence, or leave out 'count'")
        }
        if occurrences.count > count.value {
            log.error(
                occurrences[count.value].location,
                "the repeat has \(count.value) occurrence\(count.value == 1 ? "" : "s"); this is entry "
                    + "\(count.value + 1) of 'occurrences'",
                hint: "remove the entry or raise 'count'")
        }
        if let cadence, !windows.isEmpty {
            log.error(cadence.location, "give 'every' or 'windows', not both: each sets the occurrences' windows")
        }
        let rotate = m.zones("rotate")
        if rotate.count == 1 {
            log.error(
                rotate[0].location, "'rotate' takes turns between zones, and names only one",
                hint: "list two or more zones, e.g. [America/New_York, Europe/London, Asia/Seoul]")
        }
        return Repetition(
            count: count, cadence: cadence, minGap: minGap, maxGap: maxGap, windows: windows,
            occurrences: Array(occurrences.prefix(count.value)), rotate: rotate.count > 1 ? rotate : [],
            location: m.location)
    }

    /// Without `count`, the number of `windows` or of `occurrences`.
    private static func inferredCount(
        _ m: MappingReader, windows: [Located<DateSpan>], occurrences: [Repetition.Details], log: DiagnosticLog
    ) -> Located<Int>? {
        if m.has("count") { return nil }  // given but unreadable: already reported
        if !windows.isEmpty { return Located(windows.count, at: m.location) }
        if !occurrences.isEmpty, occurrences.count <= Repetition.maxCount {
            return Located(occurrences.count, at: m.location)
        }
        log.error(
            m.location, "missing required field 'count' in the repeat",
            hint: "say how many occurrences, e.g. count: 4, or list their 'windows'")
        return nil
    }

    static func cadence(_ text: Located<String>, log: DiagnosticLog) -> Located<Repetition.Cadence>? {
        if let named = cadenceNames[text.value] { return Located(named, at: text.location) }
        if case .success(let duration) = PlanDuration.parse(text.value) {
            guard duration.isAllDay else {
                log.error(
                    text.location, "'every' takes whole days or weeks, found \(duration)",
                    hint: "write e.g. every: 2w; occurrences hours apart are sessions, not a series")
                return nil
            }
            return Located(.days(duration.days), at: text.location)
        }
        let names = ["weekly", "monthly", "quarterly"]
        log.error(
            text.location, "unknown cadence '\(text.value)'",
            hint: Suggestion.didYouMean(text.value, among: names + ["week", "month", "quarter"])
                ?? "write weekly, monthly, quarterly, or a number of days or weeks such as 2w")
        return nil
    }

    static func details(_ node: PlanNode, log: DiagnosticLog) -> Repetition.Details? {
        guard let m = MappingReader(node, subject: "an occurrence", keys: occurrenceKeys, log: log) else { return nil }
        let id = m.string("id")
        if let id, !Identifier.check(id, log: log) { return nil }
        let venueKeys = ["zone", "place", "virtual", "link"]
        return Repetition.Details(
            id: id, title: m.string("title"), description: m.string("description")?.value,
            window: m.parsed("window", DateSpan.parse),
            pinned: m.string("pinned").flatMap { EventReader.pin($0, log: log) },
            after: (m.optional("after").map(NodeValue.list) ?? []).compactMap { EventReader.dependency($0, log: log) },
            avoid: m.strings("avoid"), during: m.string("during"),
            venue: venueKeys.contains(where: m.has) ? VenueReader.read(m, log: log) : nil,
            location: m.location)
    }
}
