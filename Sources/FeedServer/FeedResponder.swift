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
    let tokens: TokenLookup
    /// Seconds a 503 asks clients to wait (`Retry-After`) when the token store cannot answer.
    let retryAfter: Int

    /// Top-level files of a release.
    static let topLevel = ReleaseLayout.topLevelFiles
    /// Folders whose files are public.
    static let publicFolders = ReleaseLayout.publicFolders
    /// The index page's own URL path, built once rather than on every request.
    static let indexPath = "/" + ReleaseLayout.index

    /// What a URL path names: a file of the release, a personal feed's token, or nothing.
    enum Target: Equatable {
        case file(String)
        case personal(token: String)
        case none
    }

    func respond(to request: Request) async -> Response {
        let relative: String
        switch Self.target(for: request.uri.path) {
        case .file(let path):
            relative = path
        case .personal(let token):
            switch await tokens.person(for: token) {
            case .person(let person): relative = ReleaseLayout.personalFeed(person: person)
            case .unknown: return Self.notFound()
            case .unavailable: return Self.unavailable(retryAfter: retryAfter)
            }
        case .none:
            return Self.notFound()
        }
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

    /// What a URL path names. Public files are named without asking the token store, so they
    /// are served while it is down.
    static func target(for path: String) -> Target {
        if path == "/" || path == indexPath { return .file(ReleaseLayout.index) }
        // Split as bytes: String's Character-wise split showed in profiles of the hot path.
        let parts = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst()
        guard parts.allSatisfy(isSafeName) else { return .none }
        let first = parts.first.map { String(Substring($0)) } ?? ""
        switch parts.count {
        case 1 where topLevel.contains(first):
            return .file(first)
        case 2 where publicFolders.contains(first):
            return .file(String(path.dropFirst()))
        case 3 where first == ReleaseLayout.feedsFolder && parts[parts.startIndex + 1].elementsEqual("p".utf8):
            let name = Substring(parts[parts.startIndex + 2])
            guard name.hasSuffix(".ics") else { return .none }
            return .personal(token: String(name.dropLast(4)))
        default:
            return .none
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

    /// 503 with `Retry-After`: the token store cannot say whose feed a token opens just now.
    static func unavailable(retryAfter: Int) -> Response {
        Response(
            status: .serviceUnavailable,
            headers: [
                .contentType: "text/plain; charset=utf-8", .retryAfter: String(retryAfter), .cacheControl: "no-store",
            ],
            body: ResponseBody(
                byteBuffer: ByteBuffer(string: "Personal feeds are unavailable for a moment; try again later\n")))
    }

    static func notFound() -> Response {
        Response(
            status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: "Not found\n")))
    }
}
