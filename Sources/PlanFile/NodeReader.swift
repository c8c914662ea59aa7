import Chronology
import Diagnostics

/// Collects the problems found while reading a plan, so that one run reports all of them.
final class DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []

    func error(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(.error(at: location, message, hint: hint))
    }

    func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// The unknown-key errors among `diagnostics`, so that a CSV file's header can be checked
    /// against the keys of the section's own reader.
    private(set) var unknownKeys: [Diagnostic] = []

    func unknownKey(_ diagnostic: Diagnostic) {
        unknownKeys.append(diagnostic)
        add(diagnostic)
    }
}

/// Reads one YAML mapping against the keys it may have: reports unknown keys (with a
/// did-you-mean) as soon as it is made, and missing required keys when they are asked for.
struct MappingReader {
    let pairs: [(key: String, keyLocation: SourceLocation, value: PlanNode)]
    let location: SourceLocation
    /// What the mapping is, for messages: "event 'summit'", "the calendar section".
    let subject: String
    let log: DiagnosticLog

    /// Returns nil (and reports it) when `node` is not a mapping.
    init?(_ node: PlanNode, subject: String, keys: [String], log: DiagnosticLog) {
        guard case .mapping(let pairs, let location) = node else {
            if case .scalar(_, _, .cell(let cell)) = node {
                log.add(Self.notAMapping(cell, subject: subject))
            } else {
                log.error(
                    node.location, "expected \(subject) as a mapping of keys to values, found \(node.kindDescription)")
            }
            return nil
        }
        self.pairs = pairs
        self.location = location
        self.subject = subject
        self.log = log
        for pair in pairs where !keys.contains(pair.key) {
            log.unknownKey(
                .error(
                    at: pair.keyLocation, "unknown key '\(pair.key)' in \(subject)",
                    hint: Suggestion.didYouMean(pair.key, among: keys)
                        ?? "the keys here are: \(keys.joined(separator: ", "))"))
        }
    }

    /// A CSV cell where a mapping belongs: its YAML problem, or how to write a mapping in a cell.
    private static func notAMapping(_ cell: CSVCell, subject: String) -> Diagnostic {
        if case .failure(let problem)? = cell.flow { return problem }
        return .error(
            at: cell.location, "expected \(subject) as a mapping of keys to values, found the text '\(cell.text)'",
            hint: "in a CSV cell write it as a YAML flow mapping in braces, e.g. {key: value, other: value}")
    }

    func optional(_ key: String) -> PlanNode? {
        guard let node = pairs.first(where: { $0.key == key })?.value, !node.isNull else { return nil }
        return node
    }

    func has(_ key: String) -> Bool { optional(key) != nil }

    func required(_ key: String) -> PlanNode? {
        if let node = optional(key) { return node }
        if let pair = pairs.first(where: { $0.key == key }) {
            log.error(
                pair.keyLocation, "'\(key)' in \(subject) has no value", hint: "give it a value or remove the key")
        } else {
            log.error(location, "missing required field '\(key)' in \(subject)")
        }
        return nil
    }

    // MARK: Typed values

    func string(_ key: String, required: Bool = false) -> Located<String>? {
        guard let node = required ? self.required(key) : optional(key) else { return nil }
        return NodeValue.string(node, field: key, log: log)
    }

    func bool(_ key: String) -> Bool? {
        guard let node = optional(key) else { return nil }
        guard case .scalar(let text, let l, _) = node else {
            log.error(node.location, "'\(key)' must be true or false, found \(node.kindDescription)")
            return nil
        }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            log.error(l, "'\(key)' must be true or false, found '\(text)'")
            return nil
        }
    }

    func integer(_ key: String, in range: ClosedRange<Int>) -> Located<Int>? {
        guard let node = optional(key), let text = NodeValue.string(node, field: key, log: log) else { return nil }
        guard let n = Int(text.value) else {
            log.error(text.location, "'\(key)' must be a whole number, found '\(text.value)'")
            return nil
        }
        guard range.contains(n) else {
            log.error(text.location, "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), found \(n)")
            return nil
        }
        return Located(n, at: text.location)
    }

    /// One of a fixed set of words, such as `notify: feed`.
    func choice<T: RawRepresentable & CaseIterable & Sendable>(_ key: String, _ type: T.Type) -> Located<T>?
    where T.RawValue == String {
        guard let text = string(key) else { return nil }
        if let value = T(rawValue: text.value) { return Located(value, at: text.location) }
        let words = T.allCases.map(\.rawValue)
        log.error(
            text.location, "'\(key)' must be one of \(words.joined(separator: ", ")), found '\(text.value)'",
            hint: Suggestion.didYouMean(text.value, among: words))
        return nil
    }

    /// A list of text values; a single value is accepted as a list of one.
    func strings(_ key: String) -> [Located<String>] {
        guard let node = optional(key) else { return [] }
        return NodeValue.list(node).compactMap { NodeValue.string($0, field: key, log: log) }
    }

    /// A value parsed by a Chronology parser; a parse problem is reported at the value.
    func parsed<T>(
        _ key: String, required: Bool = false, _ parse: (String) -> Result<T, ChronologyProblem>
    ) -> Located<T>? {
        guard let text = string(key, required: required) else { return nil }
        return NodeValue.parsed(text, parse, log: log)
    }

    func zone(_ key: String, required: Bool = false) -> Located<Zone>? {
        guard let text = string(key, required: required) else { return nil }
        return NodeValue.zone(text, log: log)
    }

    func zones(_ key: String) -> [Located<Zone>] {
        strings(key).compactMap { NodeValue.zone($0, log: log) }
    }

    /// A list of mappings, e.g. the `events:` section.
    func list(_ key: String) -> [PlanNode] {
        guard let node = optional(key) else { return [] }
        if case .scalar(_, _, .cell(let cell)) = node { return cell.items }
        guard case .sequence(let items, _) = node else {
            log.error(
                node.location, "'\(key)' must be a list (lines starting with '- '), found \(node.kindDescription)")
            return []
        }
        return items
    }
}

/// Reading single values out of nodes.
enum NodeValue {
    static func string(_ node: PlanNode, field: String, log: DiagnosticLog) -> Located<String>? {
        guard case .scalar(let text, let location, _) = node else {
            log.error(node.location, "'\(field)' must be a single value, found \(node.kindDescription)")
            return nil
        }
        return Located(text, at: location)
    }

    /// A list's items; a single value is a list of one, and a CSV cell is split into its items.
    static func list(_ node: PlanNode) -> [PlanNode] {
        if case .sequence(let items, _) = node { return items }
        if case .scalar(_, _, .cell(let cell)) = node { return cell.items }
        return node.isNull ? [] : [node]
    }

    static func parsed<T>(
        _ text: Located<String>, _ parse: (String) -> Result<T, ChronologyProblem>, log: DiagnosticLog
    ) -> Located<T>? {
        switch parse(text.value) {
        case .success(let value): return Located(value, at: text.location)
        case .failure(let problem):
            log.error(text.location, problem.description)
            return nil
        }
    }

    static func zone(_ text: Located<String>, log: DiagnosticLog) -> Located<Zone>? {
        if let zone = Zone(text.value) { return Located(zone, at: text.location) }
        log.error(
            text.location, "unknown time zone '\(text.value)'",
            hint: Suggestion.didYouMean(text.value, among: Zone.knownIdentifiers.sorted())
                ?? "use an IANA name such as Europe/London or Asia/Seoul")
        return nil
    }
}
