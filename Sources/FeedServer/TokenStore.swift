import Foundation
import GRDB
import ReleaseFormat

/// The secret links of personal feeds, kept beside the release in SQLite
/// (`RELEASE.tokens.sqlite`). Only each token's SHA-256 is stored: the token itself is shown
/// once, when it is issued.
public final class TokenStore: @unchecked Sendable {
    // @unchecked: GRDB's DatabaseQueue serialises every access to the database.
    public struct Token: Sendable, Hashable {
        public var person: String
        /// The first 8 hex digits of the hash, enough to name a token when revoking it.
        public var id: String
        public var created: String
        public var revoked: String?
    }

    private let queue: DatabaseQueue

    /// The store for the release at `releaseDir`: `RELEASE.tokens.sqlite` beside it
    /// (`ReleaseLayout.tokenStore(forRelease:)`).
    public static func path(forRelease releaseDir: String) -> String {
        ReleaseLayout.tokenStore(forRelease: releaseDir)
    }

    public init(path: String) throws {
        queue = try DatabaseQueue(path: path)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("tokens") { db in
            try db.execute(
                sql: """
                    CREATE TABLE token (
                        hash TEXT PRIMARY KEY NOT NULL,
                        person TEXT NOT NULL,
                        created TEXT NOT NULL,
                        revoked TEXT
                    )
                    """)
        }
        try migrator.migrate(queue)
    }

    /// Issues a new token for `person` and returns it; it is not stored and cannot be shown again.
    public func issue(person: String, now: Date = Date()) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let token = bytes.map { String(format: "%02x", $0) }.joined()
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO token (hash, person, created) VALUES (?, ?, ?)",
                arguments: [HexDigest.sha256(token.utf8), person, ISO8601DateFormatter().string(from: now)])
        }
        return token
    }

    public func list() throws -> [Token] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT hash, person, created, revoked FROM token ORDER BY person, created").map {
                Token(
                    person: $0["person"], id: String(($0["hash"] as String).prefix(8)), created: $0["created"],
                    revoked: $0["revoked"])
            }
        }
    }

    /// Revokes every token of a person, or the one token whose id (hash prefix) is given.
    /// - Returns: how many tokens were revoked.
    @discardableResult
    public func revoke(personOrId: String, now: Date = Date()) throws -> Int {
        try queue.write { db in
            try db.execute(
                sql: """
                    UPDATE token SET revoked = ? \
                    WHERE revoked IS NULL AND (person = ? OR (length(?) >= 8 AND hash LIKE ? || '%'))
                    """, arguments: [ISO8601DateFormatter().string(from: now), personOrId, personOrId, personOrId])
            return db.changesCount
        }
    }

    /// The person a presented token belongs to, if it is issued and not revoked.
    ///
    /// The store is read on every call, so tokens issued or revoked from the command line take
    /// effect at once; every active hash is compared in full, in constant time, so the
    /// answer's timing says nothing about how close a guess was.
    public func person(for token: String) -> String? {
        let presented = Array(HexDigest.sha256(token.utf8).utf8)
        guard
            let active = try? queue.read({ db in
                try Row.fetchAll(db, sql: "SELECT hash, person FROM token WHERE revoked IS NULL")
            })
        else { return nil }
        var found: String?
        for row in active {
            let hash = Array((row["hash"] as String).utf8)
            var difference: UInt8 = hash.count == presented.count ? 0 : 1
            for (a, b) in zip(hash, presented) { difference |= a ^ b }
            if difference == 0 { found = row["person"] }
        }
        return found
    }
}
