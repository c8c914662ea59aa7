import Diagnostics

/// One `include:` entry: a YAML plan file (`- fora.yaml`), or a CSV file and the section its
/// rows fill (`- events: sessions.csv`).
struct PlanInclude {
    var path: Located<String>
    /// The section a CSV file's rows are entries of; nil for a YAML file.
    var section: String?

    /// The sections a CSV file can fill: those that are lists of entries.
    static let tableSections = ["audiences", "people", "places", "fixed", "events", "blackouts", "rooms", "tracks"]

    /// Reads the entries of `include:`; a single entry is a list of one.
    static func read(_ node: PlanNode?, log: DiagnosticLog) -> [PlanInclude] {
        guard let node else { return [] }
        return NodeValue.list(node).compactMap { entry(of: $0, log: log) }
    }

    private static func entry(of node: PlanNode, log: DiagnosticLog) -> PlanInclude? {
        if case .mapping(let pairs, let location) = node {
            guard pairs.count == 1, let pair = pairs.first else {
                log.error(
                    location, "an include entry for a CSV file names one section and one file",
                    hint: "write it as '- events: sessions.csv'")
                return nil
            }
            guard tableSections.contains(pair.key) else {
                log.error(
                    pair.keyLocation, "a CSV file cannot fill '\(pair.key)'",
                    hint: Suggestion.didYouMean(pair.key, among: tableSections)
                        ?? "the sections a CSV file can fill are: \(tableSections.joined(separator: ", "))")
                return nil
            }
            guard let path = NodeValue.string(pair.value, field: pair.key, log: log) else { return nil }
            if isYAML(path.value) {
                log.error(
                    path.location, "'\(path.value)' is a YAML file; '\(pair.key):' entries of include name a CSV file",
                    hint: "include a YAML file by its path alone: '- \(path.value)'")
                return nil
            }
            return PlanInclude(path: path, section: pair.key)
        }
        guard let path = NodeValue.string(node, field: "include", log: log) else { return nil }
        if path.value.lowercased().hasSuffix(".csv") {
            log.error(
                path.location, "a CSV file fills one section of the plan; say which",
                hint: "write it as '- events: \(path.value)' (or people:, rooms:, tracks:, …)")
            return nil
        }
        return PlanInclude(path: path, section: nil)
    }

    private static func isYAML(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
    }
}
