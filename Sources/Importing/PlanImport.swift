import Diagnostics
import Foundation
import Publishing

/// `convene import FILE --out DIR`: a frab/pretalx `schedule.json` or `schedule.xml` becomes a
/// Convene plan in `DIR` (docs/import.md).
public enum PlanImport {
    public struct Options: Sendable {
        public var input: String
        public var out: String
        /// Pin every session at its time, instead of only keeping the times as a previous schedule.
        public var pin: Bool
        /// Replace a `DIR` that already holds a plan.
        public var force: Bool

        public init(input: String, out: String, pin: Bool = false, force: Bool = false) {
            self.input = input
            self.out = out
            self.pin = pin
            self.force = force
        }
    }

    public struct Outcome: Sendable {
        /// Errors and warnings, in the order found; with an error nothing was written.
        public var problems: [ImportProblem]
        /// The root plan file written, when the import succeeded.
        public var planPath: String?
        public var previousPath: String?
        /// One line for the user: what was imported.
        public var summary: String?
    }

    /// Reads the programme, makes the plan and writes `DIR` in one step; never throws.
    public static func run(_ options: Options) -> Outcome {
        let log = ImportLog()
        guard let data = read(options.input, log: log), let programme = programme(data, options.input, log: log),
            let draft = ProgrammeMapping.draft(programme, pin: options.pin, log: log), !log.hasErrors
        else { return Outcome(problems: log.problems) }
        guard OutputFolder.check(options.out, force: options.force, log: log) else {
            return Outcome(problems: log.problems)
        }
        var files = PlanText.files(draft, source: options.input)
        let previous = "\(draft.id).previous.json"
        files[previous] = PreviousSchedule.document(draft).json()
        do {
            try ReleaseWriter.writeFolder(files, to: options.out, replacing: options.force)
        } catch {
            log.error(.file(options.out), "cannot write the plan (\(error)); nothing was written")
            return Outcome(problems: log.problems)
        }
        let folder = URL(fileURLWithPath: options.out)
        let sessions = draft.sessions.count
        return Outcome(
            problems: log.problems,
            planPath: folder.appendingPathComponent("\(draft.id).yaml").relativePath(options.out),
            previousPath: folder.appendingPathComponent(previous).relativePath(options.out),
            summary: "\(sessions) session\(sessions == 1 ? "" : "s"), \(draft.rooms.count) rooms, "
                + "\(draft.tracks.count) tracks, \(draft.people.count) people" + (options.pin ? ", pinned" : ""))
    }

    static func read(_ path: String, log: ImportLog) -> Data? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            log.error(.file(path), "no such file")
            return nil
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= ImportLimits.fileBytes else {
            log.error(
                .file(path),
                "the file is \(size / 1024 / 1024) MB, over the \(ImportLimits.fileBytes / 1024 / 1024) MB "
                    + "an import reads", hint: "import the programme in parts")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            log.error(.file(path), "cannot read the file", hint: "check its permissions")
            return nil
        }
        return data
    }

    /// JSON or XML, by the file's extension, else by its first character.
    static func programme(_ data: Data, _ path: String, log: ImportLog) -> Programme? {
        let lower = path.lowercased()
        let isXML: Bool
        if lower.hasSuffix(".json") {
            isXML = false
        } else if lower.hasSuffix(".xml") {
            isXML = true
        } else {
            isXML = data.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) } == UInt8(ascii: "<")
        }
        return isXML
            ? XMLProgrammeReader.read(data, file: path, log: log) : JSONProgrammeReader.read(data, file: path, log: log)
    }
}

extension URL {
    /// The path as the user wrote the folder: `out/x.yaml` for `--out out`.
    func relativePath(_ folder: String) -> String {
        (folder.hasSuffix("/") ? folder : folder + "/") + lastPathComponent
    }
}
