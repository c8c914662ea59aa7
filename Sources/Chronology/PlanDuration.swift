/// How long an event lasts, as a planner writes it: `5d`, `2h`, `90m`, `1h30m`.
///
/// Whole days make an all-day event (dates in its home zone); hours and minutes make a timed
/// event. Mixing days with hours (`1d2h`) is refused: an event is either all-day or timed.
public struct PlanDuration: Sendable, Hashable, CustomStringConvertible {
    public let days: Int
    public let minutes: Int

    public init(days: Int = 0, minutes: Int = 0) {
        self.days = days
        self.minutes = minutes
    }

    public var isAllDay: Bool { days > 0 }

    /// The length in minutes (a day counts as 1440).
    public var totalMinutes: Int { days * 1440 + minutes }

    public var description: String {
        if days > 0 { return "\(days)d" }
        let (h, m) = (minutes / 60, minutes % 60)
        return (h > 0 ? "\(h)h" : "") + (m > 0 || h == 0 ? "\(m)m" : "")
    }

    /// Parses `<n>d`, `<n>w`, or a sum of `<n>h` and `<n>m` (`1h30m`).
    public static func parse(_ text: String) -> Result<PlanDuration, ChronologyProblem> {
        let bad = ChronologyProblem("'\(text)' is not a duration; write a number and a unit: 5d, 2h, 90m or 1h30m")
        var days = 0, minutes = 0, number = "", sawUnit = false
        var units = Set<Character>()
        for ch in text where ch != " " {
            if ch.isASCII && ch.isNumber {
                number.append(ch)
                continue
            }
            guard let n = Int(number), n >= 0, n < 100_000, !units.contains(ch) else { return .failure(bad) }
            switch ch {
            case "w": days += 7 * n
            case "d": days += n
            case "h": minutes += 60 * n
            case "m": minutes += n
            default: return .failure(bad)
            }
            units.insert(ch)
            number = ""
            sawUnit = true
        }
        guard sawUnit, number.isEmpty else { return .failure(bad) }
        if days > 0 && minutes > 0 {
            return .failure(
                ChronologyProblem(
                    "duration '\(text)' mixes days with hours; an event is either all-day (5d) or timed (26h)"))
        }
        if days == 0 && minutes == 0 {
            return .failure(ChronologyProblem("duration '\(text)' is zero; an event must last at least a minute"))
        }
        return .success(PlanDuration(days: days, minutes: minutes))
    }
}
