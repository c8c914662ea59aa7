import Chronology
import Diagnostics

/// How the rest of a plan names a series' occurrences: by their ids (`results-story-03`), as
/// `results-story.first` or `results-story.last`, or — in a list of events (`after`, `avoid`,
/// `spacing`, a blackout's `applies-to`) — by the series' id, meaning every occurrence.
struct SeriesReferences {
    /// Each series' occurrence ids, in order, by the series' id.
    let series: [String: [String]]
    /// Ids of events written as such, which win over a series of the same name.
    let eventIds: Set<String>

    init(_ events: [Event]) {
        var series: [String: [String]] = [:]
        for event in events { if let o = event.occurrence { series[o.series, default: []].append(event.id.value) } }
        self.series = series
        eventIds = Set(events.map(\.id.value))
    }

    /// `x.first` and `x.last` as the occurrence's id; anything else unchanged (the validator
    /// explains what does not resolve).
    func one(_ ref: Located<String>) -> Located<String> {
        guard !eventIds.contains(ref.value), let dot = ref.value.lastIndex(of: ".") else { return ref }
        let name = String(ref.value[..<dot]), end = ref.value[ref.value.index(after: dot)...]
        guard let ids = series[name] else { return ref }
        switch end {
        case "first": return Located(ids[0], at: ref.location)
        case "last": return Located(ids[ids.count - 1], at: ref.location)
        default:
            // `x.3`: the third occurrence, whatever its id.
            guard let n = Int(end), (1...ids.count).contains(n) else { return ref }
            return Located(ids[n - 1], at: ref.location)
        }
    }

    /// A reference in a list: a series' id is every occurrence but `own`'s.
    func all(_ ref: Located<String>, except own: String? = nil) -> [Located<String>] {
        guard !eventIds.contains(ref.value), let ids = series[ref.value] else { return [one(ref)] }
        return ids.filter { $0 != own }.map { Located($0, at: ref.location) }
    }

    /// Resolves every event reference of `plan`'s events and blackouts.
    static func resolve(_ plan: inout Plan) {
        let refs = SeriesReferences(plan.events)
        guard !refs.series.isEmpty else { return }
        for i in plan.events.indices {
            var event = plan.events[i]
            let own = event.id.value
            event.after = event.after.flatMap { dependency in
                refs.all(dependency.event, except: own).map {
                    var copy = dependency
                    copy.event = $0
                    return copy
                }
            }
            event.avoid = event.avoid.flatMap { refs.all($0, except: own) }
            event.during = event.during.map(refs.one)
            for k in event.near.indices { event.near[k].event = refs.one(event.near[k].event) }
            event.spacing = event.spacing.flatMap { spacing in
                refs.all(spacing.event, except: own).map {
                    var copy = spacing
                    copy.event = $0
                    return copy
                }
            }
            plan.events[i] = event
        }
        for i in plan.blackouts.indices {
            plan.blackouts[i].appliesTo = plan.blackouts[i].appliesTo.flatMap { refs.all($0) }
        }
    }

    /// Why `ref` names no event, when it looks like a series' occurrence: a number past the
    /// series' end, `.first`/`.last` of something that is no series, or a series where one
    /// occurrence is meant.
    func hint(_ ref: String) -> String? {
        if let ids = series[ref] {
            return "'\(ref)' is a series; name one occurrence: \(ids[0]) to \(ids[ids.count - 1]), "
                + "\(ref).first or \(ref).last"
        }
        if let dot = ref.lastIndex(of: ".") {
            let name = String(ref[..<dot])
            if let ids = series[name], Int(ref[ref.index(after: dot)...]) != nil {
                return "the series '\(name)' has \(ids.count) occurrence\(ids.count == 1 ? "" : "s"), "
                    + "\(name).1 to \(name).\(ids.count) (\(ids[0]) to \(ids[ids.count - 1]))"
            }
            return "'\(name)' is not a series"
                + (Suggestion.closest(to: name, among: series.keys.sorted()).map { "; did you mean '\($0)'?" } ?? "")
        }
        guard let dash = ref.lastIndex(of: "-"), let number = Int(ref[ref.index(after: dash)...]) else { return nil }
        let name = String(ref[..<dash])
        guard let ids = series[name], number > ids.count || number < 1 else { return nil }
        return "the series '\(name)' has \(ids.count) occurrence\(ids.count == 1 ? "" : "s"), "
            + "\(ids[0]) to \(ids[ids.count - 1])"
    }
}
