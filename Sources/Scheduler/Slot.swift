/// One possible placement of an activity: a start and an end, as UTC instants and as the local
/// days they cover in the activity's home zone.
///
/// The solver compares instants for timed rules and days for date rules, so both are kept.
public struct Slot: Sendable, Hashable {
    /// Minutes since 1970-01-01T00:00Z.
    public var start: Int
    /// Minutes since 1970-01-01T00:00Z, exclusive.
    public var end: Int
    /// The local day (days since 1970-01-01) the activity starts on, in its home zone.
    public var firstDay: Int
    /// The local day after the last day it touches (exclusive, as iCalendar writes all-day ends).
    public var endDay: Int
    /// The room or channel (an index into the plan's rooms), or -1 when none is needed.
    public var room: Int

    public init(start: Int, end: Int, firstDay: Int, endDay: Int, room: Int = -1) {
        self.start = start
        self.end = end
        self.firstDay = firstDay
        self.endDay = endDay
        self.room = room
    }

    /// Whether `self` lies inside `outer` on the given clock.
    @inlinable
    public func lies(inside outer: Slot, scale: TimeScale) -> Bool {
        startCoordinate(scale) >= outer.startCoordinate(scale) && endCoordinate(scale) <= outer.endCoordinate(scale)
    }

    /// Whether the two slots share any instant (or local day, on the `.days` scale), after
    /// widening this one by `padding` minutes (or days).
    @inlinable
    public func overlaps(_ other: Slot, padding: Int = 0, scale: TimeScale = .minutes) -> Bool {
        scale == .days
            ? firstDay < other.endDay + padding && other.firstDay < endDay + padding
            : start < other.end + padding && other.start < end + padding
    }
}

/// Which clock a rule between two activities reads.
public enum TimeScale: String, Sendable, Hashable, Codable {
    /// Local calendar days (all-day events, gaps in days).
    case days
    /// UTC instants in minutes.
    case minutes
}

extension Slot {
    @inlinable
    public func startCoordinate(_ scale: TimeScale) -> Int { scale == .days ? firstDay : start }

    @inlinable
    public func endCoordinate(_ scale: TimeScale) -> Int { scale == .days ? endDay : end }
}
