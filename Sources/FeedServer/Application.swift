import Foundation
import Hummingbird
import Logging

/// How `convene serve` runs.
public struct ServeOptions: Sendable {
    public var releaseDir: String
    public var host: String
    public var port: Int
    public var logLevel: Logger.Level

    public init(releaseDir: String, host: String = "127.0.0.1", port: Int = 8080, logLevel: Logger.Level = .info) {
        self.releaseDir = releaseDir
        self.host = host
        self.port = port
        self.logLevel = logLevel
    }
}

/// The feed server: the release's files, personal feeds behind tokens, and `/healthz`.
public func buildApplication(_ options: ServeOptions) throws -> some ApplicationProtocol {
    var logger = Logger(label: "convene.http")
    logger.logLevel = options.logLevel
    return Application(responder: try buildResponder(releaseDir: options.releaseDir, logger: logger),
                       configuration: .init(address: .hostname(options.host, port: options.port), serverName: "Convene"),
                       logger: logger)
}

/// What answers each request; `buildApplication` serves it, tests call it in process.
public func buildResponder(releaseDir: String, logger: Logger) throws -> some HTTPResponder<BasicRequestContext> {
    ServerResponder(feeds: FeedResponder(files: ReleaseFiles(root: releaseDir),
                                         tokens: try TokenStore(path: TokenStore.path(forRelease: releaseDir))),
                    log: RequestLog(logger: logger))
}

/// Every request's way through the server: refuse what no calendar client sends, answer from
/// the release (or `/healthz`), log one line.
///
/// One plain responder rather than Hummingbird's router and middleware: the server has a single
/// route that matters, and profiles of 304 answers showed the route lookup and the middleware
/// chain among the costs per request.
struct ServerResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let feeds: FeedResponder
    let log: RequestLog

    func respond(to request: Request, context: Context) async throws -> Response {
        let start = log.isRecording ? DispatchTime.now().uptimeNanoseconds : 0
        let response = RequestGuard.refusal(for: request) ?? answer(request)
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
