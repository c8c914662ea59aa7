import Foundation
import ReleaseFormat

/// Writes files and releases so that a failure or a kill half-way leaves the previous one
/// intact.
public enum ReleaseWriter {
    public struct WriteError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes one file: a temporary file beside the target, flushed, then renamed over it.
    public static func writeFile(_ text: String, to path: String) throws {
        try DurableFile.replace(Data(text.utf8), at: path)
    }

    /// Writes a release as a new directory and switches `path` to it in one step.
    ///
    /// `path` is a symbolic link to `.NAME.releases/r-DIGEST` beside it; the new release is
    /// written and flushed in full, then a new link is renamed over the old one (an atomic
    /// step), so a reader sees the old release or the new one, never a mix. The previous
    /// release is kept for readers still using it; older ones are removed.
    ///
    /// - Throws: `WriteError` when `path` is a real directory that is not empty (not ours).
    public static func writeRelease(_ files: [String: String], to path: String) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent(), name = target.lastPathComponent
        let store = parent.appendingPathComponent(".\(name).releases")
        let fm = FileManager.default
        try fm.createDirectory(at: store, withIntermediateDirectories: true)

        var isDirectory: ObjCBool = false
        let isLink = (try? fm.destinationOfSymbolicLink(atPath: target.path)) != nil
        if !isLink, fm.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            let contents = (try? fm.contentsOfDirectory(atPath: target.path)) ?? []
            guard isDirectory.boolValue, contents.isEmpty else {
                throw WriteError(
                    description: "\(path) exists and is not a Convene release; choose another --out or move it away")
            }
            try fm.removeItem(at: target)
        }

        let digest = String(
            HexDigest.sha256(files.keys.sorted().flatMap { Array("\($0)\n\(files[$0] ?? "")\n".utf8) }).prefix(16))
        let release = store.appendingPathComponent("r-\(digest)")
        if !fm.fileExists(atPath: release.path) {
            let staging = store.appendingPathComponent(".staging-\(getpid())-\(digest)")
            try stage(files, in: staging)
            guard rename(staging.path, release.path) == 0 else {
                throw WriteError(
                    description: "cannot move the new release into place: \(String(cString: strerror(errno)))")
            }
        }
        let previous = try? fm.destinationOfSymbolicLink(atPath: target.path)
        let link = parent.appendingPathComponent(".\(name).link-\(getpid())")
        unlink(link.path)
        guard symlink(".\(name).releases/r-\(digest)", link.path) == 0, rename(link.path, target.path) == 0 else {
            unlink(link.path)
            throw WriteError(
                description: "cannot switch \(path) to the new release: \(String(cString: strerror(errno)))")
        }
        // Keep the new release and the one just replaced; remove older ones and stale staging.
        let keep = Set(["r-\(digest)", previous.map { URL(fileURLWithPath: $0).lastPathComponent } ?? ""])
        for item in (try? fm.contentsOfDirectory(atPath: store.path)) ?? [] where !keep.contains(item) {
            // Another publish may be writing it.
            if item.hasPrefix(".staging-") && !item.hasPrefix(".staging-\(getpid())-") { continue }
            try? fm.removeItem(at: store.appendingPathComponent(item))
        }
    }

    /// Writes a folder of files as a new directory beside `path` and renames it to `path` in one
    /// step, so that a failure half-way leaves no `path` (or the old one) rather than a part.
    ///
    /// - Parameter replacing: whether an existing `path` is replaced; it is moved aside, the new
    ///   folder renamed into place, then the old one removed. Without it, an existing `path`
    ///   that is not an empty directory is refused.
    /// - Throws: `WriteError`.
    public static func writeFolder(_ files: [String: String], to path: String, replacing: Bool) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent(), name = target.lastPathComponent
        let fm = FileManager.default
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(name).staging-\(getpid())")
        try stage(files, in: staging)
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            let empty = isDirectory.boolValue && ((try? fm.contentsOfDirectory(atPath: target.path)) ?? [""]).isEmpty
            guard replacing || empty else {
                try? fm.removeItem(at: staging)
                throw WriteError(description: "\(path) exists and is not empty")
            }
            let aside = parent.appendingPathComponent(".\(name).replaced-\(getpid())")
            try? fm.removeItem(at: aside)
            guard rename(target.path, aside.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fm.removeItem(at: staging)
                throw WriteError(description: "cannot move the old \(path) aside: \(reason)")
            }
            guard rename(staging.path, target.path) == 0 else {
                let reason = String(cString: strerror(errno))
                rename(aside.path, target.path)
                try? fm.removeItem(at: staging)
                throw WriteError(description: "cannot move the new \(path) into place: \(reason)")
            }
            try? fm.removeItem(at: aside)
            return
        }
        guard rename(staging.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? fm.removeItem(at: staging)
            throw WriteError(description: "cannot move the new \(path) into place: \(reason)")
        }
    }

    /// Writes `files` (relative paths) into a fresh directory `folder`, each flushed.
    static func stage(_ files: [String: String], in folder: URL) throws {
        let fm = FileManager.default
        try? fm.removeItem(at: folder)
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        for (relative, text) in files.sorted(by: { $0.key < $1.key }) {
            let file = folder.appendingPathComponent(relative)
            try fm.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try DurableFile.write(Data(text.utf8), to: file.path)
            SlowWritesForTests.pause()
        }
    }
}

/// `CONVENE_SLOW_WRITES_MS`: a pause after each file of a release, so that the kill-during-
/// publish test can stop a publish half-way. Unset, it costs nothing.
enum SlowWritesForTests {
    static let milliseconds = Int(ProcessInfo.processInfo.environment["CONVENE_SLOW_WRITES_MS"] ?? "") ?? 0

    static func pause() {
        if milliseconds > 0 { usleep(UInt32(milliseconds) * 1000) }
    }
}
