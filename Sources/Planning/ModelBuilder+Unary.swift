import Chronology
import PlanFile
import Scheduler

/// Rules about one event alone: its window, its pin, blackouts, local hours, and the
/// unavailability of its participants.
extension ModelBuilder {
    mutating func addUnaryRules() {
        for (a, event) in plan.events.enumerated() {
            if isPastDeadline() { return }
            addWindow(a, event)
            addPin(a, event)
            addBlackouts(a, event)
            for rule in event.localHours { addLocalHours(a, event, rule) }
            addUnavailability(a, event)
        }
    }

    /// The window: the whole event lies within these dates of its home zone.
    mutating func addWindow(_ a: Int, _ event: Event) {
        let window = event.window.value
        let first = window.first.dayNumber, end = window.last.dayNumber + 1
        allow(a, Origin("\(event.quoted) must lie within its window \(window)", at: "\(event.window.location)")) {
            $0.firstDay >= first && $0.endDay <= end
        }
        rules[rules.count - 1].boundsSlots = slotsBoundedByWindow(event)
        let slots = activities[a].slots
        let earliest = slots.map(\.firstDay).min() ?? first, latest = slots.map(\.endDay).max() ?? end
        let id = event.id.value
        relaxLastRule(
            Relaxation(
                .widenWindow, event: id, old: "\(window)", steps: max(0, first - earliest), stepMinutes: 1440
            ) { n in
                let set = SlotSet(capacity: slots.count) { slots[$0].firstDay >= first - n && slots[$0].endDay <= end }
                return (
                    .allow(activity: a, slots: set),
                    "\(DateSpan(first: window.first.adding(days: -n), last: window.last))"
                )
            },
            Relaxation(.widenWindow, event: id, old: "\(window)", steps: max(0, latest - end), stepMinutes: 1440) { n in
                let set = SlotSet(capacity: slots.count) { slots[$0].firstDay >= first && slots[$0].endDay <= end + n }
                return (
                    .allow(activity: a, slots: set),
                    "\(DateSpan(first: window.first, last: window.last.adding(days: n)))"
                )
            })
    }

    mutating func addPin(_ a: Int, _ event: Event) {
        guard let pin = event.pinned else { return }
        let origin = Origin("\(event.quoted) is pinned to \(pinText(pin.value))", at: "\(pin.location)")
        switch pin.value {
        case .date(let date):
            allow(a, origin) { $0.firstDay == date.dayNumber }
        case .dateTime(let dt):
            let instant = clock(event.venue.zone).utcMinute(day: dt.date.dayNumber, minute: dt.time.minutes)
            allow(a, origin) { $0.start == instant }
        }
        relaxLastRule(Relaxation(.unpin, event: event.id.value, old: pinText(pin.value)))
    }

    func pinText(_ pin: Event.Pin) -> String {
        switch pin {
        case .date(let d): return d.description
        case .dateTime(let dt): return dt.description
        }
    }

    /// The local days a slot touches on `clock`'s zone: an all-day event's own dates, or the
    /// dates a timed event spans on that zone's clock.
    static func days(of slot: Slot, allDay: Bool, on clock: ZoneClock) -> Range<Int> {
        if allDay { return slot.firstDay..<slot.endDay }
        return clock.local(atUTCMinute: slot.start).day..<(clock.local(atUTCMinute: slot.end - 1).day + 1)
    }

    mutating func addBlackouts(_ a: Int, _ event: Event) {
        let allDay = event.duration.value.isAllDay
        for blackout in plan.blackouts
        where blackout.appliesTo.isEmpty || blackout.appliesTo.contains(where: { $0.value == event.id.value }) {
            let location = "\(blackout.location)"
            if !blackout.dates.isEmpty {
                let spans = blackout.dates.map { ($0.value.first.dayNumber, $0.value.last.dayNumber + 1) }
                let shown = blackout.dates.prefix(3).map { $0.value.description }.joined(separator: ", ")
                let listed = blackout.dates.count > 3 ? "\(shown) and \(blackout.dates.count - 3) more" : shown
                let clock = clock(blackout.zone)
                allow(
                    a, Origin("\(event.quoted) may not touch the blackout '\(blackout.name)' (\(listed))", at: location)
                ) { slot in
                    let days = Self.days(of: slot, allDay: allDay, on: clock)
                    return !spans.contains { days.lowerBound < $0.1 && $0.0 < days.upperBound }
                }
                relaxLastRule(Relaxation(.liftBlackout, event: event.id.value, old: blackout.id.value))
            }
            if blackout.weekends {
                let clock = clock(event.venue.zone)
                allow(a, Origin("\(event.quoted) may not touch a weekend (blackout '\(blackout.name)')", at: location))
                { slot in
                    !Self.days(of: slot, allDay: allDay, on: clock).contains { CivilDate(dayNumber: $0).isWeekend }
                }
                relaxLastRule(Relaxation(.liftBlackout, event: event.id.value, old: blackout.id.value))
            }
        }
    }

    /// Every zone a local-hours rule names, directly or through its audiences, sorted.
    func zones(of rule: LocalHoursRule) -> [Zone] {
        var zones = Set(rule.zones.map(\.value))
        for id in rule.audiences { zones.formUnion(audienceZones(id.value)) }
        return zones.sorted()
    }

    /// The audience's own zones and the home zones of its members who do not travel (those who
    /// do are `audienceTravellers`).
    func audienceZones(_ id: String) -> Set<Zone> {
        guard let audience = plan.audience(id) else { return [] }
        var zones = Set(audience.zones.map(\.value))
        for member in audience.members {
            if let person = plan.person(member.value), person.travel.isEmpty { zones.insert(person.zone.value) }
        }
        return zones
    }

    /// The whole event lies inside the time range on the local clock of every zone, on the
    /// event's actual date there.
    mutating func addLocalHours(_ a: Int, _ event: Event, _ rule: LocalHoursRule) {
        let range = rule.between.value
        let zones = zones(of: rule)
        var travellers: [TravellerClock] = []
        for id in rule.audiences {
            for person in audienceTravellers(id.value) { travellers.append(travellerClock(person)) }
        }
        let clocks = SlotClocks(fixed: zones.map { clock($0) }, travellers: travellers)
        let names = clocks.names(zones)
        allow(
            a,
            Origin(
                "\(event.quoted) must lie between \(range.start) and \(range.end) local time in \(names)",
                at: "\(rule.location)")
        ) { slot in
            clocks.allSatisfy(at: slot.start) { Self.lies(slot, within: range, on: $0) }
        }
        let slots = activities[a].slots
        let (start, end) = (range.start.minutes, range.end.minutes)
        @Sendable func widened(_ from: Int, _ to: Int) -> (kind: Rule.Kind, new: String) {
            let wider = LocalTimeRange(start: LocalTime(minutes: from)!, end: LocalTime(minutes: to)!)
            let set = SlotSet(capacity: slots.count) { i in
                clocks.allSatisfy(at: slots[i].start) { Self.lies(slots[i], within: wider, on: $0) }
            }
            return (.allow(activity: a, slots: set), "\(wider)")
        }
        let id = event.id.value
        relaxLastRule(
            Relaxation(.widenLocalHours, event: id, old: "\(range)", steps: start / 30, stepMinutes: 30) { n in
                widened(start - 30 * n, end)
            },
            Relaxation(.widenLocalHours, event: id, old: "\(range)", steps: (1440 - end) / 30, stepMinutes: 30) { n in
                widened(start, end + 30 * n)
            })
    }

    /// Whether a timed slot starts and ends inside `range` on one local day of `clock`.
    static func lies(_ slot: Slot, within range: LocalTimeRange, on clock: ZoneClock) -> Bool {
        let start = clock.local(atUTCMinute: slot.start)
        guard start.minute >= range.start.minutes else { return false }
        let endMinute = start.minute + (slot.end - slot.start)
        return endMinute <= range.end.minutes
    }

    /// Each participant's unavailable days and hours, and their arrival and departure, read on
    /// their own clock.
    mutating func addUnavailability(_ a: Int, _ event: Event) {
        let allDay = event.duration.value.isAllDay
        for participant in event.people {
            guard let person = plan.person(participant.value) else { continue }
            let clock = clock(person.zone.value)
            for period in person.unavailable {
                let origin = Origin(
                    "\(event.quoted) needs \(person.name), who is unavailable \(period.value)", at: "\(period.location)"
                )
                switch period.value {
                case .days(let span):
                    let (first, end) = (span.first.dayNumber, span.last.dayNumber + 1)
                    allow(a, origin) { slot in
                        let days = Self.days(of: slot, allDay: allDay, on: clock)
                        return days.upperBound <= first || end <= days.lowerBound
                    }
                case .hours:
                    let busy = period.value.instants(on: clock)
                    allow(a, origin) { slot in slot.end <= busy.lowerBound || busy.upperBound <= slot.start }
                }
            }
            addPresence(a, event, person, clock)
        }
    }

    /// A travelling participant is there from `arrives` to `departs`.
    mutating func addPresence(_ a: Int, _ event: Event, _ person: Person, _ clock: ZoneClock) {
        let allDay = event.duration.value.isAllDay
        if let arrives = person.arrives {
            let instant = clock.utcMinute(day: arrives.value.date.dayNumber, minute: arrives.value.time.minutes)
            let day = arrives.value.date.dayNumber
            allow(
                a,
                Origin(
                    "\(event.quoted) needs \(person.name), who arrives \(arrives.value) (\(person.zone.value))",
                    at: "\(arrives.location)")
            ) { allDay ? $0.firstDay >= day : $0.start >= instant }
        }
        if let departs = person.departs {
            let instant = clock.utcMinute(day: departs.value.date.dayNumber, minute: departs.value.time.minutes)
            let day = departs.value.date.dayNumber
            allow(
                a,
                Origin(
                    "\(event.quoted) needs \(person.name), who departs \(departs.value) (\(person.zone.value))",
                    at: "\(departs.location)")
            ) { allDay ? $0.endDay <= day + 1 : $0.end <= instant }
        }
    }
}
