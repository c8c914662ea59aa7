import Diagnostics
import Yams

/// A bound on what YAML aliases can make of a small file.
///
/// Yams resolves an alias (`*name`) to the node its anchor (`&name`) marks, so a tree of a few
/// hundred bytes can stand for billions of values ("billion laughs": ten levels of nine aliases
/// each). The plan is read from that tree value by value, so its expanded size is what costs
/// time and memory; this check measures it without expanding it, and refuses a file that
/// expands past `limit` values before anything walks it.
enum AliasExpansion {
    /// Values a plan may expand to. The largest real plans have tens of thousands; a 10 MB file
    /// written without aliases holds at most a few million, and no plan needs more than this.
    static let limit = 1_000_000

    /// The diagnostic for a tree that expands past `limit` values, or nil when it is within.
    ///
    /// It points at the innermost anchored value whose expansion alone passes the limit, where
    /// the aliases that multiply it are defined.
    ///
    /// - Complexity: linear in the nodes as written (each list and mapping is measured once).
    static func check(_ root: Node, path: String, limit: Int = limit) -> Diagnostic? {
        var sizes: [Key: Int] = [:]
        guard size(of: root, sizes: &sizes, limit: limit) > limit else { return nil }
        var node = root
        // Go down while one child alone passes the limit: that child is the culprit.
        while let child = children(of: node).first(where: { size(of: $0, sizes: &sizes, limit: limit) > limit }) {
            node = child
        }
        let location =
            node.mark.map { SourceLocation(path: path, line: $0.line, column: $0.column) }
            ?? SourceLocation(path: path, line: 1, column: 1)
        return .error(
            at: location,
            "this value expands through YAML aliases to more than "
                + "\(limit.groupedDigits) values, over the limit for a plan",
            hint: "write the repeated parts once and share them with fewer aliases, or split the plan with include:")
    }

    /// The first alias written as a mapping key (`*name: value`, `? *name`), which the text
    /// check refuses before Yams composes the file.
    ///
    /// Yams compares a mapping's keys for duplicates by hashing them whole, so an alias to a
    /// large list used as a key costs its expanded size before `check` could see the tree. No
    /// plan needs a key that is not a plain name, so such a key is refused outright. libyaml's
    /// alias names are `[A-Za-z0-9_-]+`; the scan skips quoted text and comments on each line
    /// (plain scalars cannot hold `: `, so an alias-shaped key outside quotes is one).
    ///
    /// - Complexity: linear in the text.
    static func aliasKey(in text: String, path: String) -> Diagnostic? {
        // No anchor, no alias: Yams refuses an alias to nothing with its own positioned error.
        guard text.contains("&") else { return nil }
        var line = 0
        // The indentation of the key whose value is a block scalar (`|`, `>`): lines indented
        // deeper are its text, where `*word:` is prose (Markdown emphasis), not an alias.
        var blockIndent: Int?
        for row in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            line += 1
            let chars = Array(row.unicodeScalars)
            let indent = chars.prefix { $0 == " " }.count
            if let block = blockIndent {
                if indent > block || indent == chars.count { continue }
                blockIndent = nil
            }
            var i = 0, quote: Unicode.Scalar? = nil, column = 0
            var lastToken: Unicode.Scalar = " "  // the last non-space outside quotes
            var lastTokenIndex = -1
            while i < chars.count {
                let c = chars[i]
                column += 1
                if let q = quote {
                    if c == "\\" && q == "\"" {
                        i += 2
                        column += 1
                        continue
                    }
                    if c == q { quote = nil }
                    i += 1
                    continue
                }
                if c == "#" && (i == 0 || chars[i - 1] == " " || chars[i - 1] == "\t") { break }
                if (c == "\"" || c == "'") && " \t[{,:-?".unicodeScalars.contains(lastToken) { quote = c }
                if c == "*" && (" \t[{,?".unicodeScalars.contains(lastToken) || i == 0) {
                    var j = i + 1
                    while j < chars.count,
                        chars[j].properties.isAlphabetic || ("0"..."9").contains(chars[j]) || chars[j] == "-"
                            || chars[j] == "_"
                    { j += 1 }
                    var k = j
                    while k < chars.count, chars[k] == " " || chars[k] == "\t" { k += 1 }
                    let explicit = lastToken == "?"
                    if j > i + 1, explicit || (k < chars.count && chars[k] == ":") {
                        return .error(
                            at: SourceLocation(path: path, line: line, column: column),
                            "an alias (*\(String(String.UnicodeScalarView(chars[(i + 1)..<j])))) cannot be a key",
                            hint: "keys in a plan are plain names; write the key out")
                    }
                }
                if c != " " && c != "\t" {
                    lastToken = c
                    lastTokenIndex = i
                }
                i += 1
            }
            // `key: |`, `key: >-`, `- |2`: the lines that follow are the block's text.
            if quote == nil, lastTokenIndex >= 0 {
                var start = lastTokenIndex
                while start > 0, "+-0123456789".unicodeScalars.contains(chars[start]) { start -= 1 }
                if chars[start] == "|" || chars[start] == ">", start == 0 || chars[start - 1] == " " {
                    blockIndent = indent
                }
            }
        }
        return nil
    }

    /// Where a node was written: aliases to it share its mark.
    private struct Key: Hashable {
        let line: Int
        let column: Int
    }

    /// The number of values `node` stands for, counted up to just past `limit`.
    private static func size(of node: Node, sizes: inout [Key: Int], limit: Int) -> Int {
        // Every list and mapping is measured once, by where it was written: an alias to it
        // shares its mark.
        if case .scalar = node { return 1 }
        let key = node.mark.map { Key(line: $0.line, column: $0.column) }
        if let key, let known = sizes[key] { return known }
        var total = 1
        for child in children(of: node) {
            total += size(of: child, sizes: &sizes, limit: limit)
            if total > limit { break }
        }
        total = min(total, limit + 1)
        if let key { sizes[key] = total }
        return total
    }

    private static func children(of node: Node) -> [Node] {
        switch node {
        case .scalar, .alias: return []
        case .sequence(let sequence): return Array(sequence)
        case .mapping(let mapping): return mapping.flatMap { [$0.key, $0.value] }
        }
    }
}
