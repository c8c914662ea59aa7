internal import CLibical

/// Facts about the linked libical, and the single place where its error state becomes a
/// Swift error.
public enum LibICal {
    /// The libical version this binary runs against, e.g. "3.0.16".
    public static var version: String { String(cString: ICAL_VERSION) }

    /// Turns libical's thread-local error number, set by the call just made, into an error.
    static func check(_ what: String) throws {
        let code = convene_icalerrno()
        guard code != ICAL_NO_ERROR else { return }
        let text = icalerror_strerror(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
        convene_clear_icalerror()
        throw ICalError("\(what): \(text)")
    }
}
