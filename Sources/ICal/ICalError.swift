/// A failure in the libical wrapper: what was being done, and libical's own error kind when
/// libical reported one. libical's error state becomes this error in one place
/// (`LibICal.check`).
public struct ICalError: Error, Sendable, CustomStringConvertible {
    /// libical's error kinds (its `icalerrorenum`), for the failures it reports itself.
    public enum Kind: String, Sendable {
        case badArgument = "BADARG"
        case newFailed = "NEWFAILED"
        case allocation = "ALLOCATION"
        case malformedData = "MALFORMEDDATA"
        case parse = "PARSE"
        case `internal` = "INTERNAL"
        case file = "FILE"
        case usage = "USAGE"
        case unimplemented = "UNIMPLEMENTED"
        case unknown = "UNKNOWN"
    }

    /// What was being done: "parsing iCalendar text", "loading the trimmed zone Asia/Seoul".
    public let operation: String
    /// libical's error kind, or nil when the wrapper found the problem itself.
    public let kind: Kind?
    /// The whole message: the operation, and libical's words when it gave some.
    public let message: String

    /// A problem the wrapper itself found (no libical error state).
    public init(_ message: String) {
        operation = message
        kind = nil
        self.message = message
    }

    /// A failure libical reported while doing `operation`.
    init(operation: String, kind: Kind, libicalText: String) {
        self.operation = operation
        self.kind = kind
        message = "\(operation): \(libicalText)"
    }

    public var description: String { message }
}
