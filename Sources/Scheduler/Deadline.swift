import Foundation

/// When a whole command must be done: `--time-limit` seconds after it started, on the
/// monotonic clock (a wall-clock change does not move it).
///
/// Reading, model building, solving and explaining all read the same deadline, so the limit
/// bounds the command, not only the search. It is a cap: searches stop on work they count
/// (nodes) and read the clock only to stop early when the cap comes first.
public struct Deadline: Sendable {
    /// Seconds on `ProcessInfo.systemUptime`'s clock.
    public let end: Double

    /// The deadline `seconds` from now.
    public init(seconds: Double) {
        end = Self.now() + max(0, seconds)
    }

    /// Seconds left, never negative.
    public var remaining: Double { max(0, end - Self.now()) }

    public var isPast: Bool { Self.now() >= end }

    /// `seconds` before this one: what is left for the work after it (printing, writing).
    public func reserving(_ seconds: Double) -> Deadline {
        Deadline(end: end - max(0, seconds))
    }

    private init(end: Double) { self.end = end }

    static func now() -> Double { ProcessInfo.processInfo.systemUptime }
}
