/// A zone's offsets over a span of days, precomputed, so that converting between UTC and
/// local time costs a binary search instead of a tz-database lookup.
///
/// Built from one lookup per day plus a binary search for the minute of each change, so it is
/// exact for any zone whose offset changes at most once a day.
public struct ZoneClock: Sendable {
    public let zone: Zone
    /// (first UTC minute, offset in minutes from then on), sorted.
    private let changes: [(from: Int, offset: Int)]

    /// - Parameters:
    ///   - firstDay, lastDay: the UTC days to cover (a few days of margin are added).
    public init(_ zone: Zone, firstDay: Int, lastDay: Int) {
        self.zone = zone
        var changes: [(Int, Int)] = []
        let start = (firstDay - 3) * 1440
        var offset = zone.offsetMinutes(atUTCMinute: start)
        changes.append((Int.min, offset))
        var day = firstDay - 3
        while day <= lastDay + 3 {
            let next = (day + 1) * 1440
            let nextOffset = zone.offsetMinutes(atUTCMinute: next)
            if nextOffset != offset {
                // The change happened in (day*1440, next]; find its first minute.
                var lo = day * 1440, hi = next
                while hi - lo > 1 {
                    let mid = (lo + hi) / 2
                    if zone.offsetMinutes(atUTCMinute: mid) == offset { lo = mid } else { hi = mid }
                }
                changes.append((hi, nextOffset))
                offset = nextOffset
            }
            day += 1
        }
        self.changes = changes
    }

    /// The offset at a UTC minute.
    public func offset(atUTCMinute t: Int) -> Int {
        var lo = 0, hi = changes.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if changes[mid].from <= t { lo = mid } else { hi = mid - 1 }
        }
        return changes[lo].offset
    }

    /// The local day number and minute of day of a UTC minute.
    public func local(atUTCMinute t: Int) -> (day: Int, minute: Int) {
        let local = t + offset(atUTCMinute: t)
        let day = local >= 0 ? local / 1440 : (local - 1439) / 1440
        return (day, local - day * 1440)
    }

    /// The UTC minute when the local clock reads `minute` on `day`; a reading inside a
    /// daylight-saving gap moves forward by the gap, one in an overlap takes the earlier instant.
    public func utcMinute(day: Int, minute: Int) -> Int {
        let naive = day * 1440 + minute
        let before = offset(atUTCMinute: naive - 1440), after = offset(atUTCMinute: naive + 1440)
        for o in [before, after] where offset(atUTCMinute: naive - o) == o { return naive - o }
        return naive - before
    }
}
