import Foundation

/// An email as RFC 5322 and MIME (RFC 2045–2047) want it: ASCII headers (non-ASCII words
/// encoded), CRLF line ends, no line over 998 octets — each part quoted-printable or base64.
public struct MIMEMessage: Sendable {
    public struct Part: Sendable {
        public enum Encoding: String, Sendable {
            case quotedPrintable = "quoted-printable"
            case base64
        }

        public var contentType: String
        public var encoding: Encoding
        public var body: String

        public init(contentType: String, encoding: Encoding, body: String) {
            self.contentType = contentType
            self.encoding = encoding
            self.body = body
        }
    }

    /// Headers in order, values unencoded; `text` encodes them.
    public var headers: [(name: String, value: String)]
    public var parts: [Part]
    /// The multipart boundary; it must not appear in any encoded part (it cannot: it holds
    /// `=_`, which neither quoted-printable nor base64 writes).
    public var boundary: String

    public init(headers: [(name: String, value: String)], parts: [Part], boundary: String) {
        self.headers = headers
        self.parts = parts
        self.boundary = boundary
    }

    /// The whole message, ready for SMTP DATA or an `.eml` file.
    public var text: String {
        var out = ""
        for (name, value) in headers { out += "\(name): \(value)\r\n" }
        out += "MIME-Version: 1.0\r\n"
        out += "Content-Type: multipart/alternative; boundary=\"\(boundary)\"\r\n\r\n"
        out += "This is a calendar invitation in MIME format.\r\n"
        for part in parts {
            out += "\r\n--\(boundary)\r\n"
            out += "Content-Type: \(part.contentType)\r\n"
            out += "Content-Transfer-Encoding: \(part.encoding.rawValue)\r\n\r\n"
            switch part.encoding {
            case .quotedPrintable: out += Self.quotedPrintable(part.body)
            case .base64: out += Self.base64Lines(Data(part.body.utf8))
            }
        }
        return out + "\r\n--\(boundary)--\r\n"
    }

    /// RFC 2045 §6.7: every line (CRLF or LF) kept as a hard break, `=` and bytes outside
    /// printable ASCII as `=XX`, space or tab before a break encoded, soft breaks keeping each
    /// line within 76 characters.
    public static func quotedPrintable(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for (index, line) in lines.enumerated() {
            if index == lines.count - 1 && line.isEmpty { break }
            let bytes = Array(line.utf8)
            var current = ""
            for (i, byte) in bytes.enumerated() {
                let last = i == bytes.count - 1
                let plain = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !last)
                let piece = plain ? String(Character(Unicode.Scalar(byte))) : String(format: "=%02X", byte)
                if current.count + piece.count > 75 {
                    out.append(current + "=")
                    current = ""
                }
                current += piece
            }
            out.append(current)
        }
        return out.joined(separator: "\r\n") + "\r\n"
    }

    /// Base64 in lines of 76 characters, each ending in CRLF.
    public static func base64Lines(_ data: Data) -> String {
        let encoded = Array(data.base64EncodedString().utf8)
        var out = ""
        var start = 0
        while start < encoded.count {
            let end = min(start + 76, encoded.count)
            out += String(decoding: encoded[start..<end], as: UTF8.self) + "\r\n"
            start = end
        }
        return out
    }

    /// A header value that is safe as it is (printable ASCII, short) or RFC 2047 encoded
    /// words (`=?UTF-8?B?…?=`), each within 75 characters, folded onto continuation lines.
    public static func headerText(_ value: String) -> String {
        if value.utf8.allSatisfy({ $0 >= 32 && $0 < 127 }) && value.utf8.count <= 70 { return value }
        var words: [String] = []
        var chunk = ""
        for character in value {
            // 45 bytes of UTF-8 make 60 base64 characters: 72 with the markers.
            if chunk.utf8.count + String(character).utf8.count > 45 {
                words.append(encodedWord(chunk))
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(encodedWord(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    /// `"Name" <address>`, the name quoted or encoded as it needs.
    public static func mailbox(name: String, address: String) -> String {
        let safe = name.utf8.allSatisfy { $0 >= 32 && $0 < 127 } && name.utf8.count <= 60
        let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return (safe ? "\"\(quoted)\"" : headerText(name)) + " <\(address)>"
    }

    static func encodedWord(_ text: String) -> String {
        "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    /// RFC 5322 §3.3: `Tue, 01 Dec 2026 12:00:00 +0000`.
    public static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
