import Chronology
import PlanFile
import Scheduler

/// Rules between events: dependencies, avoid, during, shared people, audiences and places
/// (caps per week and month are in `+Caps.swift`). A relation to a fixed event is a rule on
/// one event alone.
extension ModelBuilder {
    mutating func addRelations() {
        for (a, event) in plan.events.enumerated() {
            if isPastDeadline() { return }
            for dependency in event.after { addDependency(a, event, dependency) }
            for avoided in event.avoid { addAvoid(a, event, avoided) }
            if let during = event.during { addDuring(a, event, during) }
        }
        addSharedResources()
        addCountingCaps()
    }

    /// The clock a relation reads: local days when both sides are all-day and every gap is in
    /// whole days, else UTC minutes.
    func scale(_ a: Target, _ b: Target, gaps: [PlanDuration?] = []) -> TimeScale {
        isAllDay(a) && isAllDay(b) && gaps.allSatisfy { $0.map(\.isAllDay) ?? true } ? .days : .minutes
    }

    static func amount(_ gap: PlanDuration?, _ scale: TimeScale) -> Int? {
        guard let gap else { return nil }
        return scale == .days ? gap.days : gap.totalMinutes
    }

    mutating func addDependency(_ a: Int, _ event: Event, _ dependency: Dependency) {
        guard let other = target(dependency.event.value) else { return }
        let scale = scale(.placed(a), other, gaps: [dependency.minGap?.value, dependency.maxGap?.value])
        let minGap = Self.amount(dependency.minGap?.value, scale) ?? 0
        let maxGap = Self.amount(dependency.maxGap?.value, scale)
        var text = "\(event.quoted) starts"
        if let g = dependency.minGap { text += " at least \(g.value)" }
        if let g = dependency.maxGap { text += (dependency.minGap == nil ? "" : " and") + " at most \(g.value)" }
        text += " after '\(dependency.event.value)' \(dependency.from == .end ? "ends" : "starts")"
        let origin = Origin(text, at: "\(dependency.location)")
        let anchor: Precedence.Anchor = dependency.from == .end ? .end : .start
        let slots = activities[a].slots
        let lowered: @Sendable (Int) -> Rule.Kind
        switch other {
        case .placed(let b):
            let p = Precedence(before: b, after: a, minGap: minGap, maxGap: maxGap, anchor: anchor, scale: scale)
            rules.append(Rule(.precedence(p), origin: origin))
            lowered = { gap in
                var q = p
                q.minGap = gap
                return .precedence(q)
            }
        case .fixed(_, let fixed):
            let p = Precedence(before: 0, after: 0, minGap: minGap, maxGap: maxGap, anchor: anchor, scale: scale)
            allow(a, origin) { p.holds(before: fixed, after: $0) }
            lowered = { gap in
                var q = p
                q.minGap = gap
                return .allow(
                    activity: a, slots: SlotSet(capacity: slots.count) { q.holds(before: fixed, after: slots[$0]) })
            }
        }
        guard let written = dependency.minGap?.value, minGap > 0 else { return }
        let unit = scale == .days ? 1 : step
        relaxLastRule(
            Relaxation(
                .lowerGap, event: event.id.value, old: "\(written)", steps: minGap / unit,
                stepMinutes: scale == .days ? 1440 : step
            ) { n in
                let gap = minGap - n * unit
                return (lowered(gap), "\(scale == .days ? PlanDuration(days: gap) : PlanDuration(minutes: gap))")
            })
    }

    mutating func addAvoid(_ a: Int, _ event: Event, _ avoided: Located<String>) {
        guard let other = target(avoided.value) else { return }
        let scale = scale(.placed(a), other)
        let origin = Origin("\(event.quoted) must not overlap '\(avoided.value)'", at: "\(avoided.location)")
        switch other {
        case .placed(let b): rules.append(Rule(.noOverlap(a, b, padding: 0, scale: scale), origin: origin))
        case .fixed(_, let fixed): allow(a, origin) { !$0.overlaps(fixed, scale: scale) }
        }
        relaxLastRule(Relaxation(.dropAvoid, event: event.id.value, old: avoided.value))
    }

    mutating func addDuring(_ a: Int, _ event: Event, _ during: Located<String>) {
        guard let other = target(during.value) else { return }
        let scale = scale(.placed(a), other)
        let origin = Origin("\(event.quoted) must lie inside '\(during.value)'", at: "\(during.location)")
        switch other {
        case .placed(let b): rules.append(Rule(.within(inner: a, outer: b, scale: scale), origin: origin))
        case .fixed(_, let fixed):
            allow(a, origin) { $0.lies(inside: fixed, scale: scale) }
        }
    }

    /// What two events share that forbids them to overlap: a person, an audience or a place.
    struct SharedResource {
        var text: String
        var location: String
        var person: Bool
    }

    /// The pairs of events (a < b, in that order) that name a person, an audience or a place in
    /// common: the only ones `shared` can find something in, found through each name's events
    /// rather than by trying every pair of the plan.
    func pairsSharingSomething() -> [(Int, Int)] {
        var byName: [String: [Int]] = [:]
        for (a, event) in plan.events.enumerated() {
            var names = Set(event.people.map { "person " + $0.value })
            names.formUnion(event.audiences.map { "audience " + $0.value })
            if let place = event.venue.place, !event.venue.isVirtual { names.insert("place " + place.value) }
            for name in names { byName[name, default: []].append(a) }
        }
        var pairs = Set<Int>()
        let n = plan.events.count
        for events in byName.values where events.count > 1 {
            for i in events.indices { for j in events.indices where j > i { pairs.insert(events[i] * n + events[j]) } }
        }
        return pairs.sorted().map { ($0 / n, $0 % n) }
    }

    /// Sessions share audiences (their target regions) and run in parallel: for them only
    /// people are exclusive; rooms are handled by `roomsDisjoint`.
    func shared(_ x: Event, _ y: Event) -> SharedResource? {
        if let p = x.people.first(where: { p in y.people.contains { $0.value == p.value } }) {
            return SharedResource(
                text: "both involve \(plan.person(p.value)?.name ?? p.value)", location: "\(p.location)", person: true)
        }
        if x.session.isSession && y.session.isSession { return nil }
        if let au = x.audiences.first(where: { au in y.audiences.contains { $0.value == au.value } }) {
            return SharedResource(
                text: "both address the audience '\(au.value)'", location: "\(au.location)", person: false)
        }
        if let place = x.venue.place, !x.venue.isVirtual, !y.venue.isVirtual, y.venue.place?.value == place.value {
            return SharedResource(
                text: "both take place at '\(place.value)'", location: "\(place.location)", person: false)
        }
        return nil
    }

    /// No overlap between events that share a person, an audience or a place; a person's
    /// in-person events at different places are `travel-buffer` apart.
    mutating func addSharedResources() {
        let buffer = plan.calendar.travelBuffer?.value.totalMinutes ?? 0
        let pause = plan.summit?.minPause.totalMinutes ?? 0
        for (a, b) in pairsSharingSomething() {
            let (x, y) = (plan.events[a], plan.events[b])
            guard let resource = shared(x, y) else { continue }
            let travels =
                resource.person && buffer > 0 && !x.venue.isVirtual && !y.venue.isVirtual
                && x.venue.place != nil && y.venue.place != nil && x.venue.place?.value != y.venue.place?.value
            let pauses = resource.person && pause > 0 && x.session.isSession && y.session.isSession
            let padding = travels ? buffer : (pauses ? pause : 0)
            let scale: TimeScale = padding > 0 ? .minutes : scale(.placed(a), .placed(b))
            var text = "\(x.quoted) and \(y.quoted) \(resource.text), so they may not overlap"
            if travels {
                text += " and need \(plan.calendar.travelBuffer?.value.description ?? "") between them to travel"
            }
            if pauses && !travels { text += " and need \(plan.summit?.minPause.description ?? "") between them" }
            rules.append(
                Rule(.noOverlap(a, b, padding: padding, scale: scale), origin: Origin(text, at: resource.location)))
        }
    }
}
