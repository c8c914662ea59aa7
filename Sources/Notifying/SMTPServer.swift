import Foundation

/// When the session upgrades to TLS with STARTTLS (RFC 3207): always (a server that does not
/// offer it is an error), when the server offers it, or never.
public enum SMTPStartTLS: String, Sendable, CaseIterable {
    case required
    case ifOffered = "if-offered"
    case never
}

/// The SMTP server to send to and how the session protects itself: TLS from the first byte
/// (SMTPS) or STARTTLS, the CAs trusted beside the system's, and how long it waits.
public struct SMTPServer: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// TLS from the first byte (SMTPS, usually port 465) instead of STARTTLS.
    public var implicitTLS: Bool
    public var startTLS: SMTPStartTLS
    /// A PEM file of CA certificates trusted beside the system's trust store.
    public var certificateAuthorities: String?
    /// For connecting, for each reply, for each write and for the TLS handshake.
    public var timeoutSeconds: Int

    /// `startTLS` nil: `required`, unless the server is on this machine (`if-offered`).
    public init(
        host: String, port: Int, implicitTLS: Bool = false, startTLS: SMTPStartTLS? = nil,
        certificateAuthorities: String? = nil, timeoutSeconds: Int = 30
    ) {
        self.host = host
        self.port = port
        self.implicitTLS = implicitTLS
        self.startTLS = startTLS ?? (Self.isLoopback(host) ? .ifOffered : .required)
        self.certificateAuthorities = certificateAuthorities
        self.timeoutSeconds = timeoutSeconds
    }

    /// `host:port`, or `[v6]:port`.
    public var endpoint: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    public var isLoopback: Bool { Self.isLoopback(host) }

    /// `localhost`, `::1` or an address in 127.0.0.0/8.
    public static func isLoopback(_ host: String) -> Bool {
        let name = host.lowercased()
        if name == "localhost" || name == "::1" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
