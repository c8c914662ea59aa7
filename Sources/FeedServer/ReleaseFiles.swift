import CompressNIO
import Foundation
import NIOCore
import Publishing

/// One file of a release, loaded once: its bytes, gzip form, strong ETag and Last-Modified.
struct ReleaseFile: Sendable {
    let body: ByteBuffer
    let gzipped: ByteBuffer?
    /// `"<sha-256 of the body>"`, quoted as HTTP requires.
    let etag: String
    let lastModified: Date
    /// `lastModified` as an HTTP date, formatted once.
    let lastModifiedText: String
    let contentType: String
}

/// Reads files from the release directory `--dir` names. The directory is a link Convene
/// switches atomically to each new release; every request resolves it once, so it is served
/// from one release from start to end. Releases are immutable, so files are cached by their
/// resolved path.
final class ReleaseFiles: @unchecked Sendable {
    // @unchecked: the cache is only touched under `lock`.
    let root: String
    private let lock = NSLock()
    private var cache: [String: ReleaseFile] = [:]
    private var cachedRelease = ""

    init(root: String) { self.root = root }

    /// The directory of the release in place now, or nil when there is none.
    func currentRelease() -> String? {
        guard let resolved = realpath(root, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A file of the current release by its path inside it (already checked to be one of the
    /// release's own names), or nil when it does not exist or would leave the release.
    func file(_ relative: String) -> ReleaseFile? {
        guard let release = currentRelease() else { return nil }
        let key = release + "/" + relative
        lock.lock()
        if cachedRelease != release {
            cache.removeAll()  // a new release: the old files will not be asked for again
            cachedRelease = release
        }
        if let hit = cache[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        guard let loaded = load(key, release: release) else { return nil }
        lock.lock()
        if cachedRelease == release { cache[key] = loaded }
        lock.unlock()
        return loaded
    }

    private func load(_ path: String, release: String) -> ReleaseFile? {
        // Symbolic links inside a release could point anywhere: serve only files whose real
        // path lies inside the release.
        guard let real = realpath(path, nil) else { return nil }
        let realPath = String(cString: real)
        free(real)
        guard realPath.hasPrefix(release + "/"),
              let attributes = try? FileManager.default.attributesOfItem(atPath: realPath),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let data = FileManager.default.contents(atPath: realPath)
        else { return nil }
        var body = ByteBuffer(bytes: data)
        var copy = body
        let gzipped = data.count > 512 ? try? copy.compress(with: .gzip()) : nil
        body.moveReaderIndex(to: 0)
        let modified = (attributes[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
        return ReleaseFile(body: body, gzipped: gzipped, etag: "\"\(SHA256.hex(data))\"", lastModified: modified,
                           lastModifiedText: HTTPDate.format(modified), contentType: Self.contentType(path))
    }

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension {
        case "ics": return "text/calendar; charset=utf-8"
        case "html": return "text/html; charset=utf-8"
        case "json": return "application/json"
        case "md": return "text/markdown; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "css": return "text/css; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
