import FeedTokens
import Foundation
import PostgresFixture
import ReleaseFormat
import Testing

/// What every token store does, checked on both: SQLite in a temporary file and PostgreSQL in a
/// throwaway server.
@Suite struct TokenStoreTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    /// Runs `body` on a new, prepared store of `kind`, with its background work running, within
    /// a minute (a wait that never ends fails this test by name, not the whole run).
    func withStore(_ kind: Kind, _ body: @escaping @Sendable (any TokenStore) async throws -> Void) async throws {
        switch kind {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("tokens-\(UUID()).sqlite").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try await withTokenStore(.sqlite(path: path), password: nil, body)
        case .postgres:
            try await withinTimeLimit(60, "a token store in PostgreSQL") {
                let postgres = try await TestPostgres.start()
                defer { postgres.stop() }
                try await withTokenStore(
                    try TokenStoreLocation(parsing: postgres.url), password: DatabasePassword(postgres.password), body)
            }
        }
    }

    @Test(arguments: Kind.allCases) func issueListRevoke(_ kind: Kind) async throws {
        try await withStore(kind) { store in
            let ana = try await store.issue(person: "ana", now: Date(timeIntervalSince1970: 1_610_701_200))
            let bo = try await store.issue(person: "bo")
            #expect(ana.count == 64 && ana != bo)
            #expect(try await store.person(for: ana) == "ana")
            #expect(try await store.person(for: bo) == "bo")
            #expect(try await store.person(for: String(repeating: "0", count: 64)) == nil)
            let listed = try await store.records()
            #expect(listed.map(\.person) == ["ana", "bo"])
            #expect(listed[0].created == "2021-01-15T09:00:00Z" && listed[0].revoked == nil)
            // Only the hash is kept.
            #expect(listed[0].hash == HexDigest.sha256(ana.utf8) && !listed.contains { $0.hash == ana })

            #expect(try await store.revoke(personOrId: "ana") == 1)
            #expect(try await store.person(for: ana) == nil)
            #expect(try await store.revoke(personOrId: "ana") == 0)
            let boId = try #require(try await store.records().first { $0.person == "bo" }?.id)
            #expect(try await store.revoke(personOrId: boId) == 1)
            #expect(try await store.person(for: bo) == nil)
            #expect(try await store.records().allSatisfy { $0.revoked != nil })
        }
    }

    @Test(arguments: Kind.allCases) func anIdIsAHashPrefixNotAPattern(_ kind: Kind) async throws {
        try await withStore(kind) { store in
            let token = try await store.issue(person: "ana")
            // Eight characters that LIKE would read as wildcards, and a prefix too short.
            #expect(try await store.revoke(personOrId: "%%%%%%%%") == 0)
            #expect(try await store.revoke(personOrId: "________") == 0)
            #expect(try await store.revoke(personOrId: String(HexDigest.sha256(token.utf8).prefix(7))) == 0)
            #expect(try await store.person(for: token) == "ana")
        }
    }

    @Test(arguments: Kind.allCases) func preparingAgainKeepsTheTokens(_ kind: Kind) async throws {
        try await withStore(kind) { store in
            let token = try await store.issue(person: "ana")
            try await store.prepare()
            try await store.prepare()
            #expect(try await store.person(for: token) == "ana")
            try await store.ping()
        }
    }

    @Test(arguments: Kind.allCases) func mergingTwiceAddsNothingAndCarriesRevocations(_ kind: Kind) async throws {
        let source = [
            TokenRecord(hash: String(repeating: "a", count: 64), person: "ana", created: "2021-01-15T09:00:00Z"),
            TokenRecord(hash: String(repeating: "b", count: 64), person: "bo", created: "2021-01-16T09:00:00Z"),
            TokenRecord(
                hash: String(repeating: "c", count: 64), person: "cy", created: "2021-01-17T09:00:00Z",
                revoked: "2021-02-01T09:00:00Z"),
        ]
        try await withStore(kind) { store in
            #expect(try await store.merge(source) == MergeCount(added: 3))
            #expect(try await store.records() == source)
            #expect(try await store.merge(source) == MergeCount(unchanged: 3))
            // Revoked in the source since: revoked here too; a revocation here is never undone.
            var later = source
            later[0].revoked = "2021-03-01T09:00:00Z"
            later[2].revoked = nil
            #expect(try await store.merge(later) == MergeCount(revoked: 1, unchanged: 2))
            let merged = try await store.records()
            #expect(merged[0].revoked == "2021-03-01T09:00:00Z" && merged[2].revoked == "2021-02-01T09:00:00Z")
            #expect(try await store.activePerson(hash: source[1].hash) == "bo")
        }
    }
}
