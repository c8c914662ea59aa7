import Diagnostics
import Yams

/// A YAML value with the position it was written at. Plan files are read into this small tree
/// first, so that everything after parsing is independent of the YAML library. A CSV file becomes
/// the same tree (`PlanNode.table`), so the section readers read both alike.
indirect enum PlanNode: Sendable {
    case scalar(String, SourceLocation, style: ScalarStyle)
    case mapping([(key: String, keyLocation: SourceLocation, value: PlanNode)], SourceLocation)
    case sequence([PlanNode], SourceLocation)

    var location: SourceLocation {
        switch self {
        case .scalar(_, let l, _), .mapping(_, let l), .sequence(_, let l): return l
        }
    }

    /// How a scalar was written, which decides whether it can be null and how it reads as a list.
    enum ScalarStyle: Sendable {
        /// Unquoted YAML: `~`, `null` and nothing at all are null.
        case plain
        /// Quoted YAML, or one item of a CSV list: always text.
        case quoted
        /// A non-empty CSV cell: text where one value is read, split on `;` (or read as a YAML flow
        /// collection) where a list or mapping is.
        case cell(CSVCell)
    }

    /// An unquoted `~`, `null` or nothing at all.
    var isNull: Bool {
        if case .scalar(let s, _, .plain) = self, ["", "~", "null", "Null", "NULL"].contains(s) {
            return true
        }
        return false
    }

    /// How the value reads in a message: "a list", "a mapping", "text".
    var kindDescription: String {
        switch self {
        case .scalar: return isNull ? "nothing" : "a single value"
        case .mapping: return "a mapping (key: value pairs)"
        case .sequence: return "a list"
        }
    }
}

extension PlanNode {
    /// Parses YAML text into a tree, or returns the syntax error at its position.
    static func parse(_ source: SourceText) -> Result<PlanNode, Diagnostic> {
        let path = source.path
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(path: path, line: mark.line, column: mark.column) }
        if let aliasKey = AliasExpansion.aliasKey(in: source.text, path: path) { return .failure(aliasKey) }
        do {
            guard let root = try Yams.compose(yaml: source.text) else {
                return .failure(.error(at: SourceLocation(path: path, line: 1, column: 1), "the plan file is empty"))
            }
            if let tooLarge = AliasExpansion.check(root, path: path) { return .failure(tooLarge) }
            return convert(root, path: path)
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                .composer(let context, let problem, let mark, _):
                var message = "YAML syntax error: \(problem)"
                if let context {
                    message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
                }
                return .failure(.error(at: at(mark), message, hint: "check the indentation and quoting around here"))
            case .duplicatedKeysInMapping(let duplicates, let context):
                return .failure(
                    .error(
                        at: at(context.mark), "duplicate key '\(duplicates.joined(separator: "', '"))' in one mapping",
                        hint: "each key may appear once; merge the two entries"))
            default:
                return .failure(.error(at: SourceLocation(path: path, line: 1, column: 1), "YAML error: \(error)"))
            }
        } catch {
            return .failure(.error(at: SourceLocation(path: path, line: 1, column: 1), "YAML error: \(error)"))
        }
    }

    private static func convert(_ node: Node, path: String) -> Result<PlanNode, Diagnostic> {
        let location =
            node.mark.map { SourceLocation(path: path, line: $0.line, column: $0.column) }
            ?? SourceLocation(path: path, line: 1, column: 1)
        switch node {
        case .scalar(let scalar):
            return .success(.scalar(scalar.string, location, style: scalar.style == .plain ? .plain : .quoted))
        case .sequence(let sequence):
            var items: [PlanNode] = []
            for item in sequence {
                switch convert(item, path: path) {
                case .success(let n): items.append(n)
                case .failure(let d): return .failure(d)
                }
            }
            return .success(.sequence(items, location))
        case .mapping(let mapping):
            var pairs: [(key: String, keyLocation: SourceLocation, value: PlanNode)] = []
            for (key, value) in mapping {
                let keyLocation =
                    key.mark.map { SourceLocation(path: path, line: $0.line, column: $0.column) } ?? location
                guard case .scalar(let keyScalar) = key else {
                    return .failure(.error(at: keyLocation, "a key must be a plain name, not a list or mapping"))
                }
                switch convert(value, path: path) {
                case .success(let n): pairs.append((keyScalar.string, keyLocation, n))
                case .failure(let d): return .failure(d)
                }
            }
            return .success(.mapping(pairs, location))
        case .alias:
            return .failure(
                .error(
                    at: location, "YAML aliases (*name) are not supported in plan files",
                    hint: "write the value out, or share it with include:"))
        }
    }
}
