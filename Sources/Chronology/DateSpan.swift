/// A run of whole days, first and last included: an event's window, a blackout, a forum.
///
/// Written in plans as a date (`2021-05-17`), a month (`2021-05`), a quarter (`2021-Q4`), a
/// year (`2021`), or a range of any of those (`2021-07..2021-09`, `2021-07-01..2021-09-30`),
/// where a range runs from the first day of its start to the last day of its end.
public struct DateSpan: Sendable, Hashable, CustomStringConvertible {
    public let first: CivilDate
    public let last: CivilDate

    public init(first: CivilDate, last: CivilDate) {
        self.first = first
        self.last = last
    }

    public init(day: CivilDate) { self.init(first: day, last: day) }

    /// Number of days, both ends counted; zero or less when the span ends before it starts.
    public var dayCount: Int { last.dayNumber - first.dayNumber + 1 }
    public var endsBeforeItStarts: Bool { last < first }

    public func contains(_ date: CivilDate) -> Bool { first <= date && date <= last }
    public func contains(_ other: DateSpan) -> Bool { first <= other.first && other.last <= last }
    public func overlaps(_ other: DateSpan) -> Bool { first <= other.last && other.first <= last }

    public var description: String {
        first == last ? first.description : "\(first)..\(last)"
    }

    /// Parses a date, month, quarter, year or a `..` range of them.
    public static func parse(_ text: String) -> Result<DateSpan, ChronologyProblem> {
        let trimmed = Substring(text).trimmingSpaces()
        if let range = trimmed.range(of: "..") {
            let from = Substring(trimmed[..<range.lowerBound]).trimmingSpaces()
            let to = Substring(trimmed[range.upperBound...]).trimmingSpaces()
            switch (parsePeriod(from), parsePeriod(to)) {
            case (.success(let a), .success(let b)): return .success(DateSpan(first: a.first, last: b.last))
            case (.failure(let p), _), (_, .failure(let p)): return .failure(p)
            }
        }
        return parsePeriod(trimmed)
    }

    /// One period: `YYYY-MM-DD`, `YYYY-MM`, `YYYY-Qn` or `YYYY`.
    static func parsePeriod(_ text: String) -> Result<DateSpan, ChronologyProblem> {
        let help =
            "write a date (2021-05-17), a month (2021-05), a quarter (2021-Q4) or a range (2021-07-01..2021-09-30)"
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, first.count == 4, let year = Int(first), first.allSatisfy(\.isASCII) else {
            return .failure(ChronologyProblem("'\(text)' is not a date or period; \(help)"))
        }
        switch parts.count {
        case 1:
            return .success(
                DateSpan(
                    first: CivilDate(year: year, month: 1, day: 1)!, last: CivilDate(year: year, month: 12, day: 31)!))
        case 2 where parts[1].uppercased().hasPrefix("Q"):
            guard let q = Int(parts[1].dropFirst()), (1...4).contains(q) else {
                return .failure(ChronologyProblem("'\(text)' names no quarter; quarters are Q1 to Q4"))
            }
            let startMonth = (q - 1) * 3 + 1
            return .success(
                DateSpan(
                    first: CivilDate(year: year, month: startMonth, day: 1)!,
                    last: CivilDate(
                        year: year, month: startMonth + 2, day: CivilDate.daysIn(month: startMonth + 2, year: year))!))
        case 2:
            guard parts[1].count == 2, let m = Int(parts[1]), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return .failure(ChronologyProblem("'\(text)' is not a date or period; \(help)"))
            }
            guard (1...12).contains(m) else {
                return .failure(ChronologyProblem("impossible month '\(text)': there is no month \(m)"))
            }
            return .success(
                DateSpan(
                    first: CivilDate(year: year, month: m, day: 1)!,
                    last: CivilDate(year: year, month: m, day: CivilDate.daysIn(month: m, year: year))!))
        case 3:
            return CivilDate.parse(text).map { DateSpan(day: $0) }
        default:
            return .failure(ChronologyProblem("'\(text)' is not a date or period; \(help)"))
        }
    }
}
