import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle

/// The token store every replica shares: a table `convene_tokens` in a PostgreSQL database,
/// reached through PostgresNIO's connection pool (`PostgresClient`), which must be running
/// (`background`) while the store is used.
///
/// Each lookup is one indexed query on a pooled connection, a prepared statement: no answer is
/// cached, so a revoke committed through one replica holds at the next request on every other.
/// When PostgreSQL goes away, queries fail (the feed server answers 503); the pool reconnects by
/// itself when it comes back, trying again after 0.1 s, then 25 % longer each time (PostgresNIO's
/// backoff, at most a minute).
public final class PostgresTokenStore: TokenStore {
    public let address: PostgresAddress
    let password: DatabasePassword?
    let client: PostgresClient
    let logger: Logger

    public var description: String { address.description }
    public var background: (any Service)? { client }

    /// The most connections one replica opens; beyond them lookups wait for a free one. Sixteen
    /// keep a replica's lookups flowing at the rates `make bench` measures, and leave room under
    /// PostgreSQL's default `max_connections` (100) for five replicas and the command line.
    public static let poolSize = 16

    /// - Parameters:
    ///   - logger: where the pool's own troubles go (connections lost, retries); never queries.
    public init(address: PostgresAddress, password: DatabasePassword?, logger: Logger = Logger(label: "convene.tokens"))
    {
        self.address = address
        self.password = password
        self.logger = logger
        var configuration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.user, password: password?.text,
            database: address.database, tls: Self.tls(address.tls))
        configuration.options.maximumConnections = Self.poolSize
        configuration.options.connectTimeout = .seconds(5)
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    }

    static func tls(_ mode: PostgresAddress.TLSMode) -> PostgresClient.Configuration.TLS {
        switch mode {
        case .disable: return .disable
        case .prefer: return .prefer(.makeClientConfiguration())
        case .require: return .require(.makeClientConfiguration())
        }
    }

    public func insert(_ record: TokenRecord) async throws {
        try await attempt {
            try await client.query(
                """
                INSERT INTO convene_tokens (hash, person, created, revoked)
                VALUES (\(record.hash), \(record.person), \(record.created), \(record.revoked))
                """)
        }
    }

    public func records() async throws -> [TokenRecord] {
        try await attempt {
            var records: [TokenRecord] = []
            let rows = try await client.query(
                // Byte order, as SQLite sorts, whatever the database's collation.
                "SELECT hash, person, created, revoked FROM convene_tokens ORDER BY person COLLATE \"C\", created")
            for try await (hash, person, created, revoked) in rows.decode((String, String, String, String?).self) {
                records.append(TokenRecord(hash: hash, person: person, created: created, revoked: revoked))
            }
            return records
        }
    }

    public func revoke(personOrId: String, at time: String) async throws -> Int {
        let prefix = TokenRecord.isTokenId(personOrId) ? personOrId : ""
        return try await attempt {
            let rows = try await client.query(
                """
                UPDATE convene_tokens SET revoked = \(time)
                WHERE revoked IS NULL AND (person = \(personOrId) OR (\(prefix) <> '' AND starts_with(hash, \(prefix))))
                RETURNING hash
                """)
            return try await rows.collect().count
        }
    }

    public func activePerson(hash: String) async throws -> String? {
        try await attempt {
            var person: String?
            for try await found in try await client.execute(ActivePerson(hash: hash)) { person = found }
            return person
        }
    }

    public func merge(_ records: [TokenRecord]) async throws -> MergeCount {
        try await attempt {
            try await client.withTransaction(logger: logger) { connection in
                var count = MergeCount()
                for record in records {
                    let added = try await connection.query(
                        """
                        INSERT INTO convene_tokens (hash, person, created, revoked)
                        VALUES (\(record.hash), \(record.person), \(record.created), \(record.revoked))
                        ON CONFLICT (hash) DO NOTHING RETURNING hash
                        """, logger: logger
                    ).collect()
                    if !added.isEmpty {
                        count.added += 1
                        continue
                    }
                    guard let revoked = record.revoked else {
                        count.unchanged += 1
                        continue
                    }
                    let carried = try await connection.query(
                        """
                        UPDATE convene_tokens SET revoked = \(revoked)
                        WHERE hash = \(record.hash) AND revoked IS NULL RETURNING hash
                        """, logger: logger
                    ).collect()
                    if carried.isEmpty { count.unchanged += 1 } else { count.revoked += 1 }
                }
                return count
            }
        }
    }

    public func ping() async throws {
        try await attempt { _ = try await client.query("SELECT 1").collect() }
    }

    /// Runs `body`, turning PostgresNIO's errors into `TokenStoreError.unreachable`.
    func attempt<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw TokenStoreError.wrapping(error, store: description) }
    }
}

/// The lookup of every personal-feed request, prepared once per pooled connection.
struct ActivePerson: PostgresPreparedStatement {
    static let sql = "SELECT person FROM convene_tokens WHERE hash = $1 AND revoked IS NULL"
    typealias Row = String
    var hash: String

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(hash)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> String {
        try row.decode(String.self)
    }
}
