internal import CLibical
import Foundation

/// Facts about the linked libical, and the single place where its error state becomes a
/// Swift error.
public enum LibICal {
    /// The libical version this binary runs against, e.g. "3.0.16".
    public static var version: String { String(cString: ICAL_VERSION) }

    /// Recursive, so an owner freed inside a locked section (or a locked call made from one)
    /// takes it again safely.
    private static let lock = NSRecursiveLock()
    private static let heldKey = "convene.libical.lock.depth"

    /// Runs `body` alone: libical's built-in zone table, its error state and our zone cache are
    /// process-wide. Every call into libical happens inside it (`assertLocked` checks, in
    /// debug builds).
    static func locked<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        let thread = Thread.current.threadDictionary
        thread[heldKey] = ((thread[heldKey] as? Int) ?? 0) + 1
        defer {
            thread[heldKey] = ((thread[heldKey] as? Int) ?? 1) - 1
            lock.unlock()
        }
        return try body()
    }

    /// Whether this thread is inside `locked`.
    static var isLockedByThisThread: Bool { ((Thread.current.threadDictionary[heldKey] as? Int) ?? 0) > 0 }

    /// Stops a debug build that is about to call libical without the lock.
    static func assertLocked(_ file: StaticString = #fileID, line: UInt = #line) {
        assert(isLockedByThisThread, "libical called without LibICal.locked", file: file, line: line)
    }

    /// Turns libical's thread-local error number, set by the call just made, into an error.
    static func check(_ what: String) throws {
        assertLocked()
        let code = convene_icalerrno()
        guard code != ICAL_NO_ERROR else { return }
        let text = icalerror_strerror(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
        convene_clear_icalerror()
        throw ICalError(operation: what, kind: kind(of: code), libicalText: text)
    }

    private static func kind(of code: icalerrorenum) -> ICalError.Kind {
        switch code {
        case ICAL_BADARG_ERROR: return .badArgument
        case ICAL_NEWFAILED_ERROR: return .newFailed
        case ICAL_ALLOCATION_ERROR: return .allocation
        case ICAL_MALFORMEDDATA_ERROR: return .malformedData
        case ICAL_PARSE_ERROR: return .parse
        case ICAL_INTERNAL_ERROR: return .internal
        case ICAL_FILE_ERROR: return .file
        case ICAL_USAGE_ERROR: return .usage
        case ICAL_UNIMPLEMENTED_ERROR: return .unimplemented
        default: return .unknown
        }
    }
}
