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

    init(releaseDir: String, logger: Logger) throws {
        feeds = FeedResponder(
            files: ReleaseFiles(root: releaseDir),
            tokens: try TokenStore(path: TokenStore.path(forRelease: releaseDir)))
        log = RequestLog(logger: logger)
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        handle(request)
    }

    func handle(_ request: Request) -> Response {
        let start = log.isRecording ? DispatchTime.now().uptimeNanoseconds : 0
        var response = RequestGuard.refusal(for: request) ?? answer(request)
        if request.method == .head && response.body.contentLength != 0 {
            response = response.createHeadResponse()  // the headers a GET gets, and no body
        }
        log.record(request, response: response, start: start)
        response.headers[.date] = date.now
        response.headers[.server] = "Convene"
        return response
    }

    private func answer(_ request: Request) -> Response {
        if request.uri.path == "/healthz" {
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        return feeds.respond(to: request)
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
