import Foundation
import Hummingbird
import Logging
import NIOCore

/// Every request's way through the server: refuse what no calendar client sends, answer from
/// the release (or `/healthz`), stamp Date and Server, log one line.
struct ServerResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let feeds: FeedResponder
    let log: RequestLog
    let date = ResponseDate()

    init(releaseDir: String, tokens: TokenLookup, retryAfter: Int, logger: Logger) {
        feeds = FeedResponder(files: ReleaseFiles(root: releaseDir), tokens: tokens, retryAfter: retryAfter)
        log = RequestLog(logger: logger)
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        await handle(request)
    }

    func handle(_ request: Request) async -> Response {
        let start = log.isRecording ? DispatchTime.now().uptimeNanoseconds : 0
        var response: Response
        if let refusal = RequestGuard.refusal(for: request) {
            response = refusal
        } else {
            response = await answer(request)
        }
        if request.method == .head && response.body.contentLength != 0 {
            response = response.createHeadResponse()  // the headers a GET gets, and no body
        }
        log.record(request, response: response, start: start)
        response.headers[.date] = date.now
        response.headers[.server] = "Convene"
        return response
    }

    private func answer(_ request: Request) async -> Response {
        if request.uri.path == "/healthz" { return await health() }
        return await feeds.respond(to: request)
    }

    /// `/healthz`: 200 when the token store answers, else 503, with a line of JSON saying which;
    /// public feeds are served either way.
    private func health() async -> Response {
        let reachable = await feeds.tokens.reachable()
        var headers: HTTPFields = [.contentType: "application/json", .cacheControl: "no-store"]
        if !reachable { headers[.retryAfter] = String(feeds.retryAfter) }
        let body =
            reachable
            ? #"{"status":"ok","tokens":"reachable"}"# : #"{"status":"degraded","tokens":"unreachable"}"#
        return Response(
            status: reachable ? .ok : .serviceUnavailable, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: body + "\n")))
    }
}

/// The `Date` header's text, formatted at most once a second.
final class ResponseDate: @unchecked Sendable {
    // @unchecked: `second` and `text` are only touched under `lock`.
    private let lock = NSLock()
    private var second = 0
    private var text = ""

    var now: String {
        let current = time(nil)
        lock.lock()
        defer { lock.unlock() }
        if current != second {
            second = current
            text = HTTPDate.format(Date(timeIntervalSince1970: TimeInterval(current)))
        }
        return text
    }
}
