import Foundation

/// Whether an import may write its plan to `DIR`: a folder that does not exist yet or is empty,
/// or, with `--force`, one that it replaces whole.
enum OutputFolder {
    static func check(_ path: String, force: Bool, log: ImportLog) -> Bool {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { return true }
        guard isDirectory.boolValue else {
            log.error(.file(path), "exists and is not a folder", hint: "choose another --out")
            return false
        }
        if force { return true }
        let contents = (fm.enumerator(atPath: path)?.allObjects as? [String] ?? []).sorted()
        if let plan = contents.first(where: { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }) {
            log.error(
                .file(path), "already holds a plan (\(plan))",
                hint: "pass --force to replace the folder, or choose another --out")
            return false
        }
        if !contents.isEmpty {
            log.error(
                .file(path), "is not empty (\(contents[0])); the import writes the whole folder",
                hint: "pass --force to replace it, or choose another --out")
            return false
        }
        return true
    }
}
