/// Escaping for text and attributes in HTML and SVG: the release's index page, the timeline
/// and the summit's day grid.
public enum Markup {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by their character references, safe
    /// both between tags and inside attribute values in either kind of quotes.
    ///
    /// - Complexity: O(n).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
