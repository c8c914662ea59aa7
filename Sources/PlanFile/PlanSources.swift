import Diagnostics
import Foundation

/// Where a plan's files come from: the file system, or files held in memory.
///
/// `PlanLoader` reads the root file and every `include:` through one of these, and the
/// validator asks it whether an imported `.ics` file exists, so that a plan given as bytes
/// (the fuzzer's input, a test's fixture) is loaded exactly as it would be from disk without
/// touching the disk.
public struct PlanSources: Sendable {
    /// The checked text of the file at `path`, or the one diagnostic saying why it cannot be read.
    let read: @Sendable (_ path: String, _ reference: SourceLocation?) -> Result<SourceText, Diagnostic>
    /// The one name of the file at `path` however it is written, so that cycles and files
    /// included twice are recognised.
    let canonical: @Sendable (_ path: String) -> String
    /// Whether a file other than a plan (an imported calendar) is there.
    let exists: @Sendable (_ path: String) -> Bool

    /// Files on disk: paths made absolute and free of symbolic links, read with `SourceText.read`.
    public static let fileSystem = PlanSources(
        read: { path, reference in SourceText.read(path, namedAt: reference) },
        canonical: { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path },
        exists: { FileManager.default.fileExists(atPath: $0) }
    )

    /// Files held in memory, by path as the plan names them (`plan.yaml`, `sub/more.yaml`).
    ///
    /// A path is looked up after `.` and `..` are tidied away (`sub/../plan.yaml` is
    /// `plan.yaml`); a path not in `files` is missing, with the same message as on disk. The
    /// bytes get every check a file on disk gets (size, UTF-8, not empty).
    public static func inMemory(_ files: [String: Data]) -> PlanSources {
        let tidied = Dictionary(files.map { (tidy($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        return PlanSources(
            read: { path, reference in
                guard let data = tidied[tidy(path)] else {
                    return .failure(SourceText.missing(path, namedAt: reference))
                }
                return SourceText.checked(data, path: path)
            },
            canonical: tidy,
            exists: { tidied[tidy($0)] != nil }
        )
    }

    private static func tidy(_ path: String) -> String {
        RelativePath.resolve(path, from: "")
    }
}
