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

    /// A tag's text between `{{` and `}}`, and where it starts.
    struct Tag {
        let body: String
        let line: Int
        let column: Int
    }

    /// Every `{{…}}` tag of `text`, in order, with its line and column.
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
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
                tags.append(Tag(body: body, line: tagLine, column: tagColumn))
                for k in i..<min(j + 2, scalars.count) {
                    if scalars[k] == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                i = j + 2
                continue
            }
            if scalars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        return tags
    }

    /// The unknown names of `text`, each at its position in `path`.
    static func unknownNames(in text: String, path: String, known: Set<String>, partials: Set<String>) -> [Diagnostic] {
        tags(in: text).compactMap { tag in
            check(tag.body, known: known, partials: partials).map { message, hint in
                .error(at: SourceLocation(path: path, line: tag.line, column: tag.column), message, hint: hint)
            }
        }
    }

    /// The partial a tag includes (`{{> name}}`, or `{{< name}}` for a parent), if it is one.
    static func partialName(_ tag: Tag) -> String? {
        let body = tag.body.trimmingCharacters(in: .whitespaces)
        guard let first = body.first, first == ">" || first == "<" else { return nil }
        return body.dropFirst().trimmingCharacters(in: .whitespaces)
    }

    /// Copies of partials one page may expand to; far past any real template.
    static let expansionLimit = 10_000

    /// Partials that include themselves (directly or through others), which would recurse
    /// without end when rendered, and templates whose partials multiply past `expansionLimit`
    /// copies; each at the tag that includes.
    ///
    /// - Parameter templates: each template's name (partials by their partial name), path and text.
    static func partialProblems(
        _ templates: [(name: String, path: String, text: String)], partials: Set<String>
    ) -> [Diagnostic] {
        var includes: [String: [(String, Tag)]] = [:]
        var paths: [String: String] = [:]
        for t in templates {
            includes[t.name] = tags(in: t.text).compactMap { tag in partialName(tag).map { ($0, tag) } }
            paths[t.name] = t.path
        }
        var problems: [Diagnostic] = []
        var sizes: [String: Int] = [:]
        var visiting: Set<String> = []
        // Copies a template expands to, or nil when it reaches a cycle (reported once, at the
        // tag that closes it).
        func size(_ name: String) -> Int? {
            if let known = sizes[name] { return known }
            visiting.insert(name)
            defer { visiting.remove(name) }
            var total = 1
            for (target, tag) in includes[name] ?? [] where partials.contains(target) {
                if visiting.contains(target) {
                    let through = target == name ? "" : " through '\(name)'"
                    problems.append(
                        .error(
                            at: SourceLocation(path: paths[name] ?? name, line: tag.line, column: tag.column),
                            "the partial '\(target)' includes itself\(through), so it would never end",
                            hint: "remove this {{> \(target)}}"))
                    return nil
                }
                guard let inner = size(target) else { return nil }
                total += inner
                if total > expansionLimit {
                    problems.append(
                        .error(
                            at: SourceLocation(path: paths[name] ?? name, line: tag.line, column: tag.column),
                            "partials included here expand to more than \(expansionLimit) copies",
                            hint: "include each partial fewer times"))
                    return nil
                }
            }
            sizes[name] = total
            return total
        }
        for t in templates where problems.isEmpty { _ = size(t.name) }
        return problems
    }

    private static func check(_ body: String, known: Set<String>, partials: Set<String>) -> (String, String?)? {
        var tag = body.trimmingCharacters(in: .whitespaces)
        if tag.hasPrefix("{") { tag = String(tag.dropFirst()) }  // {{{raw}}}
        guard let first = tag.first else { return nil }
        if first == "!" || first == "=" || first == "%" { return nil }  // comments, delimiters, pragmas
        if first == ">" {
            let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
            return partials.contains(name)
                ? nil : ("unknown partial '\(name)'", Suggestion.didYouMean(name, among: partials.sorted()))
        }
        if "#^/&".contains(first) { tag = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces) }
        let name = tag.split(separator: ".").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
        if name.isEmpty || tag == "." || known.contains(name) { return nil }
        return (
            "unknown name '\(name)'",
            Suggestion.didYouMean(name, among: known.sorted()) ?? "the names here are in docs/agenda-templates.md"
        )
    }
}
