import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// Runs the feed server — the release's files, personal feeds behind tokens, and `/healthz` —
/// until SIGTERM or SIGINT, then lets the requests in flight finish.
///
/// Built on Hummingbird's HTTP/1.1 server (HummingbirdCore) with one responder, rather than on
/// `Application` with a router: the server has one route that matters, and profiles of 304
/// answers showed the router, the middleware chain and Application's per-request IDs,
/// task-local loggers and contexts among the costs per request.
///
/// Connections are bounded in time and number (`ServeOptions.headerTimeout`, `idleTimeout`,
/// `maxConnections`): Hummingbird's idle timeout closes kept-alive connections left waiting,
/// `RequestHeadTimeout` closes those whose request head is slow to arrive, and Hummingbird's
/// `MaximumAvailableConnections` stops accepting at the cap.
public func runServer(_ options: ServeOptions) async throws {
    var logger = Logger(label: "convene.http")
    logger.logLevel = options.logLevel
    let responder = try ServerResponder(releaseDir: options.releaseDir, logger: logger)
    let date = ResponseDate()
    // The autoclosure runs once a connection: each gets its own head timer.
    let channel = HTTP1Channel.Configuration(
        additionalChannelHandlers: [RequestHeadTimeout(timeout: TimeAmount(options.headerTimeout))],
        idleTimeout: TimeAmount(options.idleTimeout))
    let configuration = ServerConfiguration(
        address: .hostname(options.host, port: options.port), serverName: "Convene",
        availableConnectionsDelegate: MaximumAvailableConnections(options.maxConnections, logger: logger))
    let server = try HTTPServerBuilder.http1(configuration: channel).buildServer(
        configuration: configuration,
        eventLoopGroup: EventLoopGroupProvider.singleton.eventLoopGroup,
        logger: logger
    ) { request, writer, _ in
        var response = responder.handle(request)
        response.headers[.date] = date.now
        response.headers[.server] = "Convene"
        try await writer.write(response: response.head, body: response.body)
    }
    let services = ServiceGroup(configuration: .init(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    try await services.run()
}

/// The responder `runServer` uses, for in-process tests (`Application(responder:)` with
/// HummingbirdTesting).
public func buildResponder(releaseDir: String, logger: Logger) throws -> some HTTPResponder<BasicRequestContext> {
    try ServerResponder(releaseDir: releaseDir, logger: logger)
}

/// Every request's way through the server: refuse what no calendar client sends, answer from
/// the release (or `/healthz`), log one line.
struct ServerResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let feeds: FeedResponder
    let log: RequestLog

    init(releaseDir: String, logger: Logger) throws {
        feeds = FeedResponder(files: ReleaseFiles(root: releaseDir), tokens: try TokenStore(path: TokenStore.path(forRelease: releaseDir)))
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
        return response
    }

    private func answer(_ request: Request) -> Response {
        if request.uri.path == "/healthz" {
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
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
