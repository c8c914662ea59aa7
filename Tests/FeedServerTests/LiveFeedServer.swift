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

    /// Starts the server on the fixture's release with options `configure` sets, runs `body`
    /// once the server answers, then stops it.
    static func run(
        _ fixture: ReleaseFixture, configure: (inout ServeOptions) -> Void,
        _ body: (LiveFeedServer) async throws -> Void
    ) async throws {
        let port = try freePort()
        var options = ServeOptions(releaseDir: fixture.release, port: port, logLevel: .warning)
        configure(&options)
        let built = try buildServer(options)
        let server = LiveFeedServer(port: port, store: built.store)
        let running = Task { try await built.runService() }
        defer { running.cancel() }
        try await server.waitUntilAnswering()
        try await body(server)
        running.cancel()
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

    private func waitUntilAnswering() async throws {
        for _ in 0..<200 {
            if (try? await status(of: "/healthz")) == 200 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure(what: "the server on port \(port) never answered /healthz")
    }

    /// A port nothing listens on: bound to port 0, read back, released.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw Failure(what: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
