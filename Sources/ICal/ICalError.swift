/// A failure reported by libical, turned into a Swift error in one place (`LibICal.check`).
public struct ICalError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
