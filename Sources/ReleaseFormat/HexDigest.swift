import Crypto

/// SHA-256 digests written as hex: the strong ETags of a release's feeds and files, the name
/// of each release directory, and the hashes the feed server keeps of its secret tokens.
///
/// The hashing is swift-crypto's (BoringSSL on Linux, CryptoKit on Apple platforms); the text
/// is the 64 lowercase hex digits every release and token store written so far holds, so
/// ETags stay valid across upgrades and stored token hashes keep matching.
public enum HexDigest {
    /// The SHA-256 of `bytes` as 64 lowercase hex digits.
    ///
    /// - Complexity: O(n); contiguous bytes (`String.UTF8View`, `Data`, `[UInt8]`) are hashed in
    ///   place, others copied once.
    public static func sha256(_ bytes: some Collection<UInt8>) -> String {
        var hasher = SHA256()
        let hashedInPlace: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
        }
        if hashedInPlace == nil {
            hasher.update(data: Array(bytes))
        }
        return hex(hasher.finalize())
    }

    /// Bytes as lowercase hex, two digits each, most significant nibble first.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
