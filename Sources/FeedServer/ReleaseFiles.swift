import CompressNIO
import Foundation
import HTTPTypes
import NIOCore
import ReleaseFormat

/// One file of a release, loaded once: its bytes, gzip form, strong ETag, Last-Modified, and
/// the response headers for each answer, built once so a request only copies them.
struct ReleaseFile: Sendable {
    let body: ByteBuffer
    let gzipped: ByteBuffer?
    /// `"<sha-256 of the body>"`, quoted as HTTP requires.
    let etag: String
    let lastModified: Date
    /// Headers of a 304: the validators and caching fields a 200 carries (RFC 9110 §15.4.5),
    /// without Content-Type and Content-Length, which describe a body a 304 does not have.
    let notModifiedHeaders: HTTPFields
    /// Headers of a 200 with the plain body, and with the gzipped one.
    let plainHeaders: HTTPFields
    let gzipHeaders: HTTPFields?

    init(
        body: ByteBuffer, gzipped: ByteBuffer?, etag: String, lastModified: Date, contentType: String, isPersonal: Bool
    ) {
        self.body = body
        self.gzipped = gzipped
        self.etag = etag
        self.lastModified = lastModified
        notModifiedHeaders = [
            .eTag: etag,
            .lastModified: HTTPDate.format(lastModified),
            .cacheControl: isPersonal ? "private, max-age=300" : "public, max-age=300",
            .vary: "Accept-Encoding",
        ]
        var common = notModifiedHeaders
        common[.contentType] = contentType
        var plain = common
        plain[.contentLength] = String(body.readableBytes)
        plainHeaders = plain
        gzipHeaders = gzipped.map { zipped in
            var headers = common
            headers[.contentEncoding] = "gzip"
            headers[.contentLength] = String(zipped.readableBytes)
            return headers
        }
    }
}

/// Reads files from the release directory `--dir` names. The directory is a link Convene
/// switches atomically to each new release (`.NAME.releases/r-<digest>`); every request reads
/// the link once — one `readlink`, where resolving the whole path took several system calls —
/// and is served from that release from start to end. Releases are immutable and named by
/// their content, so files are cached by release. A `--dir` that is a plain directory is
/// resolved once and its files cached as they were first read.
final class ReleaseFiles: @unchecked Sendable {
    // @unchecked: the cache is only touched under `lock`.
    let root: String
    private let lock = NSLock()
    private var cache: [String: ReleaseFile] = [:]
    /// The link's target when the cache was filled ("" for a plain directory), and the
    /// release's real path.
    private var cachedLink: String?
    private var cachedRelease = ""

    init(root: String) { self.root = root }

    /// The release in place now: the link's target text ("" when `root` is a plain directory),
    /// or nil when there is nothing at `root`.
    func currentLink() -> String? {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 4096) { buffer in
            let count = readlink(root, buffer.baseAddress!, 4095)
            if count < 0 { return errno == EINVAL ? "" : nil }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: count), as: UTF8.self)
        }
    }

    /// The real path of the release directory in place now, or nil when there is none.
    func currentRelease() -> String? {
        guard let resolved = realpath(root, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A file of the current release by its path inside it (already checked to be one of the
    /// release's own names), or nil when it does not exist or would leave the release.
    func file(_ relative: String) -> ReleaseFile? {
        guard let link = currentLink() else { return nil }
        lock.lock()
        if cachedLink == link, let hit = cache[relative] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        // A miss, or a new release: resolve it fully. If the link moves between the two reads,
        // the next request sees a new target and resolves again.
        guard let release = currentRelease(),
            let loaded = load(release + "/" + relative, release: release, relative: relative)
        else { return nil }
        lock.lock()
        if cachedLink != link || cachedRelease != release {
            cache.removeAll()  // a new release: the old files will not be asked for again
            cachedLink = link
            cachedRelease = release
        }
        cache[relative] = loaded
        lock.unlock()
        return loaded
    }

    private func load(_ path: String, release: String, relative: String) -> ReleaseFile? {
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
        return ReleaseFile(
            body: body, gzipped: gzipped, etag: "\"\(HexDigest.sha256(data))\"", lastModified: modified,
            contentType: Self.contentType(path), isPersonal: ReleaseLayout.isPrivate(relative))
    }

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension {
        case "ics": return "text/calendar; charset=utf-8"
        case "html": return "text/html; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "md": return "text/markdown; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "css": return "text/css; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
