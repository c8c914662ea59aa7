/// How wide text shows in a terminal, for lining up columns.
///
/// Foundation's `padding(toLength:)` counts UTF-16 units, so padding "📌" (two units, one
/// character, two columns) to a width of one cut it in half and printed U+FFFD. Columns are
/// measured here in terminal cells instead: two for emoji and East Asian wide characters, one
/// for the rest.
enum TerminalWidth {
    /// The cells `text` takes.
    static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + cells($1) }
    }

    /// `text` followed by spaces to fill `width` cells; never cuts it.
    static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - of(text)))
    }

    /// The rows as lines of columns two spaces apart, each column as wide as its widest cell
    /// (the last one unpadded), without trailing spaces.
    static func columns(_ rows: [[String]]) -> [String] {
        let count = rows.map(\.count).max() ?? 0
        let widths = (0..<count).map { c in rows.map { c < $0.count ? of($0[c]) : 0 }.max() ?? 0 }
        return rows.map { row in
            row.indices.map { $0 == row.count - 1 ? row[$0] : padded(row[$0], to: widths[$0]) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }
    }

    private static func cells(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if first.properties.isEmojiPresentation || character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) {
            return 2
        }
        switch first.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2  // Hangul, CJK and full-width forms
        default:
            return 1
        }
    }
}
