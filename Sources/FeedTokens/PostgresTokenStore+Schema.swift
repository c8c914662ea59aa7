import Foundation
import Logging
import PostgresNIO

/// The schema of the PostgreSQL store: a list of named migrations, each applied once, recorded
/// in `convene_migrations` (as GRDB records SQLite's in `grdb_migrations`).
extension PostgresTokenStore {
    /// Every migration, in order; add new ones at the end and never change one that shipped.
    static let migrations: [(name: String, sql: [PostgresQuery])] = [
        (
            "tokens",
            [
                """
                CREATE TABLE convene_tokens (
                    hash TEXT PRIMARY KEY,
                    person TEXT NOT NULL,
                    created TEXT NOT NULL,
                    revoked TEXT
                )
                """,
                "CREATE INDEX convene_tokens_person ON convene_tokens (person)",
            ]
        )
    ]

    /// An arbitrary constant naming Convene's advisory lock: replicas that start together take
    /// turns at the migrations instead of racing to create the same table.
    static let migrationLock = 0x436f_6e76_656e_65

    /// Creates or migrates the schema over a connection of its own, not the pool's: the pool
    /// retries a server it cannot reach until a time limit and then reports only that it gave up,
    /// where one connection fails at once and says why (refused, no such database, wrong
    /// password), which is what `convene serve` and `convene tokens` print.
    public func prepare() async throws {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: try connectionConfiguration(), id: 0, logger: logger)
        } catch {
            throw TokenStoreError.wrapping(error, store: description)
        }
        do {
            try await migrate(connection)
            try? await connection.close()
        } catch {
            try? await connection.close()
            throw TokenStoreError.wrapping(error, store: description)
        }
    }

    private func migrate(_ connection: PostgresConnection) async throws {
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS convene_migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)",
                logger: logger)
            var applied: Set<String> = []
            for try await name in try await connection.query("SELECT name FROM convene_migrations", logger: logger)
                .decode(String.self)
            {
                applied.insert(name)
            }
            for migration in Self.migrations where !applied.contains(migration.name) {
                for statement in migration.sql { try await connection.query(statement, logger: logger) }
                let now = TokenRecord.timestamp(Date())
                try await connection.query(
                    "INSERT INTO convene_migrations (name, applied) VALUES (\(migration.name), \(now))", logger: logger)
            }
        }
    }

    private func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch address.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: password?.text,
            database: address.database, tls: tls)
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }
}
