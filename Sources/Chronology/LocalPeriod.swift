/// A stretch of wall-clock time in some zone: whole days (`2021-12-16`, `2021-12-16..2021-12-17`)
/// or hours on one day (`2021-12-16 12:00-14:00`). A room's closed times and a person's
/// unavailability are written this way; the zone comes from whoever the period belongs to.
public enum LocalPeriod: Sendable, Hashable, CustomStringConvertible {
    case days(DateSpan)
    case hours(CivilDate, LocalTimeRange)

    public var description: String {
        switch self {
        case .days(let span): return span.description
        case .hours(let date, let range): return "\(date) \(range)"
        }
    }

    /// The days the period touches.
    public var dates: DateSpan {
        switch self {
        case .days(let span): return span
        case .hours(let date, _): return DateSpan(day: date)
        }
    }

    /// Parses a date, a `..` range of dates (or months, quarters), or `YYYY-MM-DD HH:MM-HH:MM`.
    public static func parse(_ text: String) -> Result<LocalPeriod, ChronologyProblem> {
        let trimmed = Substring(text).trimmingSpaces()
        let parts = trimmed.split(separator: " ", maxSplits: 1).map { Substring($0).trimmingSpaces() }
        guard parts.count == 2 else { return DateSpan.parse(trimmed).map(LocalPeriod.days) }
        switch (CivilDate.parse(parts[0]), LocalTimeRange.parse(parts[1])) {
        case (.success(let date), .success(let range)):
            guard !range.isEmpty else {
                return .failure(
                    ChronologyProblem("the hours \(range) of '\(text)' are empty: the end is not after the start"))
            }
            return .success(.hours(date, range))
        case (.failure(let p), _), (_, .failure(let p)):
            return .failure(
                ChronologyProblem(
                    "'\(text)' is not a period: \(p.description); write a date (2021-12-16), a range of dates "
                        + "(2021-12-16..2021-12-17) or a date and hours (2021-12-16 12:00-14:00)"))
        }
    }

    /// The UTC minutes the period covers on `clock`: from its first local moment to the one
    /// after its last.
    public func instants(on clock: ZoneClock) -> Range<Int> {
        switch self {
        case .days(let span):
            return clock.utcMinute(
                day: span.first.dayNumber, minute: 0)..<clock.utcMinute(day: span.last.dayNumber + 1, minute: 0)
        case .hours(let date, let range):
            return clock.utcMinute(
                day: date.dayNumber, minute: range.start.minutes)..<clock.utcMinute(
                    day: date.dayNumber, minute: range.end.minutes)
        }
    }
}

extension Zone {
    /// Whether the wall clock in this zone ever reads `minuteOfDay` on `date`; false in a
    /// daylight-saving gap (02:30 on the night the clocks jump from 02:00 to 03:00).
    public func exists(_ date: CivilDate, minuteOfDay: Int) -> Bool {
        let instant = utcMinute(of: date, minuteOfDay: minuteOfDay)
        let back = local(atUTCMinute: instant)
        return back.date == date && back.minuteOfDay == minuteOfDay
    }

    /// The message for a reading that does not exist, or nil when it does.
    public func gapProblem(_ date: CivilDate, minuteOfDay: Int) -> String? {
        guard minuteOfDay < 1440, !exists(date, minuteOfDay: minuteOfDay) else { return nil }
        let time = LocalTime(minutes: minuteOfDay).map(\.description) ?? "\(minuteOfDay)"
        return "\(date) \(time) does not exist in \(identifier): the clocks jump forward over it that night"
    }
}
