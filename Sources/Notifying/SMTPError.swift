/// What went wrong talking to the SMTP server.
public enum SMTPError: Error, CustomStringConvertible, Equatable {
    /// No connection could be made.
    case unreachable(String, String)
    /// The connection broke or timed out.
    case lost(String, String)
    /// The TLS handshake failed: an untrusted certificate, one for another name, no common cipher…
    case tls(String, String)
    /// The server answered with an error code.
    case refused(command: String, reply: SMTPReply)
    /// The session cannot go on safely (no AUTH offered, STARTTLS required and not offered…).
    case unusable(String)

    public var description: String {
        switch self {
        case .unreachable(let endpoint, let reason): return "cannot reach the SMTP server \(endpoint): \(reason)"
        case .lost(let endpoint, let reason): return "lost the SMTP server \(endpoint): \(reason)"
        case .tls(let endpoint, let reason): return "no TLS with the SMTP server \(endpoint): \(reason)"
        case .refused(let command, let reply): return "the SMTP server refused \(command): \(reply)"
        case .unusable(let reason): return reason
        }
    }

    /// A 5xx reply to RCPT TO: this address will not work, others may.
    public var isPermanentForRecipient: Bool {
        if case .refused(let command, let reply) = self { return command.hasPrefix("RCPT") && reply.code / 100 == 5 }
        return false
    }
}

/// A server's reply: its code and every line's text (RFC 5321 §4.2, multi-line replies
/// `250-…` … `250 …`).
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    public var code: Int
    public var lines: [String]
    public var description: String { "\(code) \(lines.joined(separator: " / "))" }
}
