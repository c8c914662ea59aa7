internal import CLibical

/// One VEVENT libical parsed, turned into occurrences, with errors and warnings at the event's
/// lines.
enum EventReading {
    /// The properties that decide when an event happens: libical failing to read one of them
    /// is an error; failing on any other (RFC 9253's LINK, say) only a warning.
    static let timingProperties: Set<String> = [
        "DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "EXRULE", "RECURRENCE-ID",
    ]

    /// The event's occurrences that reach into `from..<until`.
    ///
    /// An event with no DTSTART has no time to black out: it is skipped with a warning (RFC 5545
    /// requires DTSTART only in a calendar without METHOD, and other readers accept it).
    ///
    /// - Throws: `ICalImportError` when a timing property is malformed, the event ends before
    ///   it starts or after the year 9999, or its RRULE passes the budget.
    static func occurrences(
        of event: OpaquePointer, lines: EventLines, from: Int, until: Int, budget: inout ExpansionBudget,
        warnings: inout [ICalImportWarning]
    ) throws(ICalImportError) -> [ICalOccurrence] {
        let summary = icalcomponent_get_summary(event).map { String(cString: $0) } ?? ""
        var complaint = icalcomponent_get_first_property(event, ICAL_XLICERROR_PROPERTY)
        while let current = complaint {
            let text =
                icalproperty_get_xlicerror(current).map { String(cString: $0) } ?? "a property libical cannot read"
            let name = propertyName(inComplaint: text)
            let line = name.flatMap { lines.line(of: $0, empty: text.hasPrefix("No value")) } ?? lines.begin
            guard let name, !timingProperties.contains(name) else {
                throw ICalImportError(line: line, message: "malformed event: \(text)")
            }
            warnings.append(
                ICalImportWarning(line: line, message: "libical cannot read this \(name) (\(text)); it is ignored"))
            complaint = icalcomponent_get_next_property(event, ICAL_XLICERROR_PROPERTY)
        }
        let start = resolved(
            icalcomponent_get_dtstart(event), event: event, property: ICAL_DTSTART_PROPERTY,
            line: lines.line(of: "DTSTART") ?? lines.begin, warnings: &warnings)
        guard icaltime_is_null_time(start) == 0 else {
            warnings.append(
                ICalImportWarning(
                    line: lines.begin,
                    message: "event '\(summary)' has no DTSTART, so it blacks out nothing; it is skipped"))
            return []
        }
        let endLine = lines.line(of: "DTEND") ?? lines.line(of: "DURATION") ?? lines.begin
        var end = resolved(
            icalcomponent_get_dtend(event), event: event, property: ICAL_DTEND_PROPERTY, line: endLine,
            warnings: &warnings)
        if icaltime_is_null_time(end) != 0 {
            end = start
            if start.is_date == 1 { icaltime_adjust(&end, 1, 0, 0, 0) }  // an all-day event with no end lasts one day
        }
        // RFC 5545 years have four digits; libical wraps a DURATION such as P999999999999999999W.
        guard end.year <= 9999 else {
            throw ICalImportError(line: endLine, message: "event '\(summary)' ends after the year 9999")
        }
        let isDate = start.is_date == 1
        let length = RecurrenceExpansion.seconds(end) - RecurrenceExpansion.seconds(start)
        guard length >= 0 else {
            throw ICalImportError(line: endLine, message: "event '\(summary)' ends before it starts")
        }

        var starts = [start]
        if let property = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY) {
            let rule = icalproperty_get_rrule(property)
            let line = lines.line(of: "RRULE") ?? lines.begin
            if RecurrenceExpansion.neverMatches(rule) {
                warnings.append(
                    ICalImportWarning(
                        line: line, message: "the RRULE asks for days no month it names has; only DTSTART is imported"))
            } else {
                starts = try RecurrenceExpansion.starts(
                    of: rule, dtstart: start, length: length, from: from, until: until,
                    budget: &budget, line: line)
            }
        }
        return starts.compactMap { s -> ICalOccurrence? in
            let begin = RecurrenceExpansion.seconds(s)
            guard begin < until, begin + length > from || (length == 0 && begin >= from) else { return nil }
            if isDate {
                var e = s
                icaltime_adjust(&e, Int32(clamping: length / 86_400), 0, 0, 0)  // whole days: a date ignores seconds
                return ICalOccurrence(summary: summary, span: .dates(start: date(s), end: date(e)))
            }
            return ICalOccurrence(summary: summary, span: .instants(start: begin, end: begin + length))
        }
    }

    /// The property libical names in an X-LIC-ERROR text, such as "Can't parse as DATE-TIME value
    /// in DTSTART property", "No value for RDATE property", "Invalid VALUE type for property
    /// RELATED-TO: VALUE=UID" or "Parse error in property name: LINK".
    static func propertyName(inComplaint text: String) -> String? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "." }).map(String.init)
        func word(_ i: Int) -> String? { words.indices.contains(i) ? words[i] : nil }
        for (i, current) in words.enumerated() where current == "property" {
            let name: String?
            if word(i + 1) == "name" {
                name = word(i + 2)
            } else if word(i - 1) == "for" {
                name = word(i + 1)
            } else if word(i - 2) == "in" || word(i - 2) == "for" {
                name = word(i - 1)
            } else {
                name = nil
            }
            if let name, ContentLineParts.isName(name) { return name.uppercased() }
        }
        return nil
    }

    /// The time with its zone: the file's VTIMEZONE if libical resolved it, else the built-in
    /// zone of that IANA name. A TZID that is neither is read as UTC, with a warning; floating
    /// times are read as UTC.
    static func resolved(
        _ time: icaltimetype, event: OpaquePointer, property kind: icalproperty_kind, line: Int,
        warnings: inout [ICalImportWarning]
    ) -> icaltimetype {
        var t = time
        guard t.zone == nil, t.is_date == 0, icaltime_is_null_time(t) == 0,
            let property = icalcomponent_get_first_property(event, kind),
            let parameter = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER),
            let tzid = icalparameter_get_tzid(parameter)
        else { return t }
        let name = String(cString: tzid)
        guard let zone = builtinZone(named: name) else {
            warnings.append(
                ICalImportWarning(
                    line: line,
                    message: "TZID '\(name)' has no VTIMEZONE in the file and is no IANA zone; the time is read as UTC")
            )
            return t
        }
        _ = icaltime_set_timezone(&t, zone)
        return t
    }

    /// libical's zone of an IANA name. A globally unique TZID (RFC 5545 §3.2.19), such as
    /// Mozilla Lightning's "/mozilla.org/20070129_1/America/New_York", ends in one: the longest
    /// such ending is taken, as Python icalendar does.
    static func builtinZone(named name: String) -> OpaquePointer? {
        if let zone = icaltimezone_get_builtin_timezone(name) { return zone }
        guard name.hasPrefix("/") else { return nil }
        let parts = name.split(separator: "/")
        for first in parts.indices.dropFirst() {
            if let zone = icaltimezone_get_builtin_timezone(parts[first...].joined(separator: "/")) { return zone }
        }
        return nil
    }

    static func date(_ t: icaltimetype) -> ICalDate {
        ICalDate(year: Int(t.year), month: Int(t.month), day: Int(t.day))
    }
}
