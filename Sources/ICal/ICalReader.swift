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

/// Something in an imported calendar that was skipped or read leniently, at a line of its text.
public struct ICalImportWarning: Sendable, Hashable {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

/// What an imported calendar holds inside a horizon, and what was skipped on the way.
public struct ICalImport: Sendable, Hashable {
    public var occurrences: [ICalOccurrence]
    public var warnings: [ICalImportWarning]
}

/// Reads calendars a plan imports (holidays, fora, a team's busy times) with libical.
public enum ICalReader {
    /// How many recurrence steps one calendar may expand to (`ExpansionBudget`).
    public static let expansionLimit = 200_000
    /// Warnings kept per calendar; the rest are counted in a last one.
    static let warningLimit = 50

    /// Every occurrence that starts before `until` and ends after `from` (seconds since 1970),
    /// and every warning.
    ///
    /// - Parameter expansionLimit: the steps of libical's recurrence iterator the whole file may
    ///   take (an occurrence, or a period of a rule's frequency passed over).
    /// - Throws: `ICalImportError` at the first malformed line or event, or at the RRULE where the
    ///   calendar passes `expansionLimit`.
    /// - Complexity: linear in the text, plus at most `expansionLimit` recurrence steps.
    public static func read(
        _ text: String, from: Int, until: Int,
        expansionLimit: Int = ICalReader.expansionLimit
    ) throws(ICalImportError) -> ICalImport {
        let checked = try StructureCheck.check(text)
        var warnings = checked.warnings
        let occurrences = try LibICal.locked { () throws(ICalImportError) -> [ICalOccurrence] in
            convene_clear_icalerror()
            guard let parsed = checked.text.withCString({ icalparser_parse_string($0) }) else {
                throw ICalImportError(line: 1, message: "libical found no calendar in the file")
            }
            let root = ComponentHandle(owning: parsed)
            // Several VCALENDARs in one file come back inside an XROOT.
            var calendars: [OpaquePointer] = []
            if icalcomponent_isa(root.pointer) == ICAL_VCALENDAR_COMPONENT {
                calendars = [root.pointer]
            } else {
                var calendar = icalcomponent_get_first_component(root.pointer, ICAL_VCALENDAR_COMPONENT)
                while let current = calendar {
                    calendars.append(current)
                    calendar = icalcomponent_get_next_component(root.pointer, ICAL_VCALENDAR_COMPONENT)
                }
            }
            var budget = ExpansionBudget(limit: expansionLimit)
            var result: [ICalOccurrence] = []
            var index = 0
            for calendar in calendars {
                var event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT)
                while let current = event {
                    let lines = index < checked.events.count ? checked.events[index] : EventLines(begin: 1)
                    result += try EventReading.occurrences(
                        of: current, lines: lines, from: from, until: until,
                        budget: &budget, warnings: &warnings)
                    index += 1
                    event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)
                }
            }
            return result
        }
        warnings.sort { $0.line < $1.line }
        if warnings.count > warningLimit {
            let more = warnings.count - warningLimit
            warnings =
                Array(warnings.prefix(warningLimit))
                + [
                    ICalImportWarning(
                        line: warnings[warningLimit].line, message: "\(more) more warnings from here on, not shown")
                ]
        }
        return ICalImport(occurrences: occurrences, warnings: warnings)
    }

    /// The occurrences alone, for callers that report no warnings.
    ///
    /// - Throws: `ICalImportError`, as `read`.
    public static func occurrences(in text: String, from: Int, until: Int) throws(ICalImportError) -> [ICalOccurrence] {
        try read(text, from: from, until: until).occurrences
    }
}
