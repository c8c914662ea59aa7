/// Strings as YAML double-quoted scalars: every value a plan import writes is quoted this way,
/// so that no text (`no`, `08:00`, `#1`, `: `, a leading `*`) is read back as anything else.
enum YAMLScalar {
    /// `"…"` with `\` and `"` escaped and every character YAML does not print as itself (control
    /// characters, line and paragraph separators) written as an escape; U+FEFF, which YAML
    /// readers drop wherever it is, is left out.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            // A zero-width no-break space: YAML readers drop it as a byte-order mark even escaped.
            case "\u{FEFF}": continue
            case _ where needsEscape(scalar):
                out +=
                    scalar.value <= 0xFF
                    ? "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(2)
                    : "\\u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Outside YAML's printable set (its §5.1), or a character readers treat as a line break.
    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return true }
        if v == 0x2028 || v == 0x2029 || v == 0xFEFF || v == 0xFFFE || v == 0xFFFF { return true }
        return (0xD800...0xDFFF).contains(v)
    }

    /// `["a", "b"]`.
    static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }
}
