import Diagnostics
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An XML element with the line and column of its start tag, read with Foundation's
/// `XMLParser` (libxml2 on Linux) — the one XML reader that reports where each element is.
final class XMLElementNode {
    let name: String
    let attributes: [String: String]
    let location: SourceLocation
    var text = ""
    var children: [XMLElementNode] = []

    init(name: String, attributes: [String: String], location: SourceLocation) {
        self.name = name
        self.attributes = attributes
        self.location = location
    }

    var place: InputPlace { .position(location) }

    func elements(_ name: String) -> [XMLElementNode] { children.filter { $0.name == name } }

    func element(_ name: String) -> XMLElementNode? { children.first { $0.name == name } }

    /// The trimmed text, nil when blank.
    var value: String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// Parses a document into `XMLElementNode`s. Entity declarations are refused (no expansion
/// bombs, no external files); nothing is fetched.
final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    private let file: String
    private let lines: [Substring]
    private var stack: [XMLElementNode] = []
    private(set) var root: XMLElementNode?
    private(set) var failure: (SourceLocation, String)?
    private weak var parser: XMLParser?
    /// The scalars of the line last looked at: a minified document is one long line.
    private var cached: (row: Int, scalars: [Unicode.Scalar]) = (0, [])

    private init(file: String, text: String) {
        self.file = file
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The document's root element, or where and why it is not well-formed XML.
    static func parse(_ data: Data, file: String) -> Result<XMLElementNode, ImportProblem> {
        // Foundation's parser on Linux expands entities without telling its delegate: refuse any
        // declaration before parsing, so no expansion bomb or external file is ever read.
        if let offset = TextPosition.firstByte(of: "<!ENTITY", in: data) {
            return .failure(
                ImportProblem(
                    .error, at: .position(TextPosition.location(ofByte: offset, in: data, file: file)),
                    "the document declares an entity; entity declarations are not read",
                    hint: "export the schedule again without a DOCTYPE"))
        }
        let builder = XMLTreeBuilder(file: file, text: String(decoding: data, as: UTF8.self))
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = builder
        builder.parser = parser
        let ok = parser.parse()
        if let (location, message) = builder.failure {
            return .failure(ImportProblem(.error, at: .position(location), message))
        }
        guard ok, let root = builder.root else {
            let location = SourceLocation(
                path: file, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1))
            let reason = (parser.parserError as NSError?).map { "XML error \($0.code)" } ?? "no root element"
            return .failure(ImportProblem(.error, at: .position(location), "not well-formed XML (\(reason))"))
        }
        return .success(root)
    }

    private func fail(_ message: String) {
        guard failure == nil, let parser else { return }
        failure = (here(parser, tag: nil), message)
        parser.abortParsing()
    }

    /// libxml2 reports the position after a start tag; the tag's `<` is found by looking back.
    private func here(_ parser: XMLParser, tag: String?) -> SourceLocation {
        var line = max(parser.lineNumber, 1), column = max(parser.columnNumber, 1)
        if let tag, line <= lines.count {
            var row = line
            var limit = column
            while row >= max(1, line - 50) {
                if cached.row != row { cached = (row, Array(lines[row - 1].unicodeScalars)) }
                let text = cached.scalars
                let needle = Array("<\(tag)".unicodeScalars)
                var i = min(limit, text.count) - needle.count
                while i >= 0 {
                    if text[i..<(i + needle.count)].elementsEqual(needle) {
                        let after = i + needle.count
                        if after == text.count || !Self.isNameScalar(text[after]) {
                            line = row
                            column = i + 1
                            return SourceLocation(path: file, line: line, column: column)
                        }
                    }
                    i -= 1
                }
                row -= 1
                limit = Int.max
            }
        }
        return SourceLocation(path: file, line: line, column: column)
    }

    private static func isNameScalar(_ s: Unicode.Scalar) -> Bool {
        CharacterSet.alphanumerics.contains(s) || s == "-" || s == "_" || s == ":" || s == "."
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if stack.count > 64 { return fail("elements nested more than 64 deep") }
        let node = XMLElementNode(
            name: elementName, attributes: attributes, location: here(parser, tag: elementName))
        if let parent = stack.last { parent.children.append(node) } else { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        fail("the document declares the entity '\(name)'; entity declarations are not read")
    }

    func parser(
        _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?
    ) {
        fail("the document declares the external entity '\(name)'; entity declarations are not read")
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard failure == nil else { return }
        let ns = parseError as NSError
        let detail = (ns.userInfo[NSLocalizedDescriptionKey] as? String).map { ": \($0)" } ?? ""
        failure = (
            SourceLocation(path: file, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1)),
            "not well-formed XML (error \(ns.code)\(detail))"
        )
    }
}
