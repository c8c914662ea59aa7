/// An email address as SMTP carries it (`local@domain`), checked before anything is sent so
/// that a typo in the plan is listed rather than refused by the server half-way.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    /// Accepts `local@domain` with a dot-atom local part (RFC 5322 §3.4.1) and a domain of
    /// letter, digit and hyphen labels with at least one dot; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, text.utf8.count <= 254 else { return nil }
        let local = parts[0], domain = parts[1]
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")
        guard !local.isEmpty, local.count <= 64, local.first != ".", local.last != ".", !local.contains(".."),
            local.allSatisfy({ atext.contains($0) || $0 == "." })
        else { return nil }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let letters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        guard labels.count >= 2,
            labels.allSatisfy({
                !$0.isEmpty && $0.count <= 63 && $0.first != "-" && $0.last != "-" && $0.allSatisfy(letters.contains)
            })
        else { return nil }
        self.text = text
    }

    public var description: String { text }
    /// The key the sent-log compares: addresses differ only in case as far as Convene cares.
    var key: String { text.lowercased() }
}
