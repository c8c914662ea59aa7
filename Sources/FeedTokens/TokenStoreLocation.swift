import Foundation
import ReleaseFormat

/// Where `--tokens` says the token store is: a SQLite file, or a PostgreSQL database.
public enum TokenStoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresAddress)

    /// Reads a `--tokens` value: `postgres://USER@HOST[:PORT][/DATABASE][?sslmode=…]` (or
    /// `postgresql://`), else a path to a SQLite file.
    /// - Throws: `TokenStoreError.badLocation` for an empty value, another URL scheme, or a
    ///   PostgreSQL URL `PostgresAddress(parsing:)` refuses.
    public init(parsing text: String) throws {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try PostgresAddress(parsing: text))
        } else if let scheme = text.range(of: "://").map({ text[..<$0.lowerBound] }), !scheme.contains("/") {
            throw TokenStoreError.badLocation(
                text,
                reason: "'\(scheme)' stores are not supported; give a SQLite file's path "
                    + "or postgres://USER@HOST:PORT/DATABASE")
        } else if text.isEmpty {
            throw TokenStoreError.badLocation(text, reason: "empty; give a SQLite file's path or a postgres:// URL")
        } else {
            self = .sqlite(path: text)
        }
    }

    /// The default: `RELEASE.tokens.sqlite` beside the release directory.
    public static func beside(release releaseDir: String) -> TokenStoreLocation {
        .sqlite(path: ReleaseLayout.tokenStore(forRelease: releaseDir))
    }

    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let address): return address.description
        }
    }
}

/// A PostgreSQL server and database, read from a URL that must not hold a password: passwords
/// come from `PGPASSWORD` or a file, so that they never show in a process list, a shell's
/// history or a log.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    /// How the connection is encrypted, as libpq's `sslmode` says it.
    public enum TLSMode: String, Sendable, CaseIterable {
        case disable, prefer, require
    }

    public var user: String
    public var host: String
    public var port: Int
    public var database: String
    public var tls: TLSMode

    public init(user: String, host: String, port: Int = 5432, database: String, tls: TLSMode = .prefer) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
        self.tls = tls
    }

    /// - Throws: `TokenStoreError.badLocation` saying what to write instead.
    public init(parsing text: String) throws {
        func refuse(_ reason: String) -> TokenStoreError { .badLocation(Self.redacted(text), reason: reason) }
        guard let url = URLComponents(string: text) else {
            throw refuse("not a URL; write postgres://USER@HOST:PORT/DATABASE")
        }
        guard url.password == nil else {
            throw refuse(
                "the URL holds a password, which would show in process lists and logs; "
                    + "remove it and set PGPASSWORD or give --tokens-password-file")
        }
        guard let user = url.user.flatMap({ $0.removingPercentEncoding }), !user.isEmpty else {
            throw refuse("no user; write postgres://USER@HOST:PORT/DATABASE")
        }
        guard let host = url.host, !host.isEmpty else {
            throw refuse("no host; write postgres://USER@HOST:PORT/DATABASE")
        }
        let database = String(url.path.drop { $0 == "/" }).removingPercentEncoding ?? ""
        guard !database.contains("/") else { throw refuse("a database name has no '/'") }
        var tls = TLSMode.prefer
        for item in url.queryItems ?? [] {
            guard item.name == "sslmode", let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
                throw refuse("unknown parameter '\(item.name)'; the one known is sslmode (\(modes))")
            }
            tls = mode
        }
        self.init(
            user: user, host: host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host,
            port: url.port ?? 5432, database: database.isEmpty ? user : database, tls: tls)
    }

    /// `postgres://USER@HOST:PORT/DATABASE`, never with a password.
    public var description: String {
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        let mode = tls == .prefer ? "" : "?sslmode=\(tls.rawValue)"
        return "postgres://\(user)@\(host):\(port)/\(database)\(mode)"
    }

    /// A URL as it may be shown: any password replaced by `***`.
    static func redacted(_ text: String) -> String {
        guard var url = URLComponents(string: text), url.password != nil else { return text }
        url.password = "***"
        return url.string ?? "postgres://…"
    }
}
