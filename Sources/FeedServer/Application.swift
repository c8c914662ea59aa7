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
    let router = try buildRouter(releaseDir: options.releaseDir, logger: logger)
    return Application(router: router,
                       configuration: .init(address: .hostname(options.host, port: options.port), serverName: "Convene"),
                       logger: logger)
}

public func buildRouter(releaseDir: String, logger: Logger) throws -> Router<BasicRequestContext> {
    let responder = FeedResponder(files: ReleaseFiles(root: releaseDir),
                                  tokens: try TokenStore(path: TokenStore.path(forRelease: releaseDir)))
    let router = Router()
    router.add(middleware: RequestLog(logger: logger))
    router.add(middleware: RequestGuard())
    router.get("/healthz") { _, _ in
        Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n")))
    }
    for path in ["/", "/**"] {
        router.get(RouterPath(path)) { request, _ in responder.respond(to: request) }
        router.head(RouterPath(path)) { request, _ in responder.respond(to: request) }
    }
    return router
}
