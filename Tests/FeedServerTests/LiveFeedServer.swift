import FeedServer
import FeedTokens
import Foundation

/// The server `buildServer` builds, run as `convene serve` runs it (`runService()`), on a free
/// loopback port, for tests that need real sockets: slow clients, kept-alive connections, the
/// connection cap.
struct LiveFeedServer {
    struct Failure: Error { let what: String }

    let port: Int
    /// The token store the server reads, as `buildServer` opened it.
    let store: any TokenStore

    /// Starts the server on the fixture's release with options `configure` sets, on a port the
    /// system chooses, runs `body` once the server listens, then stops it.
    ///
    /// The port comes from the listening socket itself (`buildServer`'s `onListening`), not
    /// from a port found free beforehand: another test's server or outgoing connection could
    /// take such a port in between, and this test would talk to the wrong server.
    /// - Throws: `Failure` when the server does not start or does not stop within 30 s, and
    ///   what `body` throws.
    static func run(
        _ fixture: ReleaseFixture, configure: (inout ServeOptions) -> Void,
        _ body: (LiveFeedServer) async throws -> Void
    ) async throws {
        var options = ServeOptions(releaseDir: fixture.release, port: 0, logLevel: .warning)
        configure(&options)
        let state = ServerState()
        let built = try buildServer(options) { port in state.listening(on: port) }
        let running = Task {
            defer { state.stopped() }
            try await built.runService()
        }
        defer { running.cancel() }
        let server = LiveFeedServer(port: try await state.port(within: 30, or: running), store: built.store)
        try await body(server)
        running.cancel()
        guard await state.stop(within: 30) else {
            throw Failure(what: "the server on port \(server.port) did not stop within 30 s of being cancelled")
        }
        _ = await running.result
    }

    /// A new raw connection to the server.
    func connect() throws -> RawConnection {
        try RawConnection(port: port)
    }

    /// The status of a GET on a connection of its own (0 when no answer came).
    func status(of path: String) async throws -> Int {
        try await get(path)?.status ?? 0
    }

    /// A GET on a connection of its own, or nil when no answer came within 20 s.
    func get(_ path: String, headers: String = "") async throws -> RawConnection.Answer? {
        let connection = try connect()
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(headers)Connection: close\r\n\r\n"
        guard connection.write(request) else { return nil }
        return await connection.readResponse(within: 20)
    }
}

/// What the server task of `LiveFeedServer.run` has come to: listening on a port, stopped.
private final class ServerState: @unchecked Sendable {
    // @unchecked: both fields change only under `lock`.
    private let lock = NSLock()
    private var boundPort: Int?
    private var hasStopped = false

    func listening(on port: Int) { lock.withLock { boundPort = port } }
    func stopped() { lock.withLock { hasStopped = true } }

    /// The port once the server listens; throws when the server stops first (its error) or
    /// does not listen within `seconds`.
    func port(within seconds: Double, or running: Task<Void, any Error>) async throws -> Int {
        let end = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < end {
            let (port, stopped) = lock.withLock { (boundPort, hasStopped) }
            if let port { return port }
            if stopped {
                try await running.value
                throw LiveFeedServer.Failure(what: "the server stopped before it listened")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw LiveFeedServer.Failure(what: "the server did not listen within \(Int(seconds)) s")
    }

    /// Whether the server task ended within `seconds` (false at once if this task is cancelled:
    /// a cancelled sleep returns at once, and the loop would spin on one of the few threads).
    func stop(within seconds: Double) async -> Bool {
        let end = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < end {
            if lock.withLock({ hasStopped }) { return true }
            guard (try? await Task.sleep(for: .milliseconds(20))) != nil else { return lock.withLock { hasStopped } }
        }
        return false
    }
}
