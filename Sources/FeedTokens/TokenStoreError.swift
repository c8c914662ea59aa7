import Foundation
import PostgresNIO

/// Why a token store could not be named, opened or used, said so that the reader knows what to
/// do. No message holds a password or a token: only store descriptions (a path, or a URL without
/// its password), and what SQLite or PostgreSQL said.
public enum TokenStoreError: Error, Equatable, CustomStringConvertible {
    /// A `--tokens` value that is neither a file path nor a PostgreSQL URL Convene can use.
    case badLocation(String, reason: String)
    /// The password file could not be read, or holds no password.
    case badPasswordFile(String, reason: String)
    /// The store did not answer, or answered with an error.
    case unreachable(String, reason: String)
    /// The store answered within no time limit.
    case timedOut(String, after: Duration)

    public var description: String {
        switch self {
        case .badLocation(let text, let reason):
            return "--tokens \(text): \(reason)"
        case .badPasswordFile(let path, let reason):
            return "\(path): \(reason)"
        case .unreachable(let store, let reason):
            return "cannot use the token store \(store): \(reason)"
        case .timedOut(let store, let after):
            return "the token store \(store) did not answer within \(after.components.seconds) s"
        }
    }

    /// The error as `unreachable`, for a store named `store`, with what went wrong in words.
    public static func wrapping(_ error: any Error, store: String) -> TokenStoreError {
        if let known = error as? TokenStoreError { return known }
        return .unreachable(store, reason: reason(error))
    }

    /// What PostgreSQL, the network or SQLite said. PSQLError's own description is kept vague on
    /// purpose (it could carry query values); the server's message and SQLSTATE and the
    /// connection's underlying error are safe to show and are what a reader needs.
    public static func reason(_ error: any Error) -> String {
        if case .unreachable(_, let reason) = error as? TokenStoreError { return reason }
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let message = error.serverInfo?[.message] {
            let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            return "PostgreSQL says: \(message)\(state)" + hint(sqlState: error.serverInfo?[.sqlState])
        }
        switch error.code {
        case .connectionError:
            let cause = error.underlying.map(connectionCause) ?? "no connection"
            return "\(cause); is PostgreSQL running there and listening on that address?"
        case .serverClosedConnection, .uncleanShutdown:
            return "PostgreSQL closed the connection"
        case .sslUnsupported:
            return "the server does not offer TLS; add ?sslmode=disable to the URL on a trusted network"
        case .authMechanismRequiresPassword:
            return "the server asks for a password; set PGPASSWORD or give --tokens-password-file"
        default:
            return "\(error.code)"
        }
    }

    /// NIO's connection error in a few words: "connection refused", "no route to host", a
    /// name that does not resolve.
    static func connectionCause(_ error: any Error) -> String {
        if let failure = error as? NIOConnectionError {
            if let last = failure.connectionErrors.last { return connectionCause(last.error) }
            if let dns = failure.dnsAAAAError ?? failure.dnsAError {
                return "the host name does not resolve (\(dns))"
            }
        }
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)).lowercased() }
        return String(describing: error)
    }

    private static func hint(sqlState: String?) -> String {
        switch sqlState {
        case "28P01", "28000": return "; check the user in the URL, and PGPASSWORD or --tokens-password-file"
        case "3D000": return "; create the database first (createdb) or name another one in the URL"
        default: return ""
        }
    }
}
