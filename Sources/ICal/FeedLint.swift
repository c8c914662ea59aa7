/// Checks a feed's text against docs/feed-rules.md, the rules subscribers' clients rely on.
/// Publishing runs it on every feed before writing a release; tests run it on every feed.
public enum FeedLint {
    /// Every rule the text breaks, in words; empty when the feed is correct.
    public static func problems(in text: String) -> [String] {
        var problems: [String] = []
        let bytes = Array(text.utf8)
        // 1. CRLF line ends, at most 75 octets a line, folding that never splits a character.
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A {
                lines.append(current)
                current = []
                i += 2
                continue
            }
            if bytes[i] == 0x0A || bytes[i] == 0x0D {
                problems.append("line \(lines.count + 1) does not end in CRLF"); return problems
            }
            current.append(bytes[i])
            i += 1
        }
        if !current.isEmpty { problems.append("the last line does not end in CRLF") }
        for (n, line) in lines.enumerated() {
            if line.count > 75 { problems.append("line \(n + 1) is \(line.count) octets, over 75") }
            if String(validating: line, as: UTF8.self) == nil {
                problems.append("line \(n + 1) splits a UTF-8 character")
            }
        }
        // Unfold into content lines.
        var content: [String] = []
        for line in lines {
            let text = String(decoding: line, as: UTF8.self)
            if text.hasPrefix(" "), !content.isEmpty {
                content[content.count - 1] += text.dropFirst()
            } else {
                content.append(text)
            }
        }
        problems += structure(content)
        return problems
    }

    /// The name (before `;` or `:`), the parameters and the value of a content line.
    static func split(_ line: String) -> (name: String, parameters: String, value: String) {
        var inQuotes = false
        var colon = line.endIndex
        for index in line.indices {
            if line[index] == "\"" { inQuotes.toggle() }
            if line[index] == ":" && !inQuotes { colon = index; break }
        }
        let head = line[..<colon]
        let value = colon < line.endIndex ? String(line[line.index(after: colon)...]) : ""
        let name = head.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        let parameters = head.count > name.count ? String(head.dropFirst(name.count + 1)) : ""
        return (name, parameters, value)
    }

    static func structure(_ lines: [String]) -> [String] {
        var problems: [String] = []
        let parsed = lines.map(split)
        func count(_ name: String, _ value: String? = nil) -> Int {
            parsed.filter { $0.name == name && (value == nil || $0.value == value) }.count
        }
        if count("BEGIN", "VCALENDAR") != 1 { problems.append("there must be exactly one VCALENDAR") }
        if count("VERSION", "2.0") != 1 { problems.append("VERSION:2.0 is missing") }
        if count("PRODID") != 1 { problems.append("PRODID is missing") }
        if count("METHOD", "PUBLISH") != 1 { problems.append("METHOD:PUBLISH is missing") }
        if count("ATTENDEE") > 0 { problems.append("ATTENDEE must not appear with METHOD:PUBLISH") }
        for name in ["NAME", "X-WR-CALNAME", "DESCRIPTION", "X-PUBLISHED-TTL"] where count(name) == 0 {
            problems.append("the calendar has no \(name)")
        }
        if !parsed.contains(where: { $0.name == "REFRESH-INTERVAL" && $0.parameters.contains("VALUE=DURATION") }) {
            problems.append("REFRESH-INTERVAL;VALUE=DURATION is missing")
        }
        // Zones: each TZID used has exactly one VTIMEZONE with a STANDARD or DAYLIGHT block.
        var defined: [String: Int] = [:], used = Set<String>()
        var inZone = false, zoneId = "", zoneBlocks = 0, inObservance = false
        var inEvent = false, event: [(name: String, parameters: String, value: String)] = []
        var uids: [String: Int] = [:]
        for line in parsed {
            switch (line.name, line.value) {
            case ("BEGIN", "VTIMEZONE"): inZone = true; zoneId = ""; zoneBlocks = 0
            case ("END", "VTIMEZONE"):
                inZone = false
                defined[zoneId, default: 0] += 1
                if zoneBlocks == 0 { problems.append("VTIMEZONE \(zoneId) has no STANDARD or DAYLIGHT block") }
            case ("BEGIN", "STANDARD"), ("BEGIN", "DAYLIGHT"): zoneBlocks += 1; inObservance = true
            case ("END", "STANDARD"), ("END", "DAYLIGHT"): inObservance = false
            case ("TZID", _) where inZone && !inObservance: zoneId = line.value
            case (let name, _)
            where inZone && !name.hasPrefix("X-")
                && !(inObservance ? zoneObservanceProperties : zoneProperties).contains(name):
                problems.append("VTIMEZONE \(zoneId) holds \(name), which RFC 5545 does not define there")
            case ("BEGIN", "VEVENT"): inEvent = true; event = []
            case ("END", "VEVENT"):
                inEvent = false
                problems += checkEvent(event)
                if let uid = event.first(where: { $0.name == "UID" })?.value { uids[uid, default: 0] += 1 }
            default:
                if inEvent { event.append(line) }
            }
            if let tzid = parameter("TZID", in: line.parameters) { used.insert(tzid) }
        }
        for tzid in used.sorted() {
            if tzid.hasPrefix("/") || tzid.contains("\"") { problems.append("TZID \(tzid) is not a bare IANA name") }
            if defined[tzid, default: 0] != 1 {
                problems.append("TZID \(tzid) has \(defined[tzid, default: 0]) VTIMEZONEs, not one")
            }
        }
        for zone in defined.keys.sorted() where zone.hasPrefix("/") {
            problems.append("VTIMEZONE \(zone) has a prefixed TZID")
        }
        for (uid, n) in uids.sorted(by: { $0.key < $1.key }) where n > 1 {
            problems.append("UID \(uid) appears \(n) times")
        }
        return problems
    }

    /// What RFC 5545 §3.6.5 lets a VTIMEZONE hold, besides X- properties (TZUNTIL, which
    /// libical's truncation adds, is RFC 7808's and strict readers refuse it).
    static let zoneProperties: Set<String> = ["TZID", "LAST-MODIFIED", "TZURL"]
    /// What a VTIMEZONE's STANDARD or DAYLIGHT block may hold.
    static let zoneObservanceProperties: Set<String> = [
        "DTSTART", "TZOFFSETTO", "TZOFFSETFROM", "RRULE", "COMMENT", "RDATE", "TZNAME",
    ]

    static func parameter(_ name: String, in parameters: String) -> String? {
        for part in parameters.split(separator: ";") where part.hasPrefix(name + "=") {
            return String(part.dropFirst(name.count + 1))
        }
        return nil
    }

    static func checkEvent(_ lines: [(name: String, parameters: String, value: String)]) -> [String] {
        var problems: [String] = []
        let uid = lines.first { $0.name == "UID" }?.value ?? "?"
        for required in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "ORGANIZER", "SUMMARY", "STATUS"]
        where !lines.contains(where: { $0.name == required }) {
            problems.append("event \(uid) has no \(required)")
        }
        for line in lines where ["DTSTART", "DTEND", "DTSTAMP", "LAST-MODIFIED"].contains(line.name) {
            let isDate = line.parameters.contains("VALUE=DATE") && !line.parameters.contains("VALUE=DATE-TIME")
            if isDate {
                if line.parameters.contains("TZID") {
                    problems.append("event \(uid): \(line.name) is a DATE with a TZID")
                }
            } else if parameter("TZID", in: line.parameters) == nil && !line.value.hasSuffix("Z") {
                problems.append("event \(uid): \(line.name) is a floating time")
            }
            if ["DTSTAMP", "LAST-MODIFIED"].contains(line.name) && !line.value.hasSuffix("Z") {
                problems.append("event \(uid): \(line.name) is not UTC")
            }
            if parameter("TZID", in: line.parameters) == "UTC" {
                problems.append("event \(uid): \(line.name) uses TZID=UTC instead of Z")
            }
        }
        if let start = lines.first(where: { $0.name == "DTSTART" }),
            let end = lines.first(where: { $0.name == "DTEND" }),
            start.parameters.contains("VALUE=DATE"), end.value <= start.value
        {
            problems.append("event \(uid): all-day DTEND \(end.value) is not after DTSTART \(start.value)")
        }
        return problems
    }
}
