import Foundation

/// The one JSON encoding of every file Convene writes — schedule.json, manifest.json,
/// changes.json and the publish ledger: pretty-printed, keys sorted, slashes left unescaped and
/// a final newline, so the same content always gives the same bytes (and the same ETag).
public enum StableJSON {
    /// `value` as stable JSON text; `{}` should encoding fail (no Convene document throws).
    public static func text<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }
}
