import Foundation

/// Files written so that a failure or a kill half-way leaves the old file or the new one,
/// never a part: the bytes go to a temporary file beside the target, are flushed to disk, and
/// the temporary file is renamed over the target. The one implementation for releases, output
/// files, the notify outbox and its sent-log.
public enum DurableFile {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Replaces the file at `path` with `data` in one step, creating its folder if needed.
    ///
    /// - Parameter mode: the new file's permissions (0o600 for what only its owner may read).
    public static func replace(_ data: Data, at path: String, mode: mode_t = 0o644) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        do {
            try write(data, to: temporary, mode: mode)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(description: "cannot replace \(path): \(reason)")
        }
    }

    /// Creates (or truncates) the file at `path` and writes `data` in full, flushed to disk.
    public static func write(_ data: Data, to path: String, mode: mode_t = 0o644) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode)
        guard fd >= 0 else {
            throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                guard n > 0 else {
                    throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
                }
                offset += n
            }
        }
        guard fsync(fd) == 0 else {
            throw Failure(description: "cannot flush \(path): \(String(cString: strerror(errno)))")
        }
    }
}
