import Foundation
import ReleaseFormat
import Testing

/// SHA-256 against published test vectors (FIPS 180-2 appendix B, NIST's "a million a"s) and
/// `sha256sum` for the lengths around the padding's block boundaries.
@Suite struct HexDigestTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
        ("Seoul 회의 ✓", "8712dd93fb2d31e9fdbbef5cc1c2a80b99c6d82d889f9bbc3e2a2133f799dc42"),
    ])
    func knownVectors(text: String, digest: String) {
        #expect(HexDigest.sha256(text.utf8) == digest)
        #expect(HexDigest.sha256(Data(text.utf8)) == digest)
        #expect(HexDigest.sha256(Array(text.utf8)) == digest)
    }

    @Test(arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        (1_000_000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ])
    func lengthsAroundThePadding(count: Int, digest: String) {
        #expect(HexDigest.sha256(String(repeating: "a", count: count).utf8) == digest)
    }

    @Test func bytesWithoutContiguousStorageHashTheSame() {
        let bytes = (0..<1000).lazy.map { UInt8(truncatingIfNeeded: $0 &* 7) }
        #expect(HexDigest.sha256(bytes) == HexDigest.sha256(Array(bytes)))
        #expect(
            HexDigest.sha256(repeatElement(UInt8(ascii: "a"), count: 64))
                == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    /// Token stores hold the digest of the token's text (64 hex digits), not of its bytes.
    @Test func aTokenHashesAsStoresHoldIt() {
        let token = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
        #expect(HexDigest.sha256(token.utf8) == "a8ae6e6ee929abea3afcfc5258c8ccd6f85273e0d4626d26c7279f3250f77c8e")
    }
}

@Suite struct NameUUIDTests {
    /// The values Python's `uuid.uuid5` gives for the same namespace and name.
    @Test func matchesRFC4122Version5() {
        let dns: [UInt8] = [
            0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
        ]
        #expect(NameUUID.v5("python.org", namespace: dns) == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        #expect(NameUUID.v5("opening@mini-summit.convene") == "31d092de-00d2-5f2a-acea-8ebc3d7f9cdb")
    }

    @Test func positiveIntegersComeFromTheFirstThirtyBits() {
        #expect(NameUUID.positiveInteger("31d092de-00d2-5f2a-acea-8ebc3d7f9cdb") == 0x31d0_92de + 1)
        #expect(NameUUID.positiveInteger("ffffffff-0000-5000-8000-000000000000") == 0x3FFF_FFFF + 1)
    }
}
