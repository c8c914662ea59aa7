import Crypto

/// Name-based UUIDs (RFC 4122 version 5: SHA-1 of a namespace and a name): the same name always
/// gives the same UUID, so the GUIDs of a frab export never change between releases.
///
/// The SHA-1 is swift-crypto's `Insecure.SHA1`; it names things here, it secures nothing.
public enum NameUUID {
    /// The URL namespace of RFC 4122 (appendix C), `6ba7b811-9dad-11d1-80b4-00c04fd430c8`:
    /// the one c3voc's schedule uses for person GUIDs (`uuid5(NAMESPACE_URL, 'acct:…')`).
    public static let urlNamespace: [UInt8] = [
        0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
    ]

    /// The version 5 UUID of `name` in `namespace`, as 36 lowercase characters
    /// (`xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx`), equal to Python's `uuid.uuid5(namespace, name)`.
    ///
    /// - Complexity: O(n) in the name's UTF-8 length.
    public static func v5(_ name: String, namespace: [UInt8] = urlNamespace) -> String {
        var hasher = Insecure.SHA1()
        hasher.update(data: namespace)
        hasher.update(data: Array(name.utf8))
        var bytes = Array(hasher.finalize().prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // the RFC 4122 variant
        let hex = HexDigest.hex(bytes)
        let cuts = [8, 12, 16, 20]
        var text = ""
        for (offset, character) in hex.enumerated() {
            if cuts.contains(offset) { text.append("-") }
            text.append(character)
        }
        return text
    }

    /// The first 30 bits of a UUID as a positive integer, 1 to 2^30: the numeric ids older
    /// readers of a schedule still want (some keep them in a 32-bit int), as stable as the UUID.
    public static func positiveInteger(_ uuid: String) -> Int {
        let digits = uuid.filter { $0 != "-" }.prefix(8)
        return Int(UInt32(digits, radix: 16).map { $0 & 0x3FFF_FFFF } ?? 0) + 1
    }
}
