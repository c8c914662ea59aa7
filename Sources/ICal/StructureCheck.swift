/// Where one VEVENT of a calendar and its own properties are in the file.
struct EventLines: Sendable, Hashable {
    /// The line of its `BEGIN:VEVENT`.
    var begin: Int
    /// The lines of its own properties (not those of a VALARM inside it), by upper-cased name.
    var properties: [String: [Int]] = [:]
    /// The lines among them whose value is empty.
    var emptyValues: Set<Int> = []

    /// The line of the event's first property of this name, if it has one; with `empty`, the
    /// first whose value is empty, if there is one.
    func line(of name: String, empty: Bool = false) -> Int? {
        guard let lines = properties[name] else { return nil }
        return empty ? lines.first(where: emptyValues.contains) ?? lines.first : lines.first
    }
}

/// A calendar whose content lines all have the shape RFC 5545 gives them.
struct CheckedCalendar: Sendable {
    /// The logical lines libical is to read, one per CRLF-ended line: unfolded, with the lines
    /// that were only warned about left out.
    var text: String
    /// Every VEVENT directly inside a VCALENDAR, in the order of the file.
    var events: [EventLines]
    var warnings: [ICalImportWarning]
}

/// A line-by-line check of an iCalendar file's shape, before libical reads it, so that a
/// malformed file gets an error at its line (libical does not report lines).
///
/// Lines are unfolded first (`ContentLines`), so a line folded before its colon, as khal and
/// RFC 7986's examples write them, is judged whole. A vendor's line (`X-…`) that is not
/// `NAME:value`, such as Apple's bare `X-APPLE-RADIUS=49.9`, is left out with a warning: readers
/// must ignore experimental properties they do not know (RFC 5545 §3.8.8.2), and other readers
/// tolerate these. Any other malformed line is an error.
enum StructureCheck {
    /// Checks the text and gives libical's input and the events' lines.
    ///
    /// - Throws: `ICalImportError` at the first line that is not a content line, at a BEGIN/END
    ///   that does not match, or at line 1 when there is no VCALENDAR.
    /// - Complexity: O(n) in the text's length.
    static func check(_ text: String) throws(ICalImportError) -> CheckedCalendar {
        var stack: [(name: String, line: Int)] = []
        var events: [EventLines] = []
        var event: EventLines?
        var warnings: [ICalImportWarning] = []
        var kept: [String] = []
        var sawCalendar = false
        for line in ContentLines.unfold(text) {
            if let control = line.text.unicodeScalars.first(where: isControl) {
                let code = String(control.value, radix: 16, uppercase: true)
                throw ICalImportError(
                    line: line.line,
                    message:
                        "the line holds the control character U+\(String(repeating: "0", count: 4 - code.count))\(code)"
                )
            }
            let parts: ContentLineParts
            switch ContentLineParts.split(line.text) {
            case .success(let split): parts = split
            case .failure(let problem):
                if isVendorLine(line.text) {
                    warnings.append(
                        ICalImportWarning(
                            line: line.line,
                            message: "'\(line.text.prefix(40))' is not NAME:value; this vendor line is ignored"))
                    continue
                }
                throw ICalImportError(line: line.line, message: describe(problem, line.text))
            }
            let value = parts.value.uppercased()
            switch parts.name {
            case "BEGIN":
                if stack.isEmpty && value != "VCALENDAR" {
                    throw ICalImportError(
                        line: line.line, message: "BEGIN:\(value) outside a VCALENDAR: this is not an iCalendar file")
                }
                if value == "VCALENDAR" { sawCalendar = true }
                if value == "VEVENT" && stack.count == 1 { event = EventLines(begin: line.line) }
                stack.append((value, line.line))
            case "END":
                guard let (open, openedAt) = stack.popLast() else {
                    throw ICalImportError(line: line.line, message: "END:\(value) without a BEGIN")
                }
                guard open == value else {
                    throw ICalImportError(
                        line: line.line, message: "END:\(value) closes BEGIN:\(open) of line \(openedAt)")
                }
                if stack.count == 1, let finished = event, value == "VEVENT" {
                    events.append(finished)
                    event = nil
                }
            default:
                if stack.isEmpty {
                    if isVendorLine(line.text) {  // Podio adds X-COMMENT after END:VCALENDAR
                        warnings.append(
                            ICalImportWarning(
                                line: line.line, message: "\(parts.name) outside the VCALENDAR is ignored"))
                        continue
                    }
                    throw ICalImportError(
                        line: line.line, message: "\(parts.name) outside BEGIN:VCALENDAR … END:VCALENDAR")
                }
                if stack.count == 2, event != nil {
                    event?.properties[parts.name, default: []].append(line.line)
                    if parts.value.isEmpty { event?.emptyValues.insert(line.line) }
                    // libical reads 20210504T250000Z as 01:00 the next day, and 20210230 as 2 March.
                    if ["DTSTART", "DTEND", "RECURRENCE-ID"].contains(parts.name), isOutOfRange(parts.value) {
                        throw ICalImportError(
                            line: line.line, message: "\(parts.name) '\(parts.value)' is not a real date or time")
                    }
                }
                if parts.name == "TZOFFSETFROM" || parts.name == "TZOFFSETTO", !isUTCOffset(parts.value) {
                    throw ICalImportError(
                        line: line.line,
                        message: "\(parts.name) '\(parts.value.prefix(20))' is not a UTC offset (+HHMM or -HHMM)")
                }
            }
            kept.append(line.text)
        }
        if let (open, openedAt) = stack.last {
            throw ICalImportError(line: openedAt, message: "BEGIN:\(open) is never closed")
        }
        guard sawCalendar else {
            throw ICalImportError(line: 1, message: "no BEGIN:VCALENDAR: this is not an iCalendar file")
        }
        return CheckedCalendar(text: kept.joined(separator: "\r\n") + "\r\n", events: events, warnings: warnings)
    }

    static func describe(_ problem: ContentLineParts.Problem, _ text: String) -> String {
        switch problem {
        case .noValue: return "a content line needs NAME:value; found '\(text.prefix(40))'"
        case .badName(let name): return "'\(name.prefix(40))' is not a property name"
        case .badParameter(let parameter): return "the parameter '\(parameter.prefix(40))' is not NAME=value"
        }
    }

    /// A line whose name starts with `X-`: a vendor's experimental property.
    static func isVendorLine(_ text: String) -> Bool {
        text.prefix(2).uppercased() == "X-" && text.count > 2
    }

    /// Control characters RFC 5545 allows in no value (all but the tab), and NUL, which would
    /// end the text libical reads.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
    }

    /// Whether a DATE (`20210504`) or DATE-TIME (`20210504T100000`, with `Z` or not) has a month,
    /// day, hour, minute or second out of range; values of any other shape are left to libical.
    static func isOutOfRange(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count else { return nil }
            var value = 0
            for s in scalars[range] {
                guard ("0"..."9").contains(s) else { return nil }
                value = value * 10 + Int(s.value) - 48
            }
            return value
        }
        guard
            scalars.count == 8
                || ((scalars.count == 15 || (scalars.count == 16 && scalars[15] == "Z")) && scalars[8] == "T"),
            let year = number(0..<4), let month = number(4..<6), let day = number(6..<8)
        else { return false }
        let monthLengths = [
            31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
        ]
        guard (1...12).contains(month), (1...monthLengths[month - 1]).contains(day) else { return true }
        guard scalars.count > 8 else { return false }
        guard let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15) else {
            return false
        }
        return hour > 23 || minute > 59 || second > 60  // 60: a leap second
    }

    /// `+HHMM` or `-HHMM`, optionally with seconds, hours below 24 and minutes below 60
    /// (RFC 5545 §3.3.14).
    static func isUTCOffset(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 5 || scalars.count == 7, scalars[0] == "+" || scalars[0] == "-" else { return false }
        let digits = scalars.dropFirst().compactMap {
            $0.properties.numericType == .decimal && $0.isASCII ? Int($0.value) - 48 : nil
        }
        guard digits.count == scalars.count - 1 else { return false }
        let hours = digits[0] * 10 + digits[1], minutes = digits[2] * 10 + digits[3]
        let seconds = digits.count == 6 ? digits[4] * 10 + digits[5] : 0
        return hours < 24 && minutes < 60 && seconds < 60
    }
}
