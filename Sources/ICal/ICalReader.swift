internal import CLibical

/// When an imported event happens: whole dates, or UTC instants.
public enum ICalSpan: Sendable, Hashable {
    /// Dates, the end exclusive, as (year, month, day).
    case dates(start: ICalDate, end: ICalDate)
    /// Seconds since 1970, UTC, the end exclusive.
    case instants(start: Int, end: Int)
}

public struct ICalDate: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }
}

/// One occurrence of an imported event (recurrences expanded).
public struct ICalOccurrence: Sendable, Hashable {
    public var summary: String
    public var span: ICalSpan
}

/// A problem in an imported calendar, at a line of its text.
public struct ICalImportError: Error, Sendable, Hashable {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

/// Reads calendars a plan imports (holidays, fora, a team's busy times) with libical.
public enum ICalReader {
    /// Every occurrence that starts before `until` and ends after `from` (seconds since 1970).
    ///
    /// - Throws: `ICalImportError` at the first malformed line or event.
    /// - Complexity: linear in the text, plus one step per recurrence up to `until`.
    public static func occurrences(in text: String, from: Int, until: Int) throws(ICalImportError) -> [ICalOccurrence] {
        let eventLines = try StructureCheck.eventLines(text)
        return try LibICal.locked { () throws(ICalImportError) -> [ICalOccurrence] in
            convene_clear_icalerror()
            guard let parsed = text.withCString({ icalparser_parse_string($0) }) else {
                throw ICalImportError(line: 1, message: "libical found no calendar in the file")
            }
            let root = ComponentHandle(owning: parsed)
            var result: [ICalOccurrence] = []
            var index = 0
            var event = icalcomponent_get_first_component(root.pointer, ICAL_VEVENT_COMPONENT)
            while let current = event {
                let line = index < eventLines.count ? eventLines[index] : 1
                result += try occurrences(of: current, line: line, from: from, until: until)
                index += 1
                event = icalcomponent_get_next_component(root.pointer, ICAL_VEVENT_COMPONENT)
            }
            return result
        }
    }

    private static func occurrences(of event: OpaquePointer, line: Int, from: Int, until: Int) throws(ICalImportError) -> [ICalOccurrence] {
        if icalcomponent_count_errors(event) > 0, let error = icalcomponent_get_first_property(event, ICAL_XLICERROR_PROPERTY),
           let text = icalproperty_get_xlicerror(error) {
            throw ICalImportError(line: line, message: "malformed event: \(String(cString: text))")
        }
        let summary = icalcomponent_get_summary(event).map { String(cString: $0) } ?? ""
        let start = resolved(icalcomponent_get_dtstart(event), event: event, property: ICAL_DTSTART_PROPERTY)
        guard icaltime_is_null_time(start) == 0 else { throw ICalImportError(line: line, message: "event '\(summary)' has no DTSTART") }
        var end = resolved(icalcomponent_get_dtend(event), event: event, property: ICAL_DTEND_PROPERTY)
        if icaltime_is_null_time(end) != 0 {
            end = start
            if start.is_date == 1 { icaltime_adjust(&end, 1, 0, 0, 0) }  // an all-day event with no end lasts one day
        }
        let isDate = start.is_date == 1
        let length = seconds(end) - seconds(start)
        guard length >= 0 else { throw ICalImportError(line: line, message: "event '\(summary)' ends before it starts") }

        var starts: [icaltimetype] = []
        if let rule = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY) {
            let recurrence = icalproperty_get_rrule(rule)
            guard let iterator = icalrecur_iterator_new(recurrence, start) else {
                throw ICalImportError(line: line, message: "event '\(summary)' has an RRULE libical cannot expand")
            }
            defer { icalrecur_iterator_free(iterator) }
            var next = icalrecur_iterator_next(iterator)
            // A cap, so that an endless rule in a far-future horizon cannot run away.
            while icaltime_is_null_time(next) == 0, seconds(next) < until, starts.count < 100_000 {
                starts.append(next)
                next = icalrecur_iterator_next(iterator)
            }
        } else {
            starts = [start]
        }
        return starts.compactMap { s -> ICalOccurrence? in
            let begin = seconds(s)
            guard begin < until, begin + length > from || (length == 0 && begin >= from) else { return nil }
            if isDate {
                var e = s
                icaltime_adjust(&e, Int32(length / 86_400), 0, 0, 0)  // whole days: a date ignores seconds
                return ICalOccurrence(summary: summary, span: .dates(start: date(s), end: date(e)))
            }
            return ICalOccurrence(summary: summary, span: .instants(start: begin, end: begin + length))
        }
    }

    /// The time with its zone: the file's VTIMEZONE if libical resolved it, else the built-in
    /// zone of that IANA name; floating times are read as UTC.
    private static func resolved(_ time: icaltimetype, event: OpaquePointer, property kind: icalproperty_kind) -> icaltimetype {
        var t = time
        guard t.zone == nil, t.is_date == 0, icaltime_is_null_time(t) == 0,
              let property = icalcomponent_get_first_property(event, kind),
              let parameter = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER),
              let tzid = icalparameter_get_tzid(parameter),
              let zone = icaltimezone_get_builtin_timezone(tzid)
        else { return t }
        _ = icaltime_set_timezone(&t, zone)
        return t
    }

    private static func seconds(_ t: icaltimetype) -> Int {
        Int(icaltime_as_timet_with_zone(t, t.zone ?? icaltimezone_get_utc_timezone()))
    }

    private static func date(_ t: icaltimetype) -> ICalDate {
        ICalDate(year: Int(t.year), month: Int(t.month), day: Int(t.day))
    }
}

/// A line-by-line check of an iCalendar file's shape, before libical reads it, so that a
/// malformed file gets an error at its line (libical does not report lines).
enum StructureCheck {
    /// The line of each `BEGIN:VEVENT`, in order.
    static func eventLines(_ text: String) throws(ICalImportError) -> [Int] {
        var stack: [(String, Int)] = []
        var events: [Int] = []
        var lineNumber = 0
        var sawCalendar = false
        // "\r\n" is one Character in Swift, so lines split on any newline character.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix(" ") || line.hasPrefix("\t") { continue }  // blank or folded
            guard let colon = line.firstIndex(of: ":") else {
                throw ICalImportError(line: lineNumber, message: "a content line needs NAME:value; found '\(line.prefix(40))'")
            }
            let name = line[..<colon].split(separator: ";", maxSplits: 1).first.map(String.init)?.uppercased() ?? ""
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                throw ICalImportError(line: lineNumber, message: "'\(name)' is not a property name")
            }
            let value = line[line.index(after: colon)...].uppercased()
            if name == "BEGIN" {
                if value == "VCALENDAR" { sawCalendar = true }
                if value == "VEVENT" { events.append(lineNumber) }
                stack.append((value, lineNumber))
            } else if name == "END" {
                guard let (open, openedAt) = stack.popLast() else {
                    throw ICalImportError(line: lineNumber, message: "END:\(value) without a BEGIN")
                }
                guard open == value else {
                    throw ICalImportError(line: lineNumber, message: "END:\(value) closes BEGIN:\(open) of line \(openedAt)")
                }
            }
        }
        if let (open, openedAt) = stack.last {
            throw ICalImportError(line: openedAt, message: "BEGIN:\(open) is never closed")
        }
        guard sawCalendar else { throw ICalImportError(line: 1, message: "no BEGIN:VCALENDAR: this is not an iCalendar file") }
        return events
    }
}
