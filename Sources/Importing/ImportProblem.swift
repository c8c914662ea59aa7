import Diagnostics

/// Where in an imported programme something is: a line and column (XML), or a JSON path.
public enum InputPlace: Sendable, Hashable, CustomStringConvertible {
    /// `schedule.xml:42:7`.
    case position(SourceLocation)
    /// `schedule.json: $.schedule.conference.days[1]`.
    case jsonPath(file: String, path: String)
    /// A file or folder as a whole: `out/`.
    case file(String)

    public var description: String {
        switch self {
        case .file(let path): path
        case .position(let location): "\(location)"
        case .jsonPath(let file, let path): "\(file): \(path)"
        }
    }
}

/// One problem found in an imported programme, printed as `place: error: message; hint`, in the
/// style of `Diagnostic`, with a JSON path where JSON gives no line.
public struct ImportProblem: Sendable, Hashable, CustomStringConvertible, Error {
    public var severity: Diagnostic.Severity
    public var place: InputPlace
    public var message: String
    public var hint: String?

    public init(_ severity: Diagnostic.Severity, at place: InputPlace, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.place = place
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var text = "\(place): \(severity.rawValue): \(message)"
        if let hint { text += "; \(hint)" }
        return text
    }
}

/// The problems of one import, in the order they were found.
final class ImportLog {
    private(set) var problems: [ImportProblem] = []

    func error(_ place: InputPlace, _ message: String, hint: String? = nil) {
        problems.append(ImportProblem(.error, at: place, message, hint: hint))
    }

    func warning(_ place: InputPlace, _ message: String, hint: String? = nil) {
        problems.append(ImportProblem(.warning, at: place, message, hint: hint))
    }

    var hasErrors: Bool { problems.contains { $0.severity == .error } }
}
