import Foundation

/// An SMTP session (RFC 5321): EHLO; STARTTLS when the server offers it and the policy says so
/// (RFC 3207: TLS under the connection, the certificate checked, then EHLO again), unless TLS
/// ran from the first byte (SMTPS); AUTH when credentials are given (only over TLS or to a
/// server on this machine); then one MAIL/RCPT/DATA per message, dot-stuffed, and QUIT.
public final class SMTPClient {
    let connection: SMTPConnection
    public private(set) var capabilities: [String] = []
    public private(set) var warnings: [String] = []
    let helloName: String

    /// Whether the session runs over TLS (STARTTLS or SMTPS).
    public var isTLS: Bool { connection.isTLS }

    public init(server: SMTPServer, credentials: SMTPCredentials?, helloName: String = "convene.localhost") throws {
        self.helloName = helloName
        connection = try SMTPConnection(server: server)
        let greeting = try reply()
        guard greeting.code == 220 else { throw SMTPError.refused(command: "the connection", reply: greeting) }
        try hello()
        if !connection.isTLS, try server.issuesStartTLS(offered: capabilities.contains("STARTTLS")) {
            try expect(command("STARTTLS"), 220, "STARTTLS")
            try connection.startTLS()
            // RFC 3207 §4.2: what the server said before TLS is forgotten; ask again.
            capabilities = []
            try hello()
        }
        if let warning = server.clearTextWarning(overTLS: connection.isTLS) { warnings.append(warning) }
        if let credentials {
            try server.checkPassword(overTLS: connection.isTLS)
            try authenticate(credentials)
        }
    }

    /// EHLO, or HELO for a server that knows no EHLO (and so offers no extension).
    func hello() throws {
        let hello = try command("EHLO \(helloName)")
        if hello.code == 250 {
            capabilities = hello.lines.dropFirst().map { $0.uppercased() }
        } else {
            try expect(command("HELO \(helloName)"), 250, "HELO")
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
