import FeedTokens
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// Builds the feed server — the release's files, personal feeds behind tokens, and `/healthz` —
/// as `convene serve` runs it and as the tests run it: the one place the server is put together
/// (Hummingbird's `buildApplication`).
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
///
/// - Parameters:
///   - options: the release, the address and the connection bounds.
///   - logger: where request lines and server errors go; its level becomes `options.logLevel`.
///   - onListening: called once the server listens, with its port (the one the system chose
///     when `options.port` is 0).
///
/// The token store is opened here (a SQLite file is created when missing) but PostgreSQL is first
/// reached when the server runs, which prepares the schema before it listens.
///
/// - Throws: `TokenStoreError` when the SQLite token store cannot be opened or created.
public func buildServer(
    _ options: ServeOptions,
    logger: Logger = Logger(label: "convene.http"),
    onListening: (@Sendable (Int) async -> Void)? = nil
) throws -> ReleaseServer {
    var logger = logger
    logger.logLevel = options.logLevel
    var storeLogger = logger
    storeLogger.logLevel = max(options.logLevel, .warning)  // the pool's retries, not each query
    let store = try openTokenStore(options.tokens, password: options.tokensPassword, logger: storeLogger)
    let lookup = TokenLookup(store: store, timeLimit: options.tokenTimeLimit, logger: logger)
    let responder = ServerResponder(
        releaseDir: options.releaseDir, tokens: lookup, retryAfter: options.retryAfter, logger: logger)
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
        let response = await responder.handle(request)
        try await writer.write(response: response.head, body: response.body)
    } onServerRunning: { [port = options.port] channel in
        await onListening?(channel.localAddress?.port ?? port)
    }
    return ReleaseServer(server: server, store: store, responder: responder, logger: logger)
}

/// The feed server `buildServer` puts together: a `Service` that listens until it is shut
/// down, the token store it reads, and the responder that answers each of its requests.
public struct ReleaseServer: Service {
    let server: any Service
    let handler: ServerResponder
    let logger: Logger
    /// Where the tokens are; its background work (PostgreSQL's pool) runs as long as the server.
    public let store: any TokenStore

    init(server: any Service, store: any TokenStore, responder: ServerResponder, logger: Logger) {
        self.server = server
        self.store = store
        self.handler = responder
        self.logger = logger
    }

    /// What answers every request the server reads, Date and Server headers included; the
    /// in-process tests send requests straight to it (`Application(responder:)` with
    /// HummingbirdTesting), skipping only the sockets.
    public var responder: some HTTPResponder<BasicRequestContext> { handler }

    /// Prepares the token store's schema, then listens and answers until the surrounding
    /// `ServiceGroup` shuts down gracefully, letting the requests in flight finish, or until the
    /// task is cancelled. Runs once.
    ///
    /// The store's background work runs beside the listener in a group of their own, listed
    /// first so that a graceful shutdown stops it last, after the requests in flight have had
    /// their answers.
    ///
    /// - Throws: `TokenStoreError` when the token store cannot be reached or prepared at the start.
    public func run() async throws {
        try await store.prepare()
        guard let background = store.background else {
            try await server.run()
            return
        }
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: background), .init(service: server)], logger: logger))
        try await withGracefulShutdownHandler {
            try await group.run()
        } onGracefulShutdown: {
            Task { await group.triggerGracefulShutdown() }
        }
    }

    /// Runs the server in a `ServiceGroup` until SIGTERM or SIGINT, then lets the requests in
    /// flight finish: what `convene serve` does.
    public func runService() async throws {
        let services = ServiceGroup(
            configuration: .init(
                services: [self], gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await services.run()
    }
}
