import FeedServer
import FeedTokens
import Foundation
import PostgresFixture
import Testing

/// Two servers over one release folder and one PostgreSQL database, on real sockets, as
/// replicas run behind one address: what one does with tokens the other sees at its next
/// request, they serve the same bytes, and losing PostgreSQL costs personal feeds only, for as
/// long as it is gone.
@Suite(.serialized) struct ReplicaTests {
    /// Runs `body` with two replicas of the fixture's release over `postgres`, within two
    /// minutes: a wait that never ends fails this test by name, not the whole run.
    func withReplicas(
        _ fixture: ReleaseFixture, _ postgres: TestPostgres,
        _ body: @escaping @Sendable (LiveFeedServer, LiveFeedServer) async throws -> Void
    ) async throws {
        let location = try TokenStoreLocation(parsing: postgres.url)
        let configure: @Sendable (inout ServeOptions) -> Void = { options in
            options.tokens = location
            options.tokensPassword = DatabasePassword(postgres.password)
        }
        try await withinTimeLimit(120, "two replicas over PostgreSQL") {
            try await LiveFeedServer.run(fixture, configure: configure) { one in
                try await LiveFeedServer.run(fixture, configure: configure) { other in try await body(one, other) }
            }
        }
    }

    @Test func tokensIssuedAndRevokedThroughOneReplicaHoldOnTheOther() async throws {
        let (fixture, postgres) = (try ReleaseFixture(), try await TestPostgres.start())
        defer { postgres.stop() }
        try await withReplicas(fixture, postgres) { one, other in
            let token = try await one.store.issue(person: "ana")
            let first = try #require(try await one.get("/feeds/p/\(token).ics"))
            let second = try #require(try await other.get("/feeds/p/\(token).ics"))
            #expect(first.status == 200 && second.status == 200)
            #expect(first.body.contains("X-WHO:ana") && first.body == second.body)
            #expect(first.header("ETag") != nil && first.header("ETag") == second.header("ETag"))
            #expect(try await other.store.records().map(\.person) == ["ana"])

            #expect(try await one.store.revoke(personOrId: "ana") == 1)
            #expect(try await other.status(of: "/feeds/p/\(token).ics") == 404)
            #expect(try await one.status(of: "/feeds/p/\(token).ics") == 404)
            #expect(try await other.store.records().first?.revoked != nil)
        }
    }

    @Test func replicasServeANewReleaseAlike() async throws {
        let (fixture, postgres) = (try ReleaseFixture(), try await TestPostgres.start())
        defer { postgres.stop() }
        try fixture.makeRelease("r-two", feed: "BEGIN:VCALENDAR\r\nX-RELEASE:two\r\nEND:VCALENDAR\r\n")
        try await withReplicas(fixture, postgres) { one, other in
            let before = try #require(try await one.get("/feeds/all.ics"))
            try fixture.switchTo("r-two")
            let (a, b) = (
                try #require(try await one.get("/feeds/all.ics")), try #require(try await other.get("/feeds/all.ics"))
            )
            #expect(a.body.contains("X-RELEASE:two") && a.body == b.body)
            #expect(a.header("ETag") == b.header("ETag") && a.header("ETag") != before.header("ETag"))
        }
    }

    @Test func losingPostgresCostsPersonalFeedsOnlyUntilItIsBack() async throws {
        let (fixture, postgres) = (try ReleaseFixture(), try await TestPostgres.start())
        defer { postgres.stop() }
        try await withReplicas(fixture, postgres) { one, other in
            let token = try await one.store.issue(person: "ana")
            let personal = "/feeds/p/\(token).ics"
            // Load on both replicas while PostgreSQL goes away: every answer is 200 or a 503
            // with Retry-After, and public feeds stay 200 throughout.
            let load = Task { try await Self.load(on: [one, other], personal: personal, for: .seconds(6)) }
            try await Task.sleep(for: .seconds(1))
            try await postgres.killed()
            try await Task.sleep(for: .seconds(2))
            for replica in [one, other] {
                let down = try #require(try await replica.get(personal))
                #expect(down.status == 503)
                #expect(down.header("Retry-After").flatMap(Int.init) ?? 0 > 0)
                #expect(try await replica.status(of: "/feeds/all.ics") == 200)
                let health = try #require(try await replica.get("/healthz"))
                #expect(health.status == 503 && health.body.contains("unreachable"))
            }
            try await postgres.restarted()
            for replica in [one, other] {
                #expect(try await Self.waitFor(200, personal, on: replica, within: .seconds(30)))
                #expect(try await replica.status(of: "/healthz") == 200)
            }
            let seen = try await load.value
            #expect(seen.subtracting([200, 503]).isEmpty, "statuses under load: \(seen)")
            #expect(seen.contains(503))
        }
    }

    /// Four clients, each asking for the personal and a public feed on each replica in turn,
    /// for `duration`; returns the personal feed's statuses, and records an issue for a public
    /// feed that is not 200 or a 503 without Retry-After.
    static func load(on replicas: [LiveFeedServer], personal: String, for duration: Duration) async throws -> Set<Int> {
        let end = ContinuousClock.now + duration
        return try await withThrowingTaskGroup(of: Set<Int>.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var seen: Set<Int> = []
                    while ContinuousClock.now < end {
                        for replica in replicas {
                            guard let answer = try await replica.get(personal) else { continue }
                            seen.insert(answer.status)
                            if answer.status == 503 { #expect(answer.header("Retry-After") != nil) }
                            #expect(try await replica.status(of: "/feeds/all.ics") == 200)
                        }
                    }
                    return seen
                }
            }
            return try await group.reduce(into: []) { $0.formUnion($1) }
        }
    }

    /// Whether `path` answers `status` on `replica` before `limit` runs out.
    static func waitFor(
        _ status: Int, _ path: String, on replica: LiveFeedServer, within limit: Duration
    ) async throws
        -> Bool
    {
        let end = ContinuousClock.now + limit
        while ContinuousClock.now < end {
            if try await replica.status(of: path) == status { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
