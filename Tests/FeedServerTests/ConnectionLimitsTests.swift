import FeedServer
import Foundation
import Testing

/// How the server bounds slow, silent and idle clients, against `convene serve`'s server on a
/// loopback port with one-second timeouts. The waits are generous upper bounds: the tests
/// check what happens, never how fast.
@Suite struct ConnectionLimitsTests {
    static let request = "GET /feeds/all.ics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    /// Seconds to wait for something the server must do: far beyond every timeout here.
    static let patience = 20.0

    /// Runs `body` against a live server with these timeouts (in seconds) and cap.
    func withServer(
        headerTimeout: Double = 600, idleTimeout: Double = 600, maxConnections: Int = 4096,
        _ body: (LiveFeedServer) async throws -> Void
    ) async throws {
        try await LiveFeedServer.run(
            try ReleaseFixture(),
            configure: {
                $0.headerTimeout = .seconds(headerTimeout)
                $0.idleTimeout = .seconds(idleTimeout)
                $0.maxConnections = maxConnections
            }, body)
    }

    @Test func halfRequestLinesAndSilenceAreClosedAfterTheHeaderTimeout() async throws {
        try await withServer(headerTimeout: 1) { server in
            let silent = try server.connect()
            let halves = try (0..<5).map { _ in try server.connect() }
            for half in halves { #expect(half.write("GET /feeds/all.ics HT")) }
            let normal = try server.connect()
            #expect(normal.write(Self.request))
            #expect(await normal.readResponse(within: Self.patience)?.body == ReleaseFixture.feed)
            for connection in [silent] + halves {
                #expect(await connection.readUntilClosed(within: Self.patience) == [], "closed, and nothing sent")
            }
            #expect(try await server.status(of: "/feeds/all.ics") == 200)
        }
    }

    @Test func aHeaderTrickledByteByByteIsClosedAfterTheHeaderTimeout() async throws {
        try await withServer(headerTimeout: 1) { server in
            let slow = try server.connect()
            #expect(slow.write("GET /feeds/all.ics HTTP/1.1\r\nX-Slow: "))
            var closed = false
            let deadline = ContinuousClock.now + .seconds(Self.patience)
            while !closed && ContinuousClock.now < deadline {
                let sent = slow.write("a")
                let ended = await slow.readUntilClosed(within: 0.1)
                closed = !sent || ended != nil
            }
            #expect(closed, "each byte arrived in time, the whole head did not")
        }
    }

    @Test func anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout() async throws {
        try await withServer(idleTimeout: 1) { server in
            let client = try server.connect()
            #expect(client.write(Self.request))
            #expect(await client.readResponse(within: Self.patience)?.status == 200)
            #expect(await client.readUntilClosed(within: Self.patience) == [])
        }
    }

    @Test func aKeptAliveConnectionWaitsTheIdleTimeoutNotTheHeaderTimeout() async throws {
        try await withServer(headerTimeout: 1) { server in
            let client = try server.connect()
            #expect(client.write(Self.request))
            #expect(await client.readResponse(within: Self.patience)?.status == 200)
            try await Task.sleep(for: .seconds(3))  // three header timeouts, quiet between requests
            #expect(client.write(Self.request))
            #expect(await client.readResponse(within: Self.patience)?.status == 200)
        }
    }

    @Test func aSlowSecondRequestIsClosedAfterTheHeaderTimeout() async throws {
        try await withServer(headerTimeout: 1) { server in
            let client = try server.connect()
            #expect(client.write(Self.request))
            #expect(await client.readResponse(within: Self.patience)?.status == 200)
            #expect(client.write("GET /feeds/all.ics HT"))  // the clock starts with these bytes
            #expect(await client.readUntilClosed(within: Self.patience) == [])
        }
    }

    @Test func connectionsBeyondTheCapWaitUntilOneCloses() async throws {
        try await withServer(maxConnections: 2) { server in
            let holders = try (0..<2).map { _ in try server.connect() }
            for holder in holders {
                #expect(holder.write(Self.request))
                #expect(await holder.readResponse(within: Self.patience)?.status == 200)
            }
            let waiting = try server.connect()
            #expect(waiting.write(Self.request))
            #expect(await waiting.readResponse(within: 1) == nil, "not accepted while two are open")
            holders[0].close()
            #expect(await waiting.readResponse(within: Self.patience)?.status == 200)
        }
    }

    @Test func theDefaultCapLeavesDescriptorsUnderTheLimit() {
        #expect(ServeOptions.defaultMaxConnections(descriptorLimit: nil) == 4096)
        #expect(ServeOptions.defaultMaxConnections(descriptorLimit: 1_048_576) == 4096)
        #expect(ServeOptions.defaultMaxConnections(descriptorLimit: 1024) == 960)
        #expect(ServeOptions.defaultMaxConnections(descriptorLimit: 10) == 1)
    }
}
