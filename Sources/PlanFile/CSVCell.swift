import Diagnostics

/// One cell of a CSV file: its text, and where each of its characters was written.
///
/// A cell is read as one value where the plan expects one (`title`, `duration`), and as a list
/// where it expects a list: items separated by `;` (`speakers: ana; bo`), or, when the cell
/// starts with `[` or `{`, a YAML flow collection (`{between: 08:00-18:00, zones: [Asia/Seoul]}`)
/// for the keys whose entries are mappings. Every item keeps its own line and column.
struct CSVCell: Sendable {
    /// The cell's text without its quotes, doubled quotes made single, spaces around it trimmed.
    let text: String
    /// Where the text starts: its first character, or the opening quote of a quoted cell.
    let location: SourceLocation
    private let raw: Substring.UnicodeScalarView
    private let start: SourceLocation
    private let quoted: Bool
    /// How many spaces were trimmed from the front of the library's text.
    private let leading: Int

    /// - Parameters:
    ///   - field: the cell's text as the CSV library read it.
    ///   - raw: the cell as written, quotes included.
    ///   - start: where `raw` starts.
    init(_ field: String, raw: Substring.UnicodeScalarView, start: SourceLocation, quoted: Bool) {
        let scalars = Array(field.unicodeScalars)
        let kept = Self.trimmedRange(scalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[kept])
        (self.text, self.raw, self.start, self.quoted, self.leading) = (
            String(view), raw, start, quoted, kept.lowerBound
        )
        self.location =
            quoted || kept.isEmpty
            ? start : Self.locate(0, in: raw, from: start, quoted: quoted, leading: kept.lowerBound)
    }

    /// Where the scalar at `offset` in `text` was written, line breaks and doubled quotes counted.
    ///
    /// - Complexity: O(offset).
    func location(ofScalarAt offset: Int) -> SourceLocation {
        Self.locate(offset, in: raw, from: start, quoted: quoted, leading: leading)
    }

    private static func locate(
        _ offset: Int, in raw: Substring.UnicodeScalarView, from start: SourceLocation, quoted: Bool, leading: Int
    ) -> SourceLocation {
        var (line, column) = (start.line, start.column)
        var index = raw.startIndex
        func step() {
            let scalar = raw[index]
            index = raw.index(after: index)
            if scalar == "\n" || (scalar == "\r" && (index == raw.endIndex || raw[index] != "\n")) {
                (line, column) = (line + 1, 1)
            } else {
                column += 1
            }
        }
        if quoted && index < raw.endIndex { step() }
        var passed = 0
        while passed < leading + offset && index < raw.endIndex {
            let isDoubledQuote = quoted && raw[index] == "\""
            step()
            if isDoubledQuote && index < raw.endIndex { step() }
            passed += 1
        }
        return SourceLocation(path: start.path, line: line, column: column)
    }

    /// The cell read as a list: a YAML flow collection's items when it starts with `[` or `{`,
    /// else the `;`-separated items, trimmed, empty ones left out. A cell of one item (or of YAML
    /// that does not read) is its own item, so that a reader wanting a mapping can say why.
    var items: [PlanNode] {
        switch flow {
        case .success(.sequence(let items, _))?: return items
        case .success(let node)?: return [node]
        case .failure?: return [.scalar(text, location, style: .cell(self))]
        case nil: if !text.unicodeScalars.contains(";") { return [.scalar(text, location, style: .cell(self))] }
        }
        var items: [PlanNode] = []
        var item = String.UnicodeScalarView()
        var itemStart = 0
        func finish() {
            let scalars = Array(item)
            let trimmed = Self.trimmedRange(scalars)
            if !trimmed.isEmpty {
                var text = String.UnicodeScalarView()
                text.append(contentsOf: scalars[trimmed])
                items.append(
                    .scalar(String(text), location(ofScalarAt: itemStart + trimmed.lowerBound), style: .quoted))
            }
        }
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if scalar == ";" {
                finish()
                item = String.UnicodeScalarView()
                itemStart = offset + 1
            } else {
                item.append(scalar)
            }
        }
        finish()
        return items
    }

    /// The scalars left when spaces and tabs around them are trimmed.
    private static func trimmedRange(_ scalars: [Unicode.Scalar]) -> Range<Int> {
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" }
        let leading = scalars.prefix(while: isSpace).count
        let trailing = leading == scalars.count ? 0 : scalars.reversed().prefix(while: isSpace).count
        return leading..<(scalars.count - trailing)
    }

    /// The cell read as YAML when it starts with `[` or `{`, positions in the CSV file; nil otherwise.
    var flow: Result<PlanNode, Diagnostic>? {
        guard let first = text.unicodeScalars.first, first == "[" || first == "{" else { return nil }
        let lineStarts = Self.lineStarts(text)
        func place(_ l: SourceLocation) -> SourceLocation {
            let line = min(max(l.line, 1), lineStarts.count)
            return location(ofScalarAt: lineStarts[line - 1] + max(l.column, 1) - 1)
        }
        switch PlanNode.parse(SourceText(path: start.path, text: text)) {
        case .success(let node): return .success(node.relocated(place))
        case .failure(var problem):
            problem.location = place(problem.location)
            return .failure(problem)
        }
    }

    /// The offset of the first scalar of each line of `text`.
    private static func lineStarts(_ text: String) -> [Int] {
        var starts = [0]
        let scalars = Array(text.unicodeScalars)
        for (i, s) in scalars.enumerated()
        where s == "\n" || (s == "\r" && (i + 1 == scalars.count || scalars[i + 1] != "\n")) {
            starts.append(i + 1)
        }
        return starts
    }
}

extension PlanNode {
    /// The same tree with every position moved by `place`.
    func relocated(_ place: (SourceLocation) -> SourceLocation) -> PlanNode {
        switch self {
        case .scalar(let text, let l, let style): return .scalar(text, place(l), style: style)
        case .sequence(let items, let l): return .sequence(items.map { $0.relocated(place) }, place(l))
        case .mapping(let pairs, let l):
            return .mapping(pairs.map { ($0.key, place($0.keyLocation), $0.value.relocated(place)) }, place(l))
        }
    }
}
