import CompressNIO
import FeedServer
import FeedTokens
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import ReleaseFormat
import Testing

/// The server `buildServer` puts together, as `convene serve` runs it, with requests sent
/// in-process to its responder; `ConnectionLimitsTests` run the same server on real sockets.
@Suite struct FeedServerTests {
    func withServer(
        _ fixture: ReleaseFixture, logger: Logger = Logger(label: "test"),
        _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let server = try buildServer(ServeOptions(releaseDir: fixture.release), logger: logger)
        let app = Application(responder: server.responder)
        try await app.test(.router) { client in try await test(client) }
    }

    @Test func feedsHaveTheirTypeETagAndCaching() async throws {
        let fixture = try ReleaseFixture()
        try await withServer(fixture) { client in
            try await client.execute(uri: "/feeds/all.ics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
                #expect(response.headers[.eTag]?.count == 66)
                #expect(response.headers[.lastModified]?.hasSuffix(" GMT") == true)
                #expect(response.headers[.cacheControl] == "public, max-age=300")
                #expect(String(buffer: response.body) == ReleaseFixture.feed)
            }
            try await client.execute(uri: "/feeds/all.ics", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.contentLength] == String(ReleaseFixture.feed.utf8.count))
            }
        }
    }

    @Test func conditionalRequestsGet304OnlyWhenUnchanged() async throws {
        let fixture = try ReleaseFixture()
        try await withServer(fixture) { client in
            let first = try await client.execute(uri: "/feeds/all.ics", method: .get)
            let etag = try #require(first.headers[.eTag]), modified = try #require(first.headers[.lastModified])
            let cases: [(HTTPFields, HTTPResponse.Status)] = [
                ([.ifNoneMatch: etag], .notModified),
                ([.ifNoneMatch: "W/\(etag)"], .notModified),
                ([.ifNoneMatch: "\"other\", \(etag)"], .notModified),
                ([.ifNoneMatch: "\"other\""], .ok),
                ([.ifModifiedSince: modified], .notModified),
                ([.ifModifiedSince: "Mon, 01 Jan 2001 00:00:00 GMT"], .ok),
                ([.ifNoneMatch: "\"other\"", .ifModifiedSince: modified], .ok),  // If-None-Match decides
            ]
            for (headers, status) in cases {
                let response = try await client.execute(uri: "/feeds/all.ics", method: .get, headers: headers)
                #expect(response.status == status, "\(headers)")
                if status == .notModified {
                    #expect(response.body.readableBytes == 0)
                    #expect(response.headers[.eTag] == etag && response.headers[.cacheControl] == "public, max-age=300")
                    #expect(response.headers[.contentType] == nil)
                }
            }
        }
    }

    @Test func gzipWhenAsked() async throws {
        let fixture = try ReleaseFixture()
        try await withServer(fixture) { client in
            let response = try await client.execute(
                uri: "/feeds/all.ics", method: .get, headers: [.acceptEncoding: "gzip, deflate"])
            #expect(response.headers[.contentEncoding] == "gzip")
            var body = response.body
            let plain = try body.decompress(with: .gzip())
            #expect(String(buffer: plain) == ReleaseFixture.feed)
            let refused = try await client.execute(
                uri: "/feeds/all.ics", method: .get, headers: [.acceptEncoding: "gzip;q=0"])
            #expect(refused.headers[.contentEncoding] == nil)
        }
    }

    @Test func indexHealthAndReleaseFiles() async throws {
        let fixture = try ReleaseFixture()
        try await withServer(fixture) { client in
            let index = try await client.execute(uri: "/", method: .get)
            #expect(index.status == .ok && index.headers[.contentType] == "text/html; charset=utf-8")
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            let schedule = try await client.execute(uri: "/schedule.json", method: .get)
            #expect(schedule.status == .ok && schedule.headers[.contentType] == "application/json")
        }
    }

    @Test(arguments: [
        "/../secret.txt", "/feeds/../../secret.txt", "/feeds/..%2f..%2fsecret.txt", "/feeds/%2e%2e/secret.txt",
        "/%2e%2e/secret.txt", "//secret.txt", "/feeds/escape.ics", "/private/person-ana.ics", "/private/CHANGES.md",
        "/feeds/p/person-ana.ics",
        "/etc/passwd", "/feeds/.hidden.ics", "/feeds//all.ics", "/feeds/all.ics/", "/feeds\\all.ics",
    ])
    func pathsCannotLeaveTheRelease(path: String) async throws {
        let fixture = try ReleaseFixture()
        try await withServer(fixture) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .notFound, "\(path)")
            let body = String(buffer: response.body)
            #expect(!body.contains("SECRET") && !body.contains(fixture.folder.path) && !body.contains("X-WHO"))
        }
    }

    @Test func onlyGetAndHeadAndNoBodies() async throws {
        let fixture = try ReleaseFixture()
        try await withServer(fixture) { client in
            for method in [HTTPRequest.Method.post, .put, .delete, .patch, .options] {
                let response = try await client.execute(uri: "/feeds/all.ics", method: method)
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
            let body = try await client.execute(
                uri: "/feeds/all.ics", method: .get, body: ByteBuffer(string: String(repeating: "x", count: 10_000)))
            #expect(body.status == .contentTooLarge)
            let long = try await client.execute(
                uri: "/feeds/" + String(repeating: "a", count: 3000) + ".ics", method: .get)
            #expect(long.status == .uriTooLong)
            // HEAD gets a GET's headers and never a body, refusals included.
            let missing = try await client.execute(uri: "/feeds/nope.ics", method: .head)
            #expect(missing.status == .notFound && missing.body.readableBytes == 0)
            #expect(missing.headers[.contentLength] == "10")
        }
    }

    @Test func personalFeedsNeedALiveToken() async throws {
        let fixture = try ReleaseFixture()
        let store = try SQLiteTokenStore(path: ReleaseLayout.tokenStore(forRelease: fixture.release))
        let token = try await store.issue(person: "ana")
        #expect(token.count == 64)
        try await withServer(fixture) { client in
            let ok = try await client.execute(uri: "/feeds/p/\(token).ics", method: .get)
            #expect(ok.status == .ok)
            #expect(String(buffer: ok.body).contains("X-WHO:ana"))
            #expect(ok.headers[.cacheControl] == "private, max-age=300")
            let wrong = String(token.dropLast()) + (token.last == "0" ? "1" : "0")
            #expect(try await client.execute(uri: "/feeds/p/\(wrong).ics", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/feeds/p/\(token)", method: .get).status == .notFound)
            // Revoked while the server runs: gone at once.
            #expect(try await store.revoke(personOrId: "ana") == 1)
            #expect(try await client.execute(uri: "/feeds/p/\(token).ics", method: .get).status == .notFound)
        }
        // Only hashes are stored.
        let database = try Data(contentsOf: URL(fileURLWithPath: ReleaseLayout.tokenStore(forRelease: fixture.release)))
        #expect(database.range(of: Data(token.utf8)) == nil)
        #expect(try await store.records().map(\.person) == ["ana"])
    }

    @Test func aNewReleaseIsServedAtOnce() async throws {
        let fixture = try ReleaseFixture()
        try fixture.makeRelease("r-two", feed: "BEGIN:VCALENDAR\r\nX-RELEASE:two\r\nEND:VCALENDAR\r\n")
        try await withServer(fixture) { client in
            let before = try await client.execute(uri: "/feeds/all.ics", method: .get)
            #expect(String(buffer: before.body) == ReleaseFixture.feed)
            try fixture.switchTo("r-two")
            let after = try await client.execute(uri: "/feeds/all.ics", method: .get)
            #expect(String(buffer: after.body).contains("X-RELEASE:two"))
            #expect(after.headers[.eTag] != before.headers[.eTag])
            // The old ETag no longer gets a 304.
            let conditional = try await client.execute(
                uri: "/feeds/all.ics", method: .get, headers: [.ifNoneMatch: before.headers[.eTag] ?? ""])
            #expect(conditional.status == .ok)
        }
    }

    @Test func logsHaveOneLinePerRequestAndNoTokens() async throws {
        let fixture = try ReleaseFixture()
        let token = try await SQLiteTokenStore(path: ReleaseLayout.tokenStore(forRelease: fixture.release))
            .issue(person: "ana")
        let lines = LogCapture()
        let logger = Logger(label: "convene.http") { _ in CapturingHandler(capture: lines) }
        try await withServer(fixture, logger: logger) { client in
            _ = try await client.execute(uri: "/feeds/all.ics", method: .get)
            _ = try await client.execute(uri: "/feeds/p/\(token).ics", method: .get)
        }
        let requests = lines.all.filter { $0.hasPrefix("request") }
        #expect(requests.count == 2)
        #expect(requests.allSatisfy { !$0.contains(token) })
        #expect(requests.contains { $0.contains("path=/feeds/p/[token].ics") && $0.contains("status=200") })
        #expect(
            requests.contains {
                $0.contains("method=GET") && $0.contains("path=/feeds/all.ics") && $0.contains("bytes=")
                    && $0.contains("ms=")
            })
    }
}

/// Log lines kept for a test to read.
final class LogCapture: @unchecked Sendable {
    // @unchecked: `lines` is only touched under `lock`.
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}

struct CapturingHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
        function: String, line: UInt
    ) {
        let fields = (metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        capture.append("\(message) \(fields)")
    }
}
