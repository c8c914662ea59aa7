internal import CLibical

/// One iCalendar component (a VCALENDAR, a VEVENT …) owned by Swift.
///
/// The wrapped `icalcomponent*` is freed exactly once, in `deinit`; no pointer leaves this type.
public final class ICalComponent {
    private let handle: OpaquePointer

    private init(owning handle: OpaquePointer) { self.handle = handle }

    deinit { icalcomponent_free(handle) }

    /// Parses iCalendar text into its top-level component.
    ///
    /// - Throws: `ICalError` when libical finds no component in the text.
    public convenience init(parsing text: String) throws {
        convene_clear_icalerror()
        guard let parsed = text.withCString({ icalparser_parse_string($0) }) else {
            try LibICal.check("parsing iCalendar text")
            throw ICalError("parsing iCalendar text: no calendar component found")
        }
        self.init(owning: parsed)
    }

    /// The component's kind, e.g. "VCALENDAR".
    public var kind: String {
        String(cString: icalcomponent_kind_to_string(icalcomponent_isa(handle)))
    }

    /// How many direct children of this kind ("VEVENT", "VTIMEZONE") it has.
    public func count(of kind: String) -> Int {
        let k = icalcomponent_string_to_kind(kind)
        return Int(icalcomponent_count_components(handle, k))
    }

    /// The component written back as iCalendar text (CRLF line ends, folded lines).
    public var serialized: String {
        // icalcomponent_as_ical_string returns a buffer owned by libical's ring; copying it is enough.
        guard let text = icalcomponent_as_ical_string(handle) else { return "" }
        return String(cString: text)
    }
}
