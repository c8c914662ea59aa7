import Foundation
import Chronology

/// The values of the frab schedule format, read from their text.
enum FrabValues {
    /// `2021-12-27T11:00:00+01:00`, `…Z`, with or without seconds (and their fraction).
    static func instant(_ text: String) -> FrabInstant? {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard let t = text.firstIndex(where: { $0 == "T" || $0 == " " }),
            case .success(let date) = CivilDate.parse(String(text[..<t]))
        else { return nil }
        var rest = Substring(text[text.index(after: t)...])
        var offset = 0
        if rest.hasSuffix("Z") || rest.hasSuffix("z") {
            rest = rest.dropLast()
        } else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let parts = rest[rest.index(after: sign)...].split(separator: ":", omittingEmptySubsequences: false)
            let digits = parts.count == 1 && parts[0].count == 4 ? [parts[0].prefix(2), parts[0].suffix(2)] : parts
            guard digits.count == 2, let h = Int(digits[0]), let m = Int(digits[1]), (0...18).contains(h),
                (0...59).contains(m), digits[1].count == 2
            else { return nil }
            offset = (rest[sign] == "-" ? -1 : 1) * (h * 60 + m)
            rest = rest[..<sign]
        } else {
            return nil
        }
        guard let minute = timeOfDay(rest) else { return nil }
        return FrabInstant(utcMinute: date.dayNumber * 1440 + minute - offset, offset: offset)
    }

    /// `11:00`, `11:00:00` or `11:00:00.000` as minutes after midnight; seconds are dropped.
    static func timeOfDay(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count <= 2, parts[1].count == 2,
            let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m)
        else { return nil }
        if parts.count == 3 {
            guard let s = Double(parts[2]), s >= 0, s < 61 else { return nil }
        }
        return h * 60 + m
    }

    /// A date, or the date of a date-time (`2021-12-27`, `2021-12-27T10:00:00+01:00`).
    static func date(_ text: String) -> CivilDate? {
        let text = text.trimmingCharacters(in: .whitespaces)
        let head = text.prefix(10)
        guard case .success(let date) = CivilDate.parse(String(head)) else { return nil }
        return text.count == 10 || instant(text) != nil ? date : nil
    }

    /// `00:30`, `01:30` or `01:30:00` (hours and minutes, maybe seconds) as minutes; nil when it
    /// is no duration, and the seconds left over so they can be reported.
    static func duration(_ text: String) -> (minutes: Int, seconds: Int)? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
            parts[0].count <= 5, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2, h >= 0,
            (0...59).contains(m)
        else { return nil }
        var seconds = 0
        if parts.count == 3 {
            guard let s = Int(parts[2]), (0...59).contains(s) else { return nil }
            seconds = s
        }
        return (h * 60 + m, seconds)
    }

    /// The offset as ISO 8601 writes it: `+01:00`.
    static func offsetText(_ minutes: Int) -> String {
        Zone.formatOffset(minutes)
    }
}
