import Foundation

/// What went wrong talking to the SMTP server.
public enum SMTPError: Error, CustomStringConvertible, Equatable {
    /// No connection could be made.
    case unreachable(String, String)
    /// The connection broke or timed out.
    case lost(String, String)
    /// The server answered with an error code.
    case refused(command: String, reply: SMTPReply)
    /// The session cannot go on safely (no AUTH offered, STARTTLS needed for a password…).
    case unusable(String)

    public var description: String {
        switch self {
        case .unreachable(let endpoint, let reason): return "cannot reach the SMTP server \(endpoint): \(reason)"
        case .lost(let endpoint, let reason): return "lost the SMTP server \(endpoint): \(reason)"
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

/// The user and password for AUTH, from `CONVENE_SMTP_USER` and `CONVENE_SMTP_PASSWORD`: never
/// from the command line (where `ps` shows it) and never printed.
public struct SMTPCredentials: Sendable {
    public var user: String
    var password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    public static func fromEnvironment(_ environment: [String: String]) -> SMTPCredentials? {
        guard let user = environment["CONVENE_SMTP_USER"], !user.isEmpty else { return nil }
        return SMTPCredentials(user: user, password: environment["CONVENE_SMTP_PASSWORD"] ?? "")
    }
}

/// An SMTP session (RFC 5321): EHLO, AUTH when credentials are given, then one MAIL/RCPT/DATA
/// per message, dot-stuffed, and QUIT.
///
/// STARTTLS is not implemented: Convene's build has no TLS library yet. When the server offers
/// STARTTLS the session goes on in the clear with a warning, and refuses to send a password in
/// the clear unless the server is on this machine (loopback).
public final class SMTPClient {
    let connection: SMTPConnection
    public private(set) var capabilities: [String] = []
    public private(set) var warnings: [String] = []

    public init(
        host: String, port: Int, credentials: SMTPCredentials?, helloName: String = "convene.localhost",
        timeoutSeconds: Int = 30
    ) throws {
        connection = try SMTPConnection(host: host, port: port, timeoutSeconds: timeoutSeconds)
        let greeting = try reply()
        guard greeting.code == 220 else { throw SMTPError.refused(command: "the connection", reply: greeting) }
        let hello = try command("EHLO \(helloName)")
        if hello.code == 250 {
            capabilities = hello.lines.dropFirst().map { $0.uppercased() }
        } else {
            try expect(command("HELO \(helloName)"), 250, "HELO")
        }
        let loopback = ["127.0.0.1", "::1", "localhost"].contains(host.lowercased())
        if capabilities.contains(where: { $0 == "STARTTLS" }) {
            warnings.append(
                "the SMTP server \(host):\(port) offers STARTTLS, but this build of Convene cannot use TLS yet: "
                    + "the messages go in the clear")
        }
        if let credentials {
            guard loopback else {
                throw SMTPError.unusable(
                    "refusing to send the SMTP password to \(host):\(port) in the clear: Convene cannot use "
                        + "STARTTLS yet; use a relay on this machine (127.0.0.1), or --outbox")
            }
            try authenticate(credentials)
        }
    }

    func authenticate(_ credentials: SMTPCredentials) throws {
        let mechanisms = capabilities.filter { $0.hasPrefix("AUTH") }.flatMap { $0.split(separator: " ").dropFirst() }
        if mechanisms.contains("PLAIN") {
            let token = Data("\0\(credentials.user)\0\(credentials.password)".utf8).base64EncodedString()
            try expect(command("AUTH PLAIN \(token)"), 235, "AUTH PLAIN")
        } else if mechanisms.contains("LOGIN") {
            try expect(command("AUTH LOGIN"), 334, "AUTH LOGIN")
            try expect(
                command(Data(credentials.user.utf8).base64EncodedString()), 334,
                "AUTH LOGIN (user)")
            try expect(
                command(Data(credentials.password.utf8).base64EncodedString()), 235,
                "AUTH LOGIN (password)")
        } else {
            throw SMTPError.unusable(
                "CONVENE_SMTP_USER is set but the SMTP server \(connection.endpoint) offers no AUTH PLAIN or LOGIN")
        }
    }

    /// Sends one message. After a refused recipient the session is reset and can go on.
    public func send(from: String, to: String, message: String) throws {
        try expect(command("MAIL FROM:<\(from)>"), 250, "MAIL FROM:<\(from)>")
        let rcpt = try command("RCPT TO:<\(to)>")
        guard rcpt.code == 250 || rcpt.code == 251 else {
            _ = try? command("RSET")
            throw SMTPError.refused(command: "RCPT TO:<\(to)>", reply: rcpt)
        }
        try expect(command("DATA"), 354, "DATA")
        try connection.send(Self.dotStuffed(message) + ".\r\n")
        try expect(reply(), 250, "the message to \(to)")
    }

    public func quit() {
        _ = try? command("QUIT")
    }

    /// RFC 5321 §4.5.2: a line that starts with a dot gets one more; lines end in CRLF.
    public static func dotStuffed(_ message: String) -> String {
        var lines = message.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines.map { ($0.hasPrefix(".") ? "." + $0 : $0) + "\r\n" }.joined()
    }

    func command(_ line: String) throws -> SMTPReply {
        try connection.send(line + "\r\n")
        return try reply()
    }

    func expect(_ reply: SMTPReply, _ code: Int, _ what: String) throws {
        guard reply.code == code else { throw SMTPError.refused(command: what, reply: reply) }
    }

    /// Reads a whole reply: lines `NNN-text` until `NNN text`.
    func reply() throws -> SMTPReply {
        var lines: [String] = []
        while true {
            let line = try connection.readLine()
            let chars = Array(line)
            guard chars.count >= 3, let code = Int(String(chars[0..<3])) else {
                throw SMTPError.lost(connection.endpoint, "not an SMTP reply: '\(line.prefix(80))'")
            }
            lines.append(chars.count > 4 ? String(chars[4...]) : "")
            if chars.count == 3 || chars[3] == " " { return SMTPReply(code: code, lines: lines) }
            guard chars[3] == "-" else {
                throw SMTPError.lost(connection.endpoint, "not an SMTP reply: '\(line.prefix(80))'")
            }
        }
    }
}
