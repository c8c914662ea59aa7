import Diagnostics
import Foundation

/// What loading a plan produced: the plan when it is valid, and every problem found.
public struct PlanLoadResult: Sendable {
    public var plan: Plan?
    public var diagnostics: [Diagnostic]
}

/// Reads a plan file and the files it includes, then validates the whole.
public enum PlanLoader {
    /// Loads and validates the plan at `path`; never throws and never traps on bad input.
    ///
    /// - Returns: the plan when there are no errors, and all diagnostics sorted by position.
    public static func load(_ path: String) -> PlanLoadResult {
        load(path, from: .fileSystem)
    }

    /// Loads and validates the plan at `path`, reading it and its includes from `sources`.
    ///
    /// - Returns: the plan when there are no errors, and all diagnostics sorted by position.
    public static func load(_ path: String, from sources: PlanSources) -> PlanLoadResult {
        let log = DiagnosticLog()
        var documents: [PlanDocument] = []
        var seen = Set<String>()
        readTree(
            path, section: nil, namedAt: nil, chain: [], sources: sources, documents: &documents, seen: &seen,
            log: log)
        var plan: Plan?
        if let root = documents.first, !documents.isEmpty {
            plan = PlanAssembler.assemble(root: root, documents: documents, log: log)
            if let assembled = plan { PlanValidator.validate(assembled, log: log, fileExists: sources.exists) }
        }
        let diagnostics = uniqued(log.diagnostics).sortedByLocation()
        return PlanLoadResult(plan: diagnostics.hasErrors ? nil : plan, diagnostics: diagnostics)
    }

    /// Reads one file and, depth first, the files it includes.
    ///
    /// - Parameters:
    ///   - section: for a CSV file, the section its rows fill; nil for a YAML file.
    ///   - chain: the include chain that led here (canonical path, path as shown), for cycles.
    ///   - seen: canonical paths already read; a file included twice is read once.
    private static func readTree(
        _ path: String, section: String?, namedAt reference: SourceLocation?, chain: [(String, String)],
        sources: PlanSources,
        documents: inout [PlanDocument], seen: inout Set<String>, log: DiagnosticLog
    ) {
        let canonical = sources.canonical(path)
        if let index = chain.firstIndex(where: { $0.0 == canonical }), let reference {
            let cycle = chain[index...].map(\.1) + [path]
            log.error(
                reference, "include cycle: \(cycle.joined(separator: " → "))",
                hint: "remove one of these include: entries")
            return
        }
        guard seen.insert(canonical).inserted else { return }
        let source: SourceText
        switch sources.read(path, reference) {
        case .success(let s): source = s
        case .failure(let d): log.add(d); return
        }
        let root: PlanNode
        if let section {
            root = PlanNode.table(source, section: section, log: log)
        } else {
            switch PlanNode.parse(source) {
            case .success(let n): root = n
            case .failure(let d): log.add(d); return
            }
        }
        let document = PlanDocument(root: root, path: path, log: log)
        documents.append(document)
        for include in document.includes {
            let target = RelativePath.resolve(include.path.value, from: path)
            readTree(
                target, section: include.section, namedAt: include.path.location, chain: chain + [(canonical, path)],
                sources: sources, documents: &documents, seen: &seen, log: log)
        }
    }

    private static func uniqued(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
