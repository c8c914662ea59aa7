/// Dates and times as a person reads them: an all-day event shows its last day, never the
/// exclusive end iCalendar and schedule.json keep.
///
/// `15–17 Dec 2021`, `30 Nov – 2 Dec 2021`, `30 Dec 2021 – 2 Jan 2022`; timed events as
/// `13 Jul 2021 10:00–12:00 (UTC+03:00)`.
public enum ReadableDates {
    /// The days from `first` to `last`, both included.
    public static func days(_ first: CivilDate, _ last: CivilDate) -> String {
        let last = max(first, last)
        if first == last { return day(first) }
        if first.year != last.year { return "\(day(first)) – \(day(last))" }
        if first.month != last.month { return "\(first.day) \(month(first)) – \(day(last))" }
        return "\(first.day)–\(last.day) \(month(last)) \(last.year)"
    }

    /// The days an all-day event covers, from its first day and its exclusive end.
    public static func days(first: CivilDate, exclusiveEnd: CivilDate) -> String {
        days(first, exclusiveEnd.adding(days: -1))
    }

    /// A placement as schedule.json writes it — `YYYY-MM-DD` dates with an exclusive end, or
    /// RFC 3339 local times with their offset — for a person. Text it cannot read is returned
    /// as written, so nothing is lost.
    public static func placement(start: String, end: String) -> String {
        if case .success(let first) = CivilDate.parse(start), case .success(let after) = CivilDate.parse(end) {
            return days(first: first, exclusiveEnd: after)
        }
        guard let s = LocalStamp(start), let e = LocalStamp(end) else { return "\(start) – \(end)" }
        func utc(_ stamp: LocalStamp) -> String { stamp.offset == "Z" ? "UTC" : "UTC\(stamp.offset)" }
        let sameOffset = s.offset == e.offset
        let startText = "\(day(s.date)) \(s.time)" + (sameOffset ? "" : " (\(utc(s)))")
        let endText = (s.date == e.date ? "\(e.time)" : "\(day(e.date)) \(e.time)") + (sameOffset ? "" : " (\(utc(e)))")
        return startText + (s.date == e.date ? "–" : " – ") + endText + (sameOffset ? " (\(utc(s)))" : "")
    }

    static func day(_ date: CivilDate) -> String { "\(date.day) \(month(date)) \(date.year)" }

    static func month(_ date: CivilDate) -> String { String(CivilDate.monthName(date.month).prefix(3)) }
}
