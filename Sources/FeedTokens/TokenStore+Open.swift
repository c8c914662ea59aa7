import Foundation
import Logging

/// The pool's own messages at warning level and above: at info it reports every connection
/// it closes or gives up on, which is noise for a command that runs once.
public let commandLogger: Logger = {
    var logger = Logger(label: "convene.tokens")
    logger.logLevel = .warning
    return logger
}()

/// Opens the store `location` names: a SQLite file (created when missing) or a PostgreSQL
/// database (no connection is made until the store is prepared or used).
/// - Throws: `TokenStoreError.unreachable` when the SQLite file cannot be opened.
public func openTokenStore(
    _ location: TokenStoreLocation, password: DatabasePassword?, logger: Logger = commandLogger
) throws -> any TokenStore {
    switch location {
    case .sqlite(let path): return try SQLiteTokenStore(path: path)
    case .postgres(let address): return PostgresTokenStore(address: address, password: password, logger: logger)
    }
}

/// Runs `body` with the store `location` names, prepared (schema created or migrated) and with
/// its background work running, then stops that work: what each `convene tokens` command does.
/// - Throws: `TokenStoreError` when the store cannot be opened or prepared, or what `body` throws.
public func withTokenStore<Result: Sendable>(
    _ location: TokenStoreLocation, password: DatabasePassword?, logger: Logger = commandLogger,
    _ body: (any TokenStore) async throws -> Result
) async throws -> Result {
    let store = try openTokenStore(location, password: password, logger: logger)
    guard let background = store.background else {
        try await store.prepare()
        return try await body(store)
    }
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await background.run() }
        defer { group.cancelAll() }
        try await store.prepare()
        return try await body(store)
    }
}
