import Foundation
import GRDB
import ServiceLifecycle

/// The token store of one machine: a SQLite file, by default `RELEASE.tokens.sqlite` beside the
/// release (`TokenStoreLocation.beside(release:)`).
///
/// Calls run on the caller's thread, without a hop to another queue: each is one indexed read
/// or write of a local file, shorter than the hop would be.
public final class SQLiteTokenStore: TokenStore, @unchecked Sendable {
    // @unchecked: GRDB's DatabaseQueue serialises every access to the database.
    private let queue: DatabaseQueue
    public let description: String
    public var background: (any Service)? { nil }

    /// Opens the file, creating it when missing, and migrates its schema.
    /// - Throws: `TokenStoreError.unreachable` when the file cannot be opened or migrated.
    public init(path: String) throws {
        description = path
        do {
            queue = try DatabaseQueue(path: path)
            try Self.migrator.migrate(queue)
        } catch {
            throw TokenStoreError.wrapping(error, store: path)
        }
    }

    /// The schema's versions, in order. The first is the table every store written so far has.
    static var migrator: DatabaseMigrator {
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
        return migrator
    }

    public func prepare() async throws {
        try attempt { try Self.migrator.migrate(queue) }
    }

    public func insert(_ record: TokenRecord) async throws {
        try attempt {
            try queue.write { db in
                try db.execute(
                    sql: "INSERT INTO token (hash, person, created, revoked) VALUES (?, ?, ?, ?)",
                    arguments: [record.hash, record.person, record.created, record.revoked])
            }
        }
    }

    public func records() async throws -> [TokenRecord] {
        try attempt {
            try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT hash, person, created, revoked FROM token ORDER BY person, created")
                    .map {
                        TokenRecord(
                            hash: $0["hash"], person: $0["person"], created: $0["created"], revoked: $0["revoked"])
                    }
            }
        }
    }

    public func revoke(personOrId: String, at time: String) async throws -> Int {
        // A prefix compared with substr, not LIKE: an id never holds LIKE's wildcards anyway,
        // but a person's id may ('_'), and must then not match other tokens.
        let prefix = TokenRecord.isTokenId(personOrId) ? personOrId : nil
        return try attempt {
            try queue.write { db in
                try db.execute(
                    sql: """
                        UPDATE token SET revoked = ? \
                        WHERE revoked IS NULL AND (person = ? OR (? IS NOT NULL AND substr(hash, 1, length(?)) = ?))
                        """, arguments: [time, personOrId, prefix, prefix, prefix])
                return db.changesCount
            }
        }
    }

    public func activePerson(hash: String) async throws -> String? {
        try attempt {
            try queue.read { db in
                try String.fetchOne(
                    db, sql: "SELECT person FROM token WHERE hash = ? AND revoked IS NULL", arguments: [hash])
            }
        }
    }

    public func merge(_ records: [TokenRecord]) async throws -> MergeCount {
        try attempt {
            try queue.write { db in
                var count = MergeCount()
                for record in records {
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO token (hash, person, created, revoked) VALUES (?, ?, ?, ?)",
                        arguments: [record.hash, record.person, record.created, record.revoked])
                    if db.changesCount > 0 {
                        count.added += 1
                        continue
                    }
                    try db.execute(
                        sql: "UPDATE token SET revoked = ? WHERE hash = ? AND revoked IS NULL AND ? IS NOT NULL",
                        arguments: [record.revoked, record.hash, record.revoked])
                    if db.changesCount > 0 { count.revoked += 1 } else { count.unchanged += 1 }
                }
                return count
            }
        }
    }

    public func ping() async throws {
        try attempt { _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT 1") } }
    }

    /// Runs `body`, turning GRDB's errors into `TokenStoreError.unreachable`.
    private func attempt<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw TokenStoreError.wrapping(error, store: description) }
    }
}
