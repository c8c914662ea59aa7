internal import CLibical

/// One iCalendar component (a VCALENDAR, a VEVENT …) owned by Swift.
///
/// The wrapped `icalcomponent*` is owned by a `ComponentHandle` (freed exactly once); no pointer
/// leaves this type, and every call into libical takes `LibICal.locked`.
public final class ICalComponent {
    private let handle: ComponentHandle

    /// Parses iCalendar text into its top-level component.
    ///
    /// - Throws: `ICalError` when libical finds no component in the text.
    public init(parsing text: String) throws {
        handle = try LibICal.locked {
            convene_clear_icalerror()
            guard let parsed = text.withCString({ icalparser_parse_string($0) }) else {
                try LibICal.check("parsing iCalendar text")
                throw ICalError("parsing iCalendar text: no calendar component found")
            }
            return ComponentHandle(owning: parsed)
        }
    }

    /// The component's kind, e.g. "VCALENDAR".
    public var kind: String {
        LibICal.locked { String(cString: icalcomponent_kind_to_string(icalcomponent_isa(handle.pointer))) }
    }

    /// How many direct children of this kind ("VEVENT", "VTIMEZONE") it has.
    public func count(of kind: String) -> Int {
        LibICal.locked { Int(icalcomponent_count_components(handle.pointer, icalcomponent_string_to_kind(kind))) }
    }

    /// The component written back as iCalendar text (CRLF line ends, folded lines).
    public var serialized: String {
        (try? LibICal.locked { try handle.serialized() }) ?? ""
    }
}
