import Chronology
import Diagnostics
import Foundation

/// The checks that need the whole plan: unique ids, references that resolve, no dependency
/// cycles, windows an event fits in, pins inside windows, files that exist.
enum PlanValidator {
    /// - Parameter fileExists: whether an imported calendar's file is there (the loader's `PlanSources`).
    static func validate(_ plan: Plan, log: DiagnosticLog, fileExists: (String) -> Bool) {
        let scheduled = plan.fixedEvents.map(\.id) + plan.events.map(\.id)
        checkUnique(scheduled, what: "event", log: log)
        checkUnique(plan.people.map(\.id), what: "person", log: log)
        checkUnique(plan.audiences.map(\.id), what: "audience", log: log)
        checkUnique(plan.places.map(\.id), what: "place", log: log)
        checkUnique(plan.blackouts.map(\.id), what: "blackout", log: log)
        checkUnique(plan.rooms.map(\.id), what: "room", log: log)
        checkUnique(plan.tracks.map(\.id), what: "track", log: log)
        SessionValidator.validate(plan, log: log)

        let events = Set(scheduled.map(\.value)), people = Set(plan.people.map(\.id.value))
        let audiences = Set(plan.audiences.map(\.id.value)), places = Set(plan.places.map(\.id.value))
        let placed = Set(plan.events.map(\.id.value))
        let series = SeriesReferences(plan.events)
        for (name, ids) in series.series.sorted(by: { $0.key < $1.key }) {
            guard let event = plan.event(name), let first = ids.first.flatMap(plan.event) else { continue }
            log.error(
                event.id.location, "'\(name)' is both an event and the series at \(first.id.location)",
                hint: "rename one: a reference to '\(name)' must name one thing")
        }
        func checkEvent(_ ref: Located<String>, in known: Set<String>) {
            checkReference(ref, in: known, what: "event", log: log, hint: series.hint)
        }

        for audience in plan.audiences {
            audience.members.forEach { checkReference($0, in: people, what: "person", log: log) }
        }
        for fixed in plan.fixedEvents {
            fixed.venue.place.map { checkReference($0, in: places, what: "place", log: log) }
        }
        for event in plan.events {
            event.venue.place.map { checkReference($0, in: places, what: "place", log: log) }
            event.people.forEach { checkReference($0, in: people, what: "person", log: log) }
            event.audiences.forEach { checkReference($0, in: audiences, what: "audience", log: log) }
            event.after.forEach { checkEvent($0.event, in: events) }
            event.avoid.forEach { checkEvent($0, in: events) }
            event.during.map { checkEvent($0, in: events) }
            event.near.forEach { checkEvent($0.event, in: events) }
            event.spacing.forEach { checkEvent($0.event, in: events) }
            for near in event.near where placed.contains(near.event.value) {
                log.error(
                    near.event.location,
                    "'near' names a fixed event (a forum, a holiday); '\(near.event.value)' is placed by Convene",
                    hint: "use 'after' with a max-gap to keep two placed events close")
            }
            event.localHours.flatMap(\.audiences).forEach {
                checkReference($0, in: audiences, what: "audience", log: log)
            }
            checkFits(event, horizon: plan.calendar.horizon, log: log)
            if let pin = event.pinned, case .dateTime(let at) = pin.value {
                checkExists(Located(at, at: pin.location), in: event.venue.zone, log: log)
            }
        }
        for person in plan.people {
            for time in [person.arrives, person.departs].compactMap({ $0 }) {
                checkExists(time, in: person.zone.value, log: log)
            }
            for period in person.unavailable { checkExists(period, in: person.zone.value, log: log) }
            checkTravel(person, horizon: plan.calendar.horizon, log: log)
        }
        for blackout in plan.blackouts {
            blackout.appliesTo.forEach { checkEvent($0, in: placed) }
            if let ics = blackout.ics { checkFileExists(ics, log: log, fileExists: fileExists) }
        }
        checkCycles(plan.events, log: log)
    }

    static func checkUnique(_ ids: [Located<String>], what: String, log: DiagnosticLog) {
        var first: [String: SourceLocation] = [:]
        for id in ids {
            if let earlier = first[id.value] {
                log.error(
                    id.location, "duplicate \(what) id '\(id.value)'; it is already used at \(earlier)",
                    hint: "ids must be unique; rename one of them")
            } else {
                first[id.value] = id.location
            }
        }
    }

    /// A wall-clock time the plan names must happen in its zone (not fall in a daylight-saving gap).
    static func checkExists(_ time: Located<LocalDateTime>, in zone: Zone, log: DiagnosticLog) {
        guard let problem = zone.gapProblem(time.value.date, minuteOfDay: time.value.time.minutes) else { return }
        log.error(time.location, problem, hint: "pick a time outside the jump, e.g. an hour later")
    }

    static func checkExists(_ period: Located<LocalPeriod>, in zone: Zone, log: DiagnosticLog) {
        guard case .hours(let date, let range) = period.value else { return }
        for minute in [range.start.minutes, range.end.minutes] {
            if let problem = zone.gapProblem(date, minuteOfDay: minute) {
                log.error(period.location, problem, hint: "pick hours outside the jump, e.g. an hour later")
                return
            }
        }
    }

    /// - Parameter hint: a better hint than did-you-mean for some unknown ids (a series' occurrences).
    static func checkReference(
        _ ref: Located<String>, in known: Set<String>, what: String, log: DiagnosticLog,
        hint: (String) -> String? = { _ in nil }
    ) {
        guard !known.contains(ref.value) else { return }
        log.error(
            ref.location, "unknown \(what) '\(ref.value)'",
            hint: hint(ref.value) ?? Suggestion.didYouMean(ref.value, among: known.sorted()) ?? "no \(what) has this id"
        )
    }

    /// The event must fit its window, and the window must lie inside the horizon.
    static func checkFits(_ event: Event, horizon: Located<DateSpan>, log: DiagnosticLog) {
        let window = event.window.value
        guard !window.endsBeforeItStarts else { return }
        let duration = event.duration.value
        let windowMinutes = window.dayCount * 1440
        if duration.isAllDay ? duration.days > window.dayCount : duration.minutes > windowMinutes {
            log.error(
                event.duration.location,
                "event '\(event.id.value)' lasts \(duration) but its window \(window) has only "
                    + "\(window.dayCount) day\(window.dayCount == 1 ? "" : "s")",
                hint: "widen the window or shorten the event")
        }
        if !horizon.value.contains(window) {
            log.error(
                event.window.location,
                "the window \(window) of event '\(event.id.value)' is not inside the calendar's horizon "
                    + "\(horizon.value)",
                hint: "move the window or widen the horizon at \(horizon.location)")
        }
        if let pin = event.pinned {
            if !window.contains(pin.value.date) {
                log.error(
                    pin.location,
                    "event '\(event.id.value)' is pinned to \(pin.value.date), outside its window \(window)")
            }
            if case .dateTime = pin.value, duration.isAllDay {
                log.error(
                    pin.location, "event '\(event.id.value)' lasts whole days, so it is pinned to a date, not a time",
                    hint: "write pinned: \(pin.value.date)")
            }
        }
        if duration.isAllDay, let rule = event.localHours.first {
            log.error(
                rule.location,
                "local-hours rules apply to timed events, but '\(event.id.value)' lasts whole days (\(duration))",
                hint: "give the event a duration in hours, or remove the rule")
        }
    }

    /// Trips lie inside the horizon and do not overlap: on each date a person is in one zone.
    static func checkTravel(_ person: Person, horizon: Located<DateSpan>, log: DiagnosticLog) {
        for (k, trip) in person.travel.enumerated() {
            if !horizon.value.contains(trip.dates.value) {
                log.error(
                    trip.dates.location,
                    "\(person.id.value)'s trip \(trip.dates.value) is not inside the calendar's horizon "
                        + "\(horizon.value)",
                    hint: "move the dates or widen the horizon at \(horizon.location)")
            }
            if let earlier = person.travel[..<k].first(where: { $0.dates.value.overlaps(trip.dates.value) }) {
                log.error(
                    trip.dates.location,
                    "\(person.id.value)'s trip \(trip.dates.value) overlaps the trip \(earlier.dates.value) "
                        + "at \(earlier.dates.location)",
                    hint: "a person is in one zone a day; end one trip before the next begins")
            }
        }
    }

    static func checkFileExists(_ file: Located<String>, log: DiagnosticLog, fileExists: (String) -> Bool) {
        let path = RelativePath.resolve(file.value, from: file.location.path)
        if !fileExists(path) {
            log.error(
                file.location, "no such file '\(path)'",
                hint: "paths are read from the folder of the file that names them")
        }
    }

    /// Reports each cycle of `after:` dependencies once, with its path.
    ///
    /// - Complexity: O(V + E), a depth-first search over the events.
    static func checkCycles(_ events: [Event], log: DiagnosticLog) {
        let byId = Dictionary(events.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        var state: [String: Int] = [:]  // 1 = on the stack, 2 = done
        var stack: [String] = []
        func visit(_ id: String) {
            state[id] = 1
            stack.append(id)
            for dependency in byId[id]?.after ?? [] {
                let next = dependency.event.value
                guard byId[next] != nil else { continue }
                if state[next] == 1, let start = stack.firstIndex(of: next) {
                    // The cycle reads in time order: each event comes after the one before it.
                    let cycle = (stack[start...] + [next]).reversed()
                    log.error(
                        dependency.event.location, "dependency cycle: \(cycle.joined(separator: " → "))",
                        hint: "each event must come after the one before it in this chain, which cannot all hold; "
                            + "remove one 'after' entry")
                } else if state[next] == nil {
                    visit(next)
                }
            }
            stack.removeLast()
            state[id] = 2
        }
        for event in events where state[event.id.value] == nil { visit(event.id.value) }
    }
}
