import Foundation
import ReleaseFormat
import ServiceLifecycle

/// Where the secret links of personal feeds are kept: SQLite beside the release on one machine
/// (`SQLiteTokenStore`), or PostgreSQL shared by every replica (`PostgresTokenStore`).
///
/// A store keeps only each token's SHA-256 (`TokenRecord`); the token itself is shown once,
/// when it is issued. Nothing is cached: every lookup reads the store, so a revoke made through
/// any replica, or from the command line, holds at the next request everywhere.
///
/// Every method may throw `TokenStoreError.unreachable` when the store cannot be read or
/// written; the feed server answers 503 then, and tries again at a later request.
public protocol TokenStore: Sendable {
    /// The store as it may be shown in messages and logs: a file path, or a URL without any
    /// password.
    var description: String { get }

    /// Work the store must have running while it is used (PostgreSQL's connection pool), or nil.
    /// The feed server runs it in its service group; `withTokenStore` runs it for one command.
    var background: (any Service)? { get }

    /// Creates the schema or migrates it to this version; safe to run again and from several
    /// replicas at once.
    func prepare() async throws

    /// Adds a token that is not in the store yet.
    func insert(_ record: TokenRecord) async throws

    /// Every token, revoked ones included, ordered by person then by issue time.
    func records() async throws -> [TokenRecord]

    /// Revokes every active token of a person, or the one whose id (a prefix of its hash of at
    /// least 8 hex digits) is given.
    /// - Returns: how many tokens were revoked.
    func revoke(personOrId: String, at time: String) async throws -> Int

    /// The person an active (issued and not revoked) token's hash belongs to, or nil.
    func activePerson(hash: String) async throws -> String?

    /// Adds the records the store lacks and carries over revocations of those it has; a token
    /// revoked here stays revoked. What `convene tokens migrate` does.
    func merge(_ records: [TokenRecord]) async throws -> MergeCount

    /// Returns when the store answers a trivial query; throws when it does not.
    func ping() async throws
}

extension TokenStore {
    /// Issues a new token for `person` and returns it: 32 random bytes as hex. Only its hash is
    /// stored, so it cannot be shown again.
    public func issue(person: String, now: Date = Date()) async throws -> String {
        let token = TokenRecord.newSecret()
        try await insert(TokenRecord(secret: token, person: person, created: TokenRecord.timestamp(now)))
        return token
    }

    /// Revokes tokens as `revoke(personOrId:at:)` does, at `now`.
    @discardableResult
    public func revoke(personOrId: String, now: Date = Date()) async throws -> Int {
        try await revoke(personOrId: personOrId, at: TokenRecord.timestamp(now))
    }

    /// The person a presented token belongs to, if it is issued and not revoked.
    ///
    /// The store is searched by the token's SHA-256, never by the token: how long the search
    /// takes can only tell a guesser about the hash of their own guess, which says nothing about
    /// any stored token (finding a token from a hash would mean inverting SHA-256).
    public func person(for token: String) async throws -> String? {
        try await activePerson(hash: HexDigest.sha256(token.utf8))
    }
}

/// What a merge did: tokens added, revocations carried over to tokens already there, and
/// records that changed nothing.
public struct MergeCount: Sendable, Equatable {
    public var added = 0
    public var revoked = 0
    public var unchanged = 0

    public init(added: Int = 0, revoked: Int = 0, unchanged: Int = 0) {
        self.added = added
        self.revoked = revoked
        self.unchanged = unchanged
    }
}
