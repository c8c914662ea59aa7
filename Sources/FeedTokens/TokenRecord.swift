import Foundation
import ReleaseFormat

/// One token as a store keeps it: the SHA-256 of the secret (never the secret), whose personal
/// feed it opens, and when it was issued and revoked (ISO 8601, UTC, to the second).
public struct TokenRecord: Sendable, Hashable {
    /// 64 lowercase hex digits.
    public var hash: String
    public var person: String
    public var created: String
    public var revoked: String?

    public init(hash: String, person: String, created: String, revoked: String? = nil) {
        self.hash = hash
        self.person = person
        self.created = created
        self.revoked = revoked
    }

    /// The record of a newly issued secret.
    init(secret: String, person: String, created: String) {
        self.init(hash: HexDigest.sha256(secret.utf8), person: person, created: created)
    }

    /// The first 8 hex digits of the hash: enough to name a token when revoking it, and safe
    /// to show.
    public var id: String { String(hash.prefix(8)) }

    /// Whether `text` is a token id as `revoke` takes it: at least 8 hex digits (a hash prefix).
    static func isTokenId(_ text: String) -> Bool {
        text.utf8.count >= 8 && text.utf8.count <= 64
            && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// A new secret: 32 bytes from the system's random source, as 64 hex digits.
    static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// A time as stores write it: `2021-01-15T09:00:00Z`.
    static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
