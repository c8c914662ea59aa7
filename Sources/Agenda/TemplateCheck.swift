import Diagnostics
import Foundation

/// Finds the names a template uses that its page never provides, at their line and column:
/// Mustache renders an unknown name as nothing, which hides a typo until someone reads the page.
enum TemplateCheck {
    /// Every key anywhere in a page's data: what a tag may name, inside any section.
    static func names(in value: Any) -> Set<String> {
        var found = Set<String>()
        if let dictionary = value as? [String: Any] {
            for (key, inner) in dictionary {
                found.insert(key)
                found.formUnion(names(in: inner))
            }
        } else if let array = value as? [Any] {
            for inner in array { found.formUnion(names(in: inner)) }
        }
        return found
    }

    /// The unknown names of `text`, each at its position in `path`.
    static func unknownNames(in text: String, path: String, known: Set<String>, partials: Set<String>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var line = 1, column = 1
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "{", i + 1 < scalars.count, scalars[i + 1] == "{" {
                let (tagLine, tagColumn) = (line, column)
                var j = i + 2
                var body = ""
                while j + 1 < scalars.count, !(scalars[j] == "}" && scalars[j + 1] == "}") {
                    body.unicodeScalars.append(scalars[j])
                    j += 1
                }
                let problem = check(body, known: known, partials: partials)
                if let (message, hint) = problem {
                    problems.append(.error(at: SourceLocation(path: path, line: tagLine, column: tagColumn), message, hint: hint))
                }
                for k in i..<min(j + 2, scalars.count) {
                    if scalars[k] == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                i = j + 2
                continue
            }
            if scalars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        return problems
    }

    private static func check(_ body: String, known: Set<String>, partials: Set<String>) -> (String, String?)? {
        var tag = body.trimmingCharacters(in: .whitespaces)
        if tag.hasPrefix("{") { tag = String(tag.dropFirst()) }  // {{{raw}}}
        guard let first = tag.first else { return nil }
        if first == "!" || first == "=" || first == "%" { return nil }  // comments, delimiters, pragmas
        if first == ">" {
            let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
            return partials.contains(name) ? nil : ("unknown partial '\(name)'", Suggestion.didYouMean(name, among: partials.sorted()))
        }
        if "#^/&".contains(first) { tag = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces) }
        let name = tag.split(separator: ".").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
        if name.isEmpty || tag == "." || known.contains(name) { return nil }
        return ("unknown name '\(name)'", Suggestion.didYouMean(name, among: known.sorted()) ?? "the names here are in docs/agenda-templates.md")
    }
}
