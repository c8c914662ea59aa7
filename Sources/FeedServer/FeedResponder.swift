import Foundation
import HTTPTypes
import Hummingbird
import ReleaseFormat

/// Answers GET and HEAD for a release: the index page, public feeds, the release's other
/// files, and personal feeds behind their tokens.
///
/// Only names a release can hold are served — `[a-z0-9._-]` file names in known folders — so
/// no request path (`..`, encoded slashes, absolute paths) can reach outside the release, and
/// every refusal is a plain 404 that says nothing about the file system or about who exists.
struct FeedResponder: Sendable {
    let files: ReleaseFiles
    let tokens: TokenStore

    /// Top-level files of a release.
    static let topLevel = ReleaseLayout.topLevelFiles
    /// Folders whose files are public.
    static let publicFolders = ReleaseLayout.publicFolders
    /// The index page's own URL path, built once rather than on every request.
    static let indexPath = "/" + ReleaseLayout.index

    func respond(to request: Request) -> Response {
        let path = request.uri.path
        guard let relative = Self.releasePath(for: path, tokens: tokens) else { return Self.notFound() }
        guard let file = files.file(relative) else { return Self.notFound() }
        if ConditionalRequest.notModified(request.headers, etag: file.etag, lastModified: file.lastModified) {
            return Response(status: .notModified, headers: file.notModifiedHeaders)
        }
        var (body, headers) = (file.body, file.plainHeaders)
        if let gzipped = file.gzipped, let gzipHeaders = file.gzipHeaders, Self.acceptsGzip(request.headers) {
            (body, headers) = (gzipped, gzipHeaders)
        }
        // HEAD: the same headers, Content-Length included, and no body.
        return Response(
            status: .ok, headers: headers,
            body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: body))
    }

    /// The file inside the release a URL path names, or nil.
    static func releasePath(for path: String, tokens: TokenStore) -> String? {
        if path == "/" || path == indexPath { return ReleaseLayout.index }
        // Split as bytes: String's Character-wise split showed in profiles of the hot path.
        let parts = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst()
        guard parts.allSatisfy(isSafeName) else { return nil }
        let first = parts.first.map { String(Substring($0)) } ?? ""
        switch parts.count {
        case 1 where topLevel.contains(first):
            return first
        case 2 where publicFolders.contains(first):
            return String(path.utf8.dropFirst())
        case 3 where first == ReleaseLayout.feedsFolder && parts[parts.startIndex + 1].elementsEqual("p".utf8):
            let name = Substring(parts[parts.startIndex + 2])
            guard name.hasSuffix(".ics"), let person = tokens.person(for: String(name.dropLast(4))) else { return nil }
            return ReleaseLayout.personalFeed(person: person)
        default:
            return nil
        }
    }

    /// A file or folder name as releases write them: no dots at the start, no separators, no escapes.
    static func isSafeName(_ bytes: Substring.UTF8View) -> Bool {
        // Bytes, not Characters: Unicode property lookups per character showed in profiles.
        return !bytes.isEmpty && bytes.count <= 128 && bytes.first != UInt8(ascii: ".")
            && bytes.allSatisfy { b in
                (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                    || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
                    || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
            }
    }

    static func acceptsGzip(_ headers: HTTPFields) -> Bool {
        guard let accept = headers[.acceptEncoding]?.lowercased() else { return false }
        return accept.split(separator: ",").contains { part in
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            return fields.first == "gzip" && !fields.dropFirst().contains("q=0")
        }
    }

    static func notFound() -> Response {
        Response(
            status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: "Not found\n")))
    }
}
