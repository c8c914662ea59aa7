import Chronology
import PlanFile
import Scheduler

/// Turns a validated plan into a solver problem: each event's possible slots over the horizon,
/// each hard rule of the plan as one solver rule with its origin, each soft wish as a penalty.
///
/// The rules, one builder file each: `ModelBuilder+Unary.swift` (windows, pins, blackouts,
/// local hours, unavailability, arrival and departure), `+Relations.swift` (dependencies,
/// avoid, during, shared people, audiences and places), `+Caps.swift` (events per week and
/// month), `+Sessions.swift` (a summit's hours, breaks, room sizes, tracks, plenaries, opening
/// and closing, and its room and speaker wishes), `+Rooms.swift` (features, interpretation,
/// pinned rooms, closed rooms), `+Penalties.swift` (preferences), `+Rotation.swift` (turns) and
/// `+Shares.swift` (a series' shared hours).
public struct ModelBuilder {
    let plan: Plan
    let horizon: DateSpan
    let step: Int
    var clocks: [Zone: ZoneClock] = [:]
    var activities: [Activity] = []
    var rules: [Rule] = []
    var penalties: [Penalty] = []
    var pairPenalties: [PairPenalty] = []
    var sharePenalties: [SharePenalty] = []
    var fixedSlots: [String: Slot] = [:]
    /// How the rules a planner can change could be relaxed, by rule index.
    var relaxations: [Int: [Relaxation]] = [:]
    /// The announced schedule to stay close to (`--keep`), by event id.
    let previous: [String: Announced]
    /// When the command must be done; building stops when it passes (`ModelTimeLimit`).
    let deadline: Deadline?
    /// Events whose slots were enumerated, for the message when the deadline passes.
    var eventsModelled = 0
    /// Timed events whose starts are enumerated over the whole horizon rather than around their
    /// window: those of a conflict whose windows must be tested (`SolvePipeline`).
    var wholeHorizon: Set<String> = []
    /// `allow` rule indices by activity, for the first `rules` rules (`allowedSlots`).
    var allowIndex: (rules: Int, byActivity: [[Int]]) = (-1, [])

    /// Builds the model of `plan`.
    ///
    /// - Parameter previous: where each event stood in an announced schedule; moving an event
    ///   away from it is penalised.
    public static func build(_ plan: Plan, previous: [String: Announced] = [:]) -> PlanModel {
        var builder = ModelBuilder(plan: plan, previous: previous, deadline: nil)
        builder.addEverything()
        return builder.model()
    }

    /// Builds the model of `plan`, or stops when `deadline` passes.
    ///
    /// - Parameter wholeHorizon: events whose starts are enumerated over the whole horizon, so
    ///   that a conflict search can test their windows.
    /// - Throws: `ModelTimeLimit` when the deadline passed first; nothing half-built escapes.
    public static func build(
        _ plan: Plan, previous: [String: Announced] = [:], deadline: Deadline, wholeHorizon: Set<String> = []
    ) throws(ModelTimeLimit) -> PlanModel {
        var builder = ModelBuilder(plan: plan, previous: previous, deadline: deadline)
        builder.wholeHorizon = wholeHorizon
        builder.addEverything()
        if deadline.isPast { throw ModelTimeLimit(eventsModelled: builder.eventsModelled, events: plan.events.count) }
        return builder.model()
    }

    /// Each family of rules in turn; each stops early once the deadline has passed.
    private mutating func addEverything() {
        let steps: [(inout ModelBuilder) -> Void] = [
            { $0.addActivities() }, { $0.addUnaryRules() }, { $0.addSessionRules() }, { $0.addRelations() },
            { $0.addPenalties() }, { $0.addSeriesShares() }, { $0.addSessionPenalties() },
        ]
        for step in steps {
            step(&self)
            if isPastDeadline() { return }
        }
    }

    func isPastDeadline() -> Bool { deadline?.isPast ?? false }

    private func model() -> PlanModel {
        let builder = self
        return PlanModel(
            plan: plan,
            problem: Problem(
                activities: builder.activities, rules: builder.rules, penalties: builder.penalties,
                pairPenalties: builder.pairPenalties, sharePenalties: builder.sharePenalties),
            clocks: builder.clocks, fixedSlots: builder.fixedSlots, step: builder.step,
            relaxations: builder.relaxations)
    }

    private init(plan: Plan, previous: [String: Announced], deadline: Deadline?) {
        self.plan = plan
        self.previous = previous
        self.deadline = deadline
        horizon = plan.calendar.horizon.value
        if case .minutes(let n) = plan.calendar.granularity { step = n } else { step = 30 }
    }

    mutating func clock(_ zone: Zone) -> ZoneClock {
        if let clock = clocks[zone] { return clock }
        let clock = ZoneClock(zone, firstDay: horizon.first.dayNumber - 1, lastDay: horizon.last.dayNumber + 31)
        clocks[zone] = clock
        return clock
    }

    /// Monday-based week number of a day number (1970-01-05 was a Monday).
    static func week(_ day: Int) -> Int { Int((Double(day + 3) / 7).rounded(.down)) }

    private mutating func addActivities() {
        for fixed in plan.fixedEvents { fixedSlots[fixed.id.value] = slot(of: fixed) }
        for event in plan.events {
            if isPastDeadline() { return }
            activities.append(Activity(id: event.id.value, slots: slots(of: event)))
            eventsModelled += 1
        }
    }

    /// Every slot the event could take, sorted by start: inside the horizon for all-day events,
    /// and for timed ones only around their window (`enumeratedDays`).
    mutating func slots(of event: Event) -> [Slot] {
        let clock = clock(event.venue.zone)
        let (first, last) = enumeratedDays(event)
        let duration = event.duration.value
        var slots: [Slot] = []
        if duration.isAllDay {
            let days = duration.days
            guard last >= first, last - days + 1 >= first else { return [] }
            for day in first...(last - days + 1) {
                slots.append(
                    Slot(
                        start: clock.utcMinute(day: day, minute: 0), end: clock.utcMinute(day: day + days, minute: 0),
                        firstDay: day, endDay: day + days))
            }
            return slots
        }
        // A session takes a room as well as a start: one slot per start and room.
        let rooms = needsRoom(event) ? Array(plan.rooms.indices) : [-1]
        var lastStart = Int.min
        guard last >= first else { return [] }
        for day in first...last {
            for minute in stride(from: 0, to: 1440, by: step) {
                let start = clock.utcMinute(day: day, minute: minute)
                guard start > lastStart else { continue }  // a daylight-saving gap repeats an instant
                lastStart = start
                let end = start + duration.minutes
                let startDay = clock.local(atUTCMinute: start).day
                let lastDay = clock.local(atUTCMinute: end - 1).day
                guard lastDay <= last else { continue }
                for room in rooms {
                    slots.append(Slot(start: start, end: end, firstDay: startDay, endDay: lastDay + 1, room: room))
                }
            }
        }
        return slots
    }

    /// The local days (day numbers in the event's zone) whose starts are enumerated: a session's
    /// summit days (a day either side for zones ahead or behind); a timed event's window with
    /// `windowMargin` either side, so that its memory follows its window, not the horizon, and
    /// a repair can still widen the window; an all-day event's whole horizon (a day a slot).
    func enumeratedDays(_ event: Event) -> (first: Int, last: Int) {
        var first = horizon.first.dayNumber, last = horizon.last.dayNumber
        if event.session.isSession, let days = plan.summit?.days.value {
            first = max(first, days.first.dayNumber - 1)
            last = min(last, days.last.dayNumber + 1)
        } else if !event.duration.value.isAllDay && !wholeHorizon.contains(event.id.value) {
            let window = event.window.value, margin = Self.windowMargin(window)
            first = max(first, window.first.dayNumber - margin)
            last = min(last, window.last.dayNumber + margin)
        }
        return (first, last)
    }

    /// How many days either side of a timed event's window its starts are enumerated: half the
    /// window's length, at least a week. The most a repair can widen the window by.
    static func windowMargin(_ window: DateSpan) -> Int { max(7, (window.dayCount + 1) / 2) }

    /// Whether the event's slots stop short of the horizon around its window: then its window
    /// rule bounds its slots (`Rule.boundsSlots`) and a conflict search keeps it.
    func slotsBoundedByWindow(_ event: Event) -> Bool {
        guard !event.duration.value.isAllDay, !event.session.isSession else { return false }
        let (first, last) = enumeratedDays(event)
        return first > horizon.first.dayNumber || last < horizon.last.dayNumber
    }

    /// Whether the event is a summit session that needs a room or channel.
    func needsRoom(_ event: Event) -> Bool { !plan.rooms.isEmpty && event.session.isSession }

    /// Where a fixed event is.
    mutating func slot(of fixed: FixedEvent) -> Slot {
        let clock = clock(fixed.venue.zone)
        switch fixed.when.value {
        case .days(let span):
            let first = span.first.dayNumber, end = span.last.dayNumber + 1
            return Slot(
                start: clock.utcMinute(day: first, minute: 0), end: clock.utcMinute(day: end, minute: 0),
                firstDay: first, endDay: end)
        case .timed(let start, let duration):
            let s = clock.utcMinute(day: start.date.dayNumber, minute: start.time.minutes)
            let e = s + duration.totalMinutes
            return Slot(
                start: s, end: e, firstDay: clock.local(atUTCMinute: s).day,
                endDay: clock.local(atUTCMinute: e - 1).day + 1)
        }
    }

    /// The slots of activity `a` that every `allow` rule so far keeps.
    mutating func allowedSlots(_ a: Int) -> SlotSet {
        // The allow rules by activity, indexed once for the rules so far (penalties, which ask
        // for every activity, come after all rules): not every rule read for every penalty.
        if allowIndex.rules != rules.count {
            var byActivity = Array(repeating: [Int](), count: activities.count)
            for (r, rule) in rules.enumerated() {
                if case .allow(let activity, _) = rule.kind { byActivity[activity].append(r) }
            }
            allowIndex = (rules.count, byActivity)
        }
        var allowed = SlotSet(capacity: activities[a].slots.count, filled: true)
        for r in allowIndex.byActivity[a] {
            if case .allow(_, let slots) = rules[r].kind { allowed.formIntersection(slots) }
        }
        return allowed
    }

    /// Records how the rule just added could be relaxed.
    mutating func relaxLastRule(_ relaxation: Relaxation...) {
        relaxations[rules.count - 1, default: []] += relaxation
    }

    /// The slot set of activity `a` for which `allowed` holds.
    func slotSet(_ a: Int, _ allowed: (Slot) -> Bool) -> SlotSet {
        let slots = activities[a].slots
        return SlotSet(capacity: slots.count) { allowed(slots[$0]) }
    }

    /// Adds a rule that keeps only the slots of activity `a` for which `allowed` holds.
    mutating func allow(_ a: Int, _ origin: Origin, _ allowed: (Slot) -> Bool) {
        let slots = activities[a].slots
        rules.append(
            Rule(.allow(activity: a, slots: SlotSet(capacity: slots.count) { allowed(slots[$0]) }), origin: origin))
    }

    /// The fixed event's slot, or the placed event's activity index.
    enum Target {
        case fixed(FixedEvent, Slot)
        case placed(Int)
    }

    func target(_ id: String) -> Target? {
        if let a = plan.eventIndex(id) { return .placed(a) }
        if let f = plan.fixedEvent(id), let s = fixedSlots[id] { return .fixed(f, s) }
        return nil
    }

    func isAllDay(_ target: Target) -> Bool {
        switch target {
        case .fixed(let f, _): if case .days = f.when.value { return true } else { return false }
        case .placed(let a): return plan.events[a].duration.value.isAllDay
        }
    }
}

/// Where an event stood in an announced schedule.
public struct Announced: Sendable, Hashable {
    /// UTC minute of its start.
    public var start: Int
    /// Its first local day (day number) in its home zone.
    public var day: Int
    /// The room id it was announced in (a summit's session), when known.
    public var room: String?

    public init(start: Int, day: Int, room: String? = nil) {
        self.start = start
        self.day = day
        self.room = room
    }
}

extension Event {
    /// `'summit'`, as rules quote events.
    var quoted: String { "'\(id.value)'" }
}

/// The command's time limit passed while the model was being built.
public struct ModelTimeLimit: Error, Sendable {
    /// Events whose possible slots had been enumerated by then.
    public let eventsModelled: Int
    public let events: Int
}
