internal import CLibical
import Foundation

/// Facts about the linked libical, and the single place where its error state becomes a
/// Swift error.
public enum LibICal {
    /// The libical version this binary runs against, e.g. "3.0.16".
    public static var version: String { String(cString: ICAL_VERSION) }

    private static let lock = NSLock()

    /// Runs `body` alone: libical's built-in zone table and our zone cache are process-wide.
    static func locked<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Turns libical's thread-local error number, set by the call just made, into an error.
    static func check(_ what: String) throws {
        let code = convene_icalerrno()
        guard code != ICAL_NO_ERROR else { return }
        let text = icalerror_strerror(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
        convene_clear_icalerror()
        throw ICalError("\(what): \(text)")
    }
}
