import FeedTokens
import Foundation
import Logging

/// How `convene serve` runs: where the release is, where to listen, and how long and how many
/// connections it keeps open, so that slow or silent clients cannot hold descriptors forever.
public struct ServeOptions: Sendable {
    public var releaseDir: String
    public var host: String
    public var port: Int
    public var logLevel: Logger.Level
    /// How long a request's head (request line and headers) may take to arrive, counted from
    /// the connection's opening or from the first byte of a later request; then the connection
    /// is closed. Like nginx's `client_header_timeout` (60 s): a client that sends half a
    /// request line, or one header byte at a time, is dropped when it runs out.
    public var headerTimeout: Duration
    /// How long a kept-alive connection may wait, after a response, for its next request; like
    /// nginx's `keepalive_timeout` (75 s). Hummingbird's idle timer also runs from the
    /// connection's opening, so a first request must arrive within this time too.
    public var idleTimeout: Duration
    /// The most connections open at once. Beyond it the server stops accepting, and new
    /// connections wait in the kernel's listen queue (which holds no descriptor of ours) until
    /// one closes; when that queue is full the kernel turns further attempts away.
    public var maxConnections: Int
    /// Where the tokens of personal feeds are kept (`--tokens`): by default
    /// `RELEASE.tokens.sqlite` beside the release; replicas share one PostgreSQL database.
    public var tokens: TokenStoreLocation
    /// PostgreSQL's password, from `PGPASSWORD` or `--tokens-password-file`.
    public var tokensPassword: DatabasePassword?
    /// How long a personal-feed request waits for PostgreSQL before it is answered 503.
    public var tokenTimeLimit: Duration = .seconds(2)
    /// The `Retry-After` of those 503s, in seconds.
    public var retryAfter = 5

    public init(
        releaseDir: String, host: String = "127.0.0.1", port: Int = 8080, logLevel: Logger.Level = .info,
        headerTimeout: Duration = .seconds(60), idleTimeout: Duration = .seconds(75),
        maxConnections: Int = ServeOptions.defaultMaxConnections, tokens: TokenStoreLocation? = nil,
        tokensPassword: DatabasePassword? = nil
    ) {
        self.releaseDir = releaseDir
        self.host = host
        self.port = port
        self.logLevel = logLevel
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.tokens = tokens ?? .beside(release: releaseDir)
        self.tokensPassword = tokensPassword
    }

    /// The cap under the process's descriptor limit (`ulimit -n`).
    public static var defaultMaxConnections: Int {
        defaultMaxConnections(descriptorLimit: openFileLimit())
    }

    /// 4096 connections, or fewer when the descriptor limit is lower: then the limit less
    /// `reservedDescriptors`, so that accepting never fails for want of a descriptor.
    /// - Parameter descriptorLimit: the soft limit on open descriptors; nil when unknown.
    public static func defaultMaxConnections(descriptorLimit: Int?) -> Int {
        guard let descriptorLimit else { return 4096 }
        return max(1, min(4096, descriptorLimit - reservedDescriptors))
    }

    /// Descriptors kept back from connections: standard streams, the event loops, the token
    /// database, the files being read, and the few connections the server accepts in one go
    /// (up to four) after reaching the cap.
    static var reservedDescriptors: Int { 64 }

    /// The soft limit on open descriptors, or nil when it cannot be read.
    static func openFileLimit() -> Int? {
        var limit = rlimit()
        #if os(Linux)
            let status = getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        #else
            let status = getrlimit(RLIMIT_NOFILE, &limit)
        #endif
        guard status == 0 else { return nil }
        return Int(clamping: limit.rlim_cur)
    }
}
