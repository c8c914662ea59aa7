import Chronology
import Foundation
import PlanFile
import ReleaseFormat
import Scheduler

/// `schedule.json`: where every event of a plan is, fixed fora included (docs/schedule-format.md).
public struct ScheduleDocument: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var kind: String
        public var allDay: Bool
        /// `YYYY-MM-DD` for all-day events, RFC 3339 with the zone's offset for timed ones.
        public var start: String
        /// Exclusive, as in iCalendar.
        public var end: String
        public var timezone: String
        public var room: String?
        /// The session's track, for summit sessions.
        public var track: String?
        /// True for events whose dates the plan gives (fora, holidays).
        public var fixed: Bool
        public var startUTC: String
        public var endUTC: String
        /// `unplaced` for an optional event the over-full plan left out (its times are then
        /// null); nil for every placed or fixed event.
        public var status: String?

        public var isUnplaced: Bool { status == "unplaced" }

        public init(
            id: String, title: String, kind: String, allDay: Bool, start: String, end: String, timezone: String,
            room: String?, fixed: Bool, startUTC: String, endUTC: String
        ) {
            self.id = id
            self.title = title
            self.kind = kind
            self.allDay = allDay
            self.start = start
            self.end = end
            self.timezone = timezone
            self.room = room
            self.track = nil
            self.fixed = fixed
            self.startUTC = startUTC
            self.endUTC = endUTC
        }

        enum CodingKeys: String, CodingKey {
            case id, title, kind, allDay, start, end, timezone, room, track, fixed, startUTC, endUTC, status
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            title = try c.decode(String.self, forKey: .title)
            kind = try c.decode(String.self, forKey: .kind)
            allDay = try c.decode(Bool.self, forKey: .allDay)
            status = try c.decodeIfPresent(String.self, forKey: .status)
            // An unplaced event has no times; a placed one must have them.
            let times = status == "unplaced" ? "" : nil
            start = try times ?? c.decode(String.self, forKey: .start)
            end = try times ?? c.decode(String.self, forKey: .end)
            startUTC = try times ?? c.decode(String.self, forKey: .startUTC)
            endUTC = try times ?? c.decode(String.self, forKey: .endUTC)
            timezone = try c.decode(String.self, forKey: .timezone)
            room = try c.decodeIfPresent(String.self, forKey: .room)
            track = try c.decodeIfPresent(String.self, forKey: .track)
            fixed = try c.decode(Bool.self, forKey: .fixed)
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(title, forKey: .title)
            try c.encode(kind, forKey: .kind)
            try c.encode(allDay, forKey: .allDay)
            try c.encode(isUnplaced ? nil : start, forKey: .start)
            try c.encode(isUnplaced ? nil : end, forKey: .end)
            try c.encode(timezone, forKey: .timezone)
            try c.encode(room, forKey: .room)  // null, not absent: the contract lists it
            try c.encodeIfPresent(track, forKey: .track)
            try c.encode(fixed, forKey: .fixed)
            try c.encode(isUnplaced ? nil : startUTC, forKey: .startUTC)
            try c.encode(isUnplaced ? nil : endUTC, forKey: .endUTC)
            try c.encodeIfPresent(status, forKey: .status)
        }
    }

    public var calendar: String
    public var status: String
    public var objective: Int?
    /// The proven lower bound on any schedule's objective (equal to `objective` when optimal),
    /// so a reader knows how far from the best this schedule can be at most.
    public var bound: Int?
    public var seed: UInt64
    /// What ended the search: `proof` (optimal or infeasible, proven), `work-limit` (the
    /// `--work-limit`, the same on every machine) or `time-limit` (the clock: another machine may
    /// have returned another schedule). Absent in documents written elsewhere.
    public var stoppedBy: String?
    /// The solver's threads (`--workers`): with the seed and `--work-limit`, what the schedule
    /// depends on. Absent in documents written elsewhere.
    public var workers: Int?
    public var events: [Entry]

    /// A document from its parts: a schedule written elsewhere, such as an imported programme's.
    public init(
        calendar: String, status: String, objective: Int?, bound: Int?, seed: UInt64, events: [Entry]
    ) {
        self.calendar = calendar
        self.status = status
        self.objective = objective
        self.bound = bound
        self.seed = seed
        self.events = events.sorted { ($0.startUTC, $0.id) < ($1.startUTC, $1.id) }
    }

    /// The document for a solved model; `unplaced` are the optional events an over-full plan
    /// left out (`SolvePipeline.Solved.unplaced`), listed after the placed ones.
    public init(model: PlanModel, result: SolveResult, seed: UInt64, unplaced: [Event] = []) {
        calendar = model.plan.calendar.id.value
        status = result.status.rawValue
        objective = result.objective
        bound = result.assignment == nil ? nil : result.bound
        self.seed = seed
        stoppedBy = result.stoppedBy
        workers = result.workers
        var entries: [Entry] = []
        for fixed in model.plan.fixedEvents {
            guard let slot = model.fixedSlots[fixed.id.value] else { continue }
            let allDay: Bool
            if case .days = fixed.when.value { allDay = true } else { allDay = false }
            entries.append(
                Self.entry(
                    id: fixed.id.value, title: fixed.title, kind: fixed.kind, allDay: allDay,
                    slot: slot, zone: fixed.venue.zone, clock: model.clock(fixed.venue.zone), fixed: true))
        }
        if let assignment = result.assignment {
            for (a, event) in model.plan.events.enumerated() {
                let slot = model.slot(a, assignment)
                var entry = Self.entry(
                    id: event.id.value, title: event.title, kind: event.kind, allDay: event.duration.value.isAllDay,
                    slot: slot, zone: event.venue.zone, clock: model.clock(event.venue.zone), fixed: false)
                if slot.room >= 0 && slot.room < model.plan.rooms.count {
                    entry.room = model.plan.rooms[slot.room].id.value
                }
                entry.track = event.session.track?.value
                entries.append(entry)
            }
        }
        events = entries.sorted { ($0.startUTC, $0.id) < ($1.startUTC, $1.id) }
        for event in unplaced.sorted(by: { $0.id.value < $1.id.value }) {
            var entry = Entry(
                id: event.id.value, title: event.title, kind: event.kind, allDay: event.duration.value.isAllDay,
                start: "", end: "", timezone: event.venue.zone.identifier, room: nil, fixed: false, startUTC: "",
                endUTC: "")
            entry.status = "unplaced"
            events.append(entry)
        }
    }

    static func entry(
        id: String, title: String, kind: String, allDay: Bool, slot: Slot, zone: Zone, clock: ZoneClock, fixed: Bool
    ) -> Entry {
        let start =
            allDay ? CivilDate(dayNumber: slot.firstDay).description : Timestamp.rfc3339(slot.start, clock: clock)
        let end = allDay ? CivilDate(dayNumber: slot.endDay).description : Timestamp.rfc3339(slot.end, clock: clock)
        return Entry(
            id: id, title: title, kind: kind, allDay: allDay, start: start, end: end, timezone: zone.identifier,
            room: nil, fixed: fixed, startUTC: Timestamp.utc(slot.start), endUTC: Timestamp.utc(slot.end))
    }

    /// The JSON text: keys sorted, two-space indentation, a final newline — byte-identical for
    /// the same schedule.
    public func json() -> String {
        StableJSON.text(self)
    }
}

/// Writing instants as text.
public enum Timestamp {
    /// `2021-07-13T10:00:00+03:00`, with the offset in force at that instant.
    public static func rfc3339(_ utcMinute: Int, clock: ZoneClock) -> String {
        let local = clock.local(atUTCMinute: utcMinute)
        return "\(CivilDate(dayNumber: local.day))T\(LocalTime(minutes: local.minute)!):00"
            + Zone.formatOffset(clock.offset(atUTCMinute: utcMinute))
    }

    /// `2021-07-13T07:00:00Z`.
    public static func utc(_ utcMinute: Int) -> String {
        let day = utcMinute >= 0 ? utcMinute / 1440 : (utcMinute - 1439) / 1440
        return "\(CivilDate(dayNumber: day))T\(LocalTime(minutes: utcMinute - day * 1440)!):00Z"
    }

    /// Reads `2021-07-13T10:00:00+03:00`, `...Z` or `2021-07-13T10:00+03:00` as a UTC minute.
    public static func parseRFC3339(_ text: String) -> Int? {
        guard text.count >= 16, let t = text.firstIndex(of: "T"),
            case .success(let date) = CivilDate.parse(String(text[..<t]))
        else { return nil }
        var rest = text[text.index(after: t)...]
        var offset = 0
        if rest.hasSuffix("Z") {
            rest = rest.dropLast()
        } else if let signIndex = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let sign = rest[signIndex] == "-" ? -1 : 1
            guard case .success(let o) = LocalTime.parse(String(rest[rest.index(after: signIndex)...])) else {
                return nil
            }
            offset = sign * o.minutes
            rest = rest[..<signIndex]
        } else {
            return nil
        }
        let parts = rest.split(separator: ":")
        guard parts.count == 2 || parts.count == 3, let h = Int(parts[0]), let m = Int(parts[1]),
            (0...23).contains(h), (0...59).contains(m), parts.count == 2 || parts[2] == "00"
        else { return nil }
        return date.dayNumber * 1440 + h * 60 + m - offset
    }
}
