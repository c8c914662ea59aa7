/// A wall-clock time of day, `HH:MM`, stored as minutes after midnight. `24:00` is allowed as
/// the end of a range ("until midnight").
public struct LocalTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let minutes: Int

    public init?(minutes: Int) {
        guard (0...1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour) && (0...59).contains(minute) || (hour == 24 && minute == 0) else { return nil }
        self.minutes = hour * 60 + minute
    }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    public static func < (a: LocalTime, b: LocalTime) -> Bool { a.minutes < b.minutes }

    /// Parses `HH:MM` (24-hour clock).
    public static func parse(_ text: String) -> Result<LocalTime, ChronologyProblem> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let h = Int(parts[0]), let m = Int(parts[1])
        else {
            return .failure(
                ChronologyProblem("'\(text)' is not a time; write times as HH:MM on a 24-hour clock, e.g. 08:00"))
        }
        guard let time = LocalTime(hour: h, minute: m) else {
            return .failure(
                ChronologyProblem(
                    "impossible time '\(text)'; hours run 00–23 (24:00 only as an end) and minutes 00–59")
            )
        }
        return .success(time)
    }
}

/// A span of the day, `08:00-18:00`: start inclusive, end exclusive.
public struct LocalTimeRange: Sendable, Hashable, CustomStringConvertible {
    public let start: LocalTime
    public let end: LocalTime

    public init(start: LocalTime, end: LocalTime) {
        self.start = start
        self.end = end
    }

    public var isEmpty: Bool { end <= start }
    public var description: String { "\(start)-\(end)" }

    /// Parses `HH:MM-HH:MM`. An empty range parses; validation decides what to say about it.
    public static func parse(_ text: String) -> Result<LocalTimeRange, ChronologyProblem> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        guard parts.count == 2 else {
            return .failure(
                ChronologyProblem("'\(text)' is not a range of times; write it as HH:MM-HH:MM, e.g. 08:00-18:00"))
        }
        switch (LocalTime.parse(parts[0]), LocalTime.parse(parts[1])) {
        case (.success(let a), .success(let b)): return .success(LocalTimeRange(start: a, end: b))
        case (.failure(let p), _), (_, .failure(let p)): return .failure(p)
        }
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(self.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
