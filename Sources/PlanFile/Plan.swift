import Chronology
import Diagnostics

/// A validated plan: everything `convene` knows about a calendar, with the source position of
/// every value. Built by `PlanLoader`; once built, every reference in it resolves and every
/// date, zone and duration is real.
public struct Plan: Sendable {
    public var calendar: CalendarInfo
    public var audiences: [Audience] = [] { didSet { indexCache = PlanIndexCache() } }
    public var people: [Person] = [] { didSet { indexCache = PlanIndexCache() } }
    public var places: [Place] = [] { didSet { indexCache = PlanIndexCache() } }
    /// External fora and other events whose dates are given, not chosen.
    public var fixedEvents: [FixedEvent] = [] { didSet { indexCache = PlanIndexCache() } }
    /// The events Convene places.
    public var events: [Event] = [] { didSet { indexCache = PlanIndexCache() } }
    public var blackouts: [Blackout] = []
    /// The summit whose sessions are timetabled, if the plan has one.
    public var summit: SummitInfo?
    public var rooms: [Room] = [] { didSet { indexCache = PlanIndexCache() } }
    public var tracks: [Track] = [] { didSet { indexCache = PlanIndexCache() } }
    /// Every file read, the root first, in the order they were read.
    public var files: [String] = []
    /// Built on first use by `index`; replaced by an empty one whenever an indexed list changes.
    var indexCache = PlanIndexCache()

    public init(calendar: CalendarInfo) { self.calendar = calendar }
}

/// The calendar's metadata: the root plan file's `calendar:` section.
public struct CalendarInfo: Sendable {
    public enum Granularity: Sendable, Hashable {
        /// Events start on whole days.
        case day
        /// Events start on multiples of this many minutes.
        case minutes(Int)
    }

    public var id: Located<String>
    public var name: String
    public var organiser: Organiser?
    public var zone: Zone
    public var horizon: Located<DateSpan>
    public var granularity: Granularity
    /// The least time between one person's in-person events in different places.
    public var travelBuffer: Located<PlanDuration>?
    /// At most this many placed events may start in one week (the team's capacity).
    public var maxEventsPerWeek: Located<Int>?
    /// At most this many placed events may start in one calendar month (local to each event).
    public var maxEventsPerMonth: Located<Int>? = nil
    public var url: String?
    public var description: String?
    public var location: SourceLocation
}

public struct Organiser: Sendable, Hashable {
    public var name: String
    public var email: String?
}

/// A named group of people who follow the same events, such as the Steering Committee.
public struct Audience: Sendable {
    public var id: Located<String>
    public var name: String
    public var members: [Located<String>]
    /// Zones where the audience is, beyond its members' own zones.
    public var zones: [Located<Zone>]
    /// At most this many of the events it follows may start in one month.
    public var maxEventsPerMonth: Located<Int>? = nil
    /// How its members hear of changes, unless a member says otherwise.
    public var notify: Located<NotifyPreference>? = nil
}

/// How a person hears of changes to their events: calendar invitations by email
/// (`convene notify`), their personal feed, or both.
public enum NotifyPreference: String, Sendable, Hashable, CaseIterable {
    case invitations, feed, both

    /// Whether invitations are sent by email.
    public var wantsInvitations: Bool { self != .feed }
}

/// Someone who takes part in events: a Steering Committee member, a speaker, a staff member.
public struct Person: Sendable {
    public var id: Located<String>
    public var name: String
    public var organisation: String?
    public var role: String?
    public var email: String?
    public var zone: Located<Zone>
    public var workingHours: Located<LocalTimeRange>?
    /// Days or hours (in the person's zone) they cannot attend anything.
    public var unavailable: [Located<LocalPeriod>]
    /// When they arrive and leave (a travelling speaker), in their zone: nothing they attend
    /// may start before `arrives` or end after `departs`.
    public var arrives: Located<LocalDateTime>? = nil
    public var departs: Located<LocalDateTime>? = nil
    /// A soft wish: all their sessions within this span, first start to last end.
    public var keepClose: Located<PlanDuration>? = nil
    /// How they hear of changes; nil: as their audiences say (`Plan.notifyPreference(of:)`).
    public var notify: Located<NotifyPreference>? = nil
    /// Dates they spend in another zone; their working hours and local hours follow it there.
    public var travel: [Trip] = []
}

/// "From the 12th to the 18th of December this person is in Seoul."
public struct Trip: Sendable {
    /// The dates, on the destination's clock.
    public var dates: Located<DateSpan>
    public var zone: Located<Zone>
    public var location: SourceLocation
}

/// A venue and its time zone.
public struct Place: Sendable {
    public var id: Located<String>
    public var name: String
    public var zone: Located<Zone>
    public var address: String?
}

/// Where an event happens: its home zone, and a venue or a virtual link.
public struct Venue: Sendable {
    /// The home zone: the one written, else the place's, else the calendar's.
    public var zone: Zone
    /// The zone as written in the plan, if it was.
    public var declaredZone: Located<Zone>?
    public var place: Located<String>?
    public var isVirtual: Bool
    public var link: String?
}

/// An event whose dates are fixed outside the team's control (G7, UNGA, COP26, a holiday).
public struct FixedEvent: Sendable {
    public enum When: Sendable, Hashable {
        /// Whole days in the venue's zone.
        case days(DateSpan)
        /// A timed event, local to the venue's zone.
        case timed(start: LocalDateTime, duration: PlanDuration)
    }

    public var id: Located<String>
    public var title: String
    public var kind: String
    public var when: Located<When>
    public var venue: Venue
    public var format: String?
    public var url: String?
    public var description: String?
    public var location: SourceLocation
}

/// "This event starts at least `minGap` (and at most `maxGap`) after `event` ends (or starts)."
public struct Dependency: Sendable {
    public enum Anchor: String, Sendable, Hashable {
        /// Measured from the end of the other event.
        case end
        /// Measured from the start of the other event (start-to-start).
        case start
    }

    public var event: Located<String>
    public var minGap: Located<PlanDuration>?
    public var maxGap: Located<PlanDuration>?
    public var from: Dependency.Anchor
    public var location: SourceLocation
}

/// "The whole event lies between 08:00 and 18:00 local time in each of these zones."
public struct LocalHoursRule: Sendable {
    public var between: Located<LocalTimeRange>
    public var zones: [Located<Zone>]
    public var audiences: [Located<String>]
    public var location: SourceLocation
}

/// A soft wish about where in its window an event lands.
public enum Preference: Sendable, Hashable {
    case early
    case late
    case target(CivilDate)
}

/// "Keep this event within `within` of `event`" — a soft wish, penalised per minute beyond.
public struct Nearness: Sendable {
    public var event: Located<String>
    public var within: PlanDuration?
    public var location: SourceLocation
}

/// "Keep this event at least `atLeast` away from `event`" — spacing between related events,
/// a soft wish penalised per minute closer.
public struct Spacing: Sendable {
    public var event: Located<String>
    public var atLeast: PlanDuration
    public var location: SourceLocation
}

/// An event Convene places: an Open Gov Week, a roundtable, the Summit.
public struct Event: Sendable {
    public var id: Located<String>
    public var title: String
    public var kind: String
    public var description: String?
    public var duration: Located<PlanDuration>
    public var window: Located<DateSpan>
    public var venue: Venue
    public var participants: [Located<String>]
    public var audiences: [Located<String>]
    public var after: [Dependency]
    public var avoid: [Located<String>]
    public var during: Located<String>?
    public var localHours: [LocalHoursRule]
    public var pinned: Located<Pin>?
    public var prefer: Located<Preference>?
    /// Fixed or placed events this one should be close to (a soft wish).
    public var near: [Nearness]
    /// Related events this one should keep a distance from (a soft wish).
    public var spacing: [Spacing]
    public var weight: Int
    /// How much placing it matters when the year is over-full (`priority`, or `optional: true`
    /// with its `weight`); nil for an event that must be placed.
    public var priority: Located<Int>? = nil
    public var location: SourceLocation
    /// Timetabling keys; empty for events that are not summit sessions.
    public var session: SessionDetails = SessionDetails()
    /// Where the event stands in the series it was generated from (`repeat:`), if it was.
    public var occurrence: SeriesOccurrence? = nil
    /// The `repeat:` as read; `SeriesExpansion` replaces the event by its occurrences.
    var repetition: Repetition? = nil

    /// Everyone who must be there: participants, speakers and the moderator.
    public var people: [Located<String>] {
        participants + session.speakers + (session.moderator.map { [$0] } ?? [])
    }

    /// A start the team has announced: a date for all-day events, a date and time for timed ones.
    public enum Pin: Sendable, Hashable {
        case date(CivilDate)
        case dateTime(LocalDateTime)

        public var date: CivilDate {
            switch self {
            case .date(let d): return d
            case .dateTime(let dt): return dt.date
            }
        }
    }
}

/// Days no event may touch: holidays, a retreat, weekends, the days of an imported calendar.
public struct Blackout: Sendable {
    public var id: Located<String>
    public var name: String
    public var dates: [Located<DateSpan>]
    public var weekends: Bool
    /// An .ics file whose events are blacked out (read by the feeds module).
    public var ics: Located<String>?
    /// Events it applies to; empty means every event Convene places.
    public var appliesTo: [Located<String>]
    /// The zone whose calendar days are meant: the one written, else the calendar's.
    public var zone: Zone
    public var declaredZone: Zone?
    public var location: SourceLocation
    /// Fixed events (holidays) whose dates it blacks out, as written; their dates are in `dates`.
    public var fixed: [Located<String>] = []
    /// Kinds of fixed events (`holiday`) whose dates it blacks out, as written.
    public var kinds: [Located<String>] = []
}

/// The summit a plan timetables: its days, daily bounds in the host zone, and breaks.
public struct SummitInfo: Sendable {
    public var days: Located<DateSpan>
    public var hours: Located<LocalTimeRange>
    public var breaks: [Located<LocalTimeRange>]
    /// The least time between two sessions of one speaker or moderator.
    public var minPause: PlanDuration
    public var location: SourceLocation
}

/// A room or a virtual channel.
public struct Room: Sendable {
    public var id: Located<String>
    public var name: String
    public var capacity: Int
    public var isVirtual: Bool
    /// What the room offers that a session may require: `step-free`, `stream`, a capacity
    /// class such as `theatre`; any tag the plan uses. A virtual channel always has `stream`.
    public var features: [Located<String>] = []
    /// The languages the room's booths interpret into.
    public var interpretation: [Located<String>] = []
    /// Times the room cannot be used, in the calendar's zone.
    public var closed: [Located<LocalPeriod>] = []

    public init(id: Located<String>, name: String, capacity: Int, isVirtual: Bool) {
        self.id = id
        self.name = name
        self.capacity = capacity
        self.isVirtual = isVirtual
    }

    /// Whether the room offers `feature`.
    public func has(_ feature: String) -> Bool {
        (feature == "stream" && isVirtual) || features.contains { $0.value == feature }
    }
}

/// A thread of sessions that never run in parallel.
public struct Track: Sendable {
    public var id: Located<String>
    public var name: String
    public var color: String?
}

/// What makes an event a summit session.
public struct SessionDetails: Sendable {
    public enum Role: String, Sendable, Hashable {
        case parallel, plenary, opening, closing
    }

    public var role: Located<Role>?
    public var track: Located<String>?
    public var attendance: Located<Int>?
    public var virtualOnly: Bool = false
    public var speakers: [Located<String>] = []
    public var moderator: Located<String>?
    public var objectives: [String] = []
    public var runOfShow: [RunOfShowItem] = []
    /// The language it is held in (`en`, `ko`), as conference systems record it.
    public var language: Located<String>?
    /// Room features it needs (`step-free`, `stream`, a capacity class).
    public var requires: [Located<String>] = []
    /// Languages it must be interpreted into; its room must have booths for each.
    public var interpretation: [Located<String>] = []
    /// The room it is held in, whatever else the timetable wishes.
    public var pinnedRoom: Located<String>?

    public init() {}

    /// Whether the event is a session at all (and so needs a room when the plan has rooms).
    public var isSession: Bool {
        role != nil || track != nil || attendance != nil || !speakers.isEmpty || moderator != nil || virtualOnly
            || !requires.isEmpty || !interpretation.isEmpty || pinnedRoom != nil
    }
}

/// One line of a session's run of show: minutes from its start, and what happens.
public struct RunOfShowItem: Sendable, Hashable {
    public var at: Int
    public var item: String
}
