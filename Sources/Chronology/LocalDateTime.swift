/// A wall-clock date and time in an event's home zone, `2021-12-15T19:00`, used for pins and
/// fixed timed events. The zone comes from the event, never from the text.
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let date: CivilDate
    public let time: LocalTime

    public init(date: CivilDate, time: LocalTime) {
        self.date = date
        self.time = time
    }

    public var description: String { "\(date)T\(time)" }
    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { (a.date, a.time) < (b.date, b.time) }

    /// Parses `YYYY-MM-DDTHH:MM`.
    public static func parse(_ text: String) -> Result<LocalDateTime, ChronologyProblem> {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else {
            return .failure(
                ChronologyProblem(
                    "'\(text)' is not a date and time; "
                        + "write YYYY-MM-DDTHH:MM in the event's zone, e.g. 2021-12-15T19:00"
                ))
        }
        switch (CivilDate.parse(parts[0]), LocalTime.parse(parts[1])) {
        case (.success(let d), .success(let t)):
            guard t.minutes < 1440 else {
                return .failure(ChronologyProblem("'\(text)': 24:00 may only end a range; write the next day at 00:00"))
            }
            return .success(LocalDateTime(date: d, time: t))
        case (.failure(let p), _), (_, .failure(let p)): return .failure(p)
        }
    }
}
