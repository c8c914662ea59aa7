import Chronology

/// An event's times as its recipient reads them: in the event's own zone and in theirs, each
/// labelled with the zone and its UTC offset.
enum InvitationTimes {
    /// `Tue 13 Jul 2021 10:00–12:00 (UTC+03:00)` in the zone the start and end were written in.
    static func asWritten(start: String, end: String) -> String {
        weekday(start) + ReadableDates.placement(start: start, end: end)
    }

    /// The same instants in `zone`; nil for all-day events (dates are the same everywhere) or
    /// text that is not a local time with its offset.
    static func inZone(start: String, end: String, zone: Zone) -> String? {
        guard let from = utcMinute(start), let to = utcMinute(end) else { return nil }
        let s = stamp(from, zone), e = stamp(to, zone)
        return weekday(s) + ReadableDates.placement(start: s, end: e)
    }

    /// The lines for one placement: the event's zone first, then the person's when it differs.
    static func lines(start: String, end: String, eventZone: String, personZone: String, allDay: Bool) -> [String] {
        if allDay { return ["\(ReadableDates.placement(start: start, end: end)), all day (dates in \(eventZone))"] }
        var lines = ["\(asWritten(start: start, end: end)) — event time, \(eventZone)"]
        if personZone != eventZone, let zone = Zone(personZone), let yours = inZone(start: start, end: end, zone: zone)
        {
            lines.append("\(yours) — your time, \(personZone)")
        }
        return lines
    }

    /// `2021-07-13T10:00:00+03:00` as minutes since 1970 in UTC.
    static func utcMinute(_ text: String) -> Int? {
        guard let stamp = LocalStamp(text) else { return nil }
        var offset = 0
        if stamp.offset != "Z" {
            let sign = stamp.offset.hasPrefix("-") ? -1 : 1
            guard case .success(let o) = LocalTime.parse(String(stamp.offset.dropFirst())) else { return nil }
            offset = sign * o.minutes
        }
        return stamp.date.dayNumber * 1440 + stamp.time.minutes - offset
    }

    static func stamp(_ utcMinute: Int, _ zone: Zone) -> String {
        let local = zone.local(atUTCMinute: utcMinute)
        let time = LocalTime(minutes: local.minuteOfDay).map(\.description) ?? "00:00"
        return "\(local.date)T\(time):00" + Zone.formatOffset(zone.offsetMinutes(atUTCMinute: utcMinute))
    }

    static func weekday(_ text: String) -> String {
        guard let stamp = LocalStamp(text) else { return "" }
        return ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][stamp.date.weekday - 1] + " "
    }
}
