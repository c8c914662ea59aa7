import Chronology
import PlanFile
import Scheduler

/// Soft wishes, each a penalty per slot in minutes × the event's weight:
/// - `prefer: early | late | DATE` — minutes from the window's opening, to its close, or from
///   the target date;
/// - `near:` — minutes further from a fixed event than `within`;
/// - `spacing:` — minutes closer to a related event than `at-least`;
/// - fairness — for timed events, the worst zone's minutes outside its working hours
///   (a participant's own hours, else 08:00–20:00 for audiences' zones);
/// - rotating hours — in a series with `rotate:`, the minutes outside 08:00–20:00 in the zones
///   whose turn it is not (`ModelBuilder+Rotation.swift`);
/// - `--keep` — ten times the minutes moved from the announced schedule.
extension ModelBuilder {
    /// A person's minutes count against their working hours; an audience's zones against these.
    static let audienceHours = LocalTimeRange(start: LocalTime(minutes: 8 * 60)!, end: LocalTime(minutes: 20 * 60)!)
    static let defaultHours = LocalTimeRange(start: LocalTime(minutes: 9 * 60)!, end: LocalTime(minutes: 17 * 60)!)
    static let keepFactor = 10

    mutating func addPenalties() {
        for (a, event) in plan.events.enumerated() {
            if isPastDeadline() { return }
            if let prefer = event.prefer { addPreference(a, event, prefer) }
            for near in event.near { addNearness(a, event, near) }
            for spacing in event.spacing { addSpacing(a, event, spacing) }
            if !event.duration.value.isAllDay { addFairness(a, event) }
            if let occurrence = event.occurrence, occurrence.turn != nil { addRotation(a, event, occurrence) }
            if let start = previous[event.id.value] { addKeep(a, event, start) }
        }
    }

    /// Adds a penalty; it is computed only for the slots the hard rules about the activity
    /// alone allow, since no schedule uses the others.
    ///
    /// - Parameters:
    ///   - weight, scale, measure: how a value reads back in the plan's units (`explain`):
    ///     value ÷ weight minutes (or ÷ 1440 days) "from the window's close".
    mutating func penalise(
        _ a: Int, _ origin: Origin, weight: Int = 1, scale: TimeScale = .minutes, measure: String = "",
        _ value: (Slot) -> Int
    ) {
        let allowed = allowedSlots(a)
        let slots = activities[a].slots
        let values = slots.indices.map { allowed.contains($0) ? value(slots[$0]) : 0 }
        guard values.contains(where: { $0 != 0 }) else { return }
        penalties.append(
            Penalty(activity: a, origin: origin, values: values, weight: weight, scale: scale, measure: measure))
    }

    mutating func addPreference(_ a: Int, _ event: Event, _ prefer: Located<Preference>) {
        let weight = event.weight, window = event.window.value
        let allDay = event.duration.value.isAllDay
        let scale: TimeScale = allDay ? .days : .minutes
        let clock = clock(event.venue.zone)
        let opens = clock.utcMinute(day: window.first.dayNumber, minute: 0)
        let closes = clock.utcMinute(day: window.last.dayNumber + 1, minute: 0)
        switch prefer.value {
        case .early:
            penalise(
                a, Origin("\(event.quoted) prefers early in its window", at: "\(prefer.location)"),
                weight: weight, scale: scale, measure: "after its window opens"
            ) {
                weight * (allDay ? ($0.firstDay - window.first.dayNumber) * 1440 : max(0, $0.start - opens))
            }
        case .late:
            penalise(
                a, Origin("\(event.quoted) prefers late in its window", at: "\(prefer.location)"),
                weight: weight, scale: scale, measure: "before the end of its window"
            ) {
                weight * (allDay ? (window.last.dayNumber + 1 - $0.endDay) * 1440 : max(0, closes - $0.end))
            }
        case .target(let date):
            penalise(
                a, Origin("\(event.quoted) prefers to start on \(date)", at: "\(prefer.location)"),
                weight: weight, scale: .days, measure: "from that date"
            ) {
                weight * abs($0.firstDay - date.dayNumber) * 1440
            }
        }
    }

    mutating func addNearness(_ a: Int, _ event: Event, _ near: Nearness) {
        guard case .fixed(_, let fixed)? = target(near.event.value) else { return }
        let within = near.within?.totalMinutes ?? 0, weight = event.weight
        let allDay = event.duration.value.isAllDay && isAllDay(target(near.event.value)!)
        penalise(
            a, Origin("\(event.quoted) should be near '\(near.event.value)'", at: "\(near.location)"),
            weight: weight, scale: allDay ? .days : .minutes, measure: "further away than it may be"
        ) { slot in
            let apart =
                allDay
                ? max(0, fixed.firstDay - slot.endDay, slot.firstDay - fixed.endDay) * 1440
                : max(0, fixed.start - slot.end, slot.start - fixed.end)
            return weight * max(0, apart - within)
        }
    }

    mutating func addSpacing(_ a: Int, _ event: Event, _ spacing: Spacing) {
        guard let other = target(spacing.event.value) else { return }
        let scale: TimeScale = isAllDay(.placed(a)) && isAllDay(other) && spacing.atLeast.isAllDay ? .days : .minutes
        let minimum = scale == .days ? spacing.atLeast.days : spacing.atLeast.totalMinutes
        let origin = Origin(
            "\(event.quoted) should be at least \(spacing.atLeast) from '\(spacing.event.value)'",
            at: "\(spacing.location)")
        let rule = PairPenalty(a: a, b: a, origin: origin, minimum: minimum, scale: scale, weight: event.weight)
        switch other {
        case .placed(let b):
            pairPenalties.append(
                PairPenalty(a: a, b: b, origin: origin, minimum: minimum, scale: scale, weight: event.weight))
        case .fixed(_, let fixed):
            penalise(a, origin, weight: event.weight, scale: scale, measure: "closer than \(spacing.atLeast)") {
                rule.cost($0, fixed)
            }
        }
    }

    /// Minutes of `slot` outside `hours` on the local clock.
    static func minutesOutside(_ slot: Slot, _ hours: LocalTimeRange, on clock: ZoneClock) -> Int {
        let start = clock.local(atUTCMinute: slot.start).minute
        let end = start + slot.end - slot.start
        // The working hours of the start's day, and of the next day for events past midnight.
        let today = max(0, min(end, hours.end.minutes) - max(start, hours.start.minutes))
        let tomorrow = max(0, min(end, hours.end.minutes + 1440) - max(start, hours.start.minutes + 1440))
        return end - start - today - tomorrow
    }

    mutating func addFairness(_ a: Int, _ event: Event) {
        var hours: [Zone: LocalTimeRange] = [:]
        // People who travel keep their hours but not their zone: it is looked up slot by slot.
        var travellers: [(TravellerClock, LocalTimeRange)] = []
        for id in event.audiences {
            for zone in audienceZones(id.value) { hours[zone] = Self.audienceHours }
            for person in audienceTravellers(id.value) {
                travellers.append((travellerClock(person), Self.audienceHours))
            }
        }
        for participant in event.people {
            guard let person = plan.person(participant.value) else { continue }
            let own = person.workingHours?.value ?? Self.defaultHours
            if person.travel.isEmpty {
                hours[person.zone.value] = own
            } else {
                travellers.append((travellerClock(person), own))
            }
        }
        guard !hours.isEmpty || !travellers.isEmpty else { return }
        let zones = hours.keys.sorted()
        let checks = zones.map { (clock($0), hours[$0]!) }
        let weight = event.weight
        penalise(
            a,
            Origin(
                "\(event.quoted) falls outside working hours in some participants' zones (worst zone counts)",
                at: "\(event.location)"),
            weight: weight, measure: "outside working hours in the worst zone"
        ) { slot in
            var worst = 0
            for (clock, hours) in checks { worst = max(worst, Self.minutesOutside(slot, hours, on: clock)) }
            for (traveller, hours) in travellers {
                worst = max(worst, Self.minutesOutside(slot, hours, on: traveller.clock(at: slot.start)))
            }
            return weight * worst
        }
    }

    mutating func addKeep(_ a: Int, _ event: Event, _ announced: Announced) {
        let weight = max(1, event.weight) * Self.keepFactor
        let allDay = event.duration.value.isAllDay
        penalise(
            a, Origin("\(event.quoted) moved from the announced schedule", at: "\(event.location)"),
            weight: weight, scale: allDay ? .days : .minutes, measure: "from where it was announced"
        ) {
            weight * (allDay ? abs($0.firstDay - announced.day) * 1440 : abs($0.start - announced.start))
        }
        // A session announced in a room stays there: a move to another room counts as an hour.
        guard let id = announced.room, let room = plan.roomIndex(id), needsRoom(event) else { return }
        penalise(
            a, Origin("\(event.quoted) moved from its announced room '\(id)'", at: "\(event.location)"),
            weight: weight, measure: "for leaving its announced room"
        ) { $0.room == room ? 0 : weight * Self.roomMoveMinutes }
    }

    /// What moving an announced session to another room costs, in minutes of moving it in time.
    static let roomMoveMinutes = 60
}
