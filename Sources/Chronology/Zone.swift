import Foundation

/// An IANA time zone (`Asia/Seoul`), the only kind of zone a plan may name.
///
/// Offsets come from the system's tz database (Debian's `tzdata`), looked up on the actual
/// instant, so daylight-saving changes, half-hour zones and the date line are exact.
public struct Zone: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let identifier: String
    private let timeZone: TimeZone

    /// The zone with this IANA name, or nil when the tz database does not know it.
    /// Abbreviations (`EST`) and fixed offsets (`GMT+5`) are refused: they hide daylight saving.
    public init?(_ identifier: String) {
        guard Zone.knownIdentifiers.contains(identifier), let tz = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.timeZone = tz
    }

    public static let utc = Zone("UTC") ?? Zone(uncheckedUTC: ())

    private init(uncheckedUTC: Void) {
        identifier = "UTC"
        timeZone = TimeZone(secondsFromGMT: 0) ?? TimeZone.current
    }

    public var description: String { identifier }
    public static func < (a: Zone, b: Zone) -> Bool { a.identifier < b.identifier }
    public static func == (a: Zone, b: Zone) -> Bool { a.identifier == b.identifier }
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

    /// Every region name the system tz database knows (`Area/Location`, links included), plus
    /// `UTC`. Read from `tzdata.zi`, the database's own index; Foundation's list comes from
    /// ICU and lacks current names such as `Asia/Kolkata`.
    public static let knownIdentifiers: Set<String> = {
        var names: Set<String> = ["UTC", "Etc/UTC"]
        for root in ["/usr/share/zoneinfo", "/usr/share/lib/zoneinfo", "/var/db/timezone/zoneinfo"] {
            guard let index = try? String(contentsOfFile: root + "/tzdata.zi", encoding: .utf8) else { continue }
            for line in index.split(separator: "\n") {
                let fields = line.split(separator: " ")
                if fields.first == "Z", fields.count > 1 { names.insert(String(fields[1])) }
                if fields.first == "L", fields.count > 2 { names.insert(String(fields[2])) }
            }
            break
        }
        if names.count <= 2 { names.formUnion(TimeZone.knownTimeZoneIdentifiers) }
        // Abbreviations and bare offsets (EST, GMT+5) hide daylight saving: keep region names.
        return names.filter { $0 == "UTC" || ($0.contains("/") && !$0.hasPrefix("Etc/GMT")) }
    }()

    /// The offset from UTC, in minutes, at an instant given as minutes since 1970-01-01T00:00Z.
    public func offsetMinutes(atUTCMinute utcMinute: Int) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utcMinute) * 60)) / 60
    }

    /// The local wall-clock reading of an instant.
    public func local(atUTCMinute utcMinute: Int) -> (date: CivilDate, minuteOfDay: Int) {
        let local = utcMinute + offsetMinutes(atUTCMinute: utcMinute)
        let day = local >= 0 ? local / 1440 : (local - 1439) / 1440
        return (CivilDate(dayNumber: day), local - day * 1440)
    }

    /// The instant when the wall clock in this zone reads `minuteOfDay` on `date`.
    ///
    /// In a daylight-saving gap (a reading that never happens) it returns the instant the clock
    /// jumps past it, shifted by the gap, as RFC 5545 prescribes; in an overlap, the earlier one.
    public func utcMinute(of date: CivilDate, minuteOfDay: Int) -> Int {
        let naive = date.dayNumber * 1440 + minuteOfDay
        // Try the offsets in force a day either side; the first that round-trips wins.
        let before = offsetMinutes(atUTCMinute: naive - 1440)
        let after = offsetMinutes(atUTCMinute: naive + 1440)
        for offset in [before, after] {
            let candidate = naive - offset
            if offsetMinutes(atUTCMinute: candidate) == offset { return candidate }
        }
        // A gap: the reading does not exist; interpret it with the offset before the change.
        return naive - before
    }

    /// `UTC+09:00`, `UTC-04:00`, `UTC+05:30` for the offset at an instant.
    public func offsetLabel(atUTCMinute utcMinute: Int) -> String {
        Zone.formatOffset(offsetMinutes(atUTCMinute: utcMinute), prefix: "UTC")
    }

    /// `+09:00` style, for RFC 3339.
    public static func formatOffset(_ minutes: Int, prefix: String = "") -> String {
        let sign = minutes < 0 ? "-" : "+"
        let a = abs(minutes)
        let h = a / 60, m = a % 60
        return prefix + sign + (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}
