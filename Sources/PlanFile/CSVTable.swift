import CSV
import Diagnostics

/// A CSV file as rows of cells, each cell with the position it was written at.
///
/// The cells come from yaslab/CSV.swift (RFC 4180: quoted cells with commas, doubled quotes and
/// line breaks; CRLF, LF or CR line ends). The library gives no positions, so `read` walks the
/// text beside its rows and checks, character by character, that each cell it returned is
/// written there (quoted or not); the walk's line and column are then the cell's. Where the text
/// and the library disagree the quoting is broken (a quote that is never closed, text after a
/// closing quote), which the library would silently accept: that is an error at the character.
struct CSVTable {
    struct Row {
        var cells: [CSVCell]
        /// Where a cell after the last would start: the end of the row's line.
        var end: SourceLocation

        /// A blank line, or a row of empty cells (spreadsheets export those for formatted rows).
        var isBlank: Bool { cells.allSatisfy { $0.text.isEmpty } }
    }

    var rows: [Row]

    /// Reads the cells of `source`, or returns the error where its quoting is broken.
    ///
    /// - Complexity: O(n) in the length of the text.
    static func read(_ source: SourceText) -> Result<CSVTable, Diagnostic> {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: source.text)
        } catch {
            return .failure(
                .error(at: SourceLocation(path: source.path, line: 1, column: 1), "cannot read CSV: \(error)"))
        }
        var cursor = Cursor(source.text.unicodeScalars, path: source.path)
        var rows: [Row] = []
        while let fields = reader.next() {
            var cells: [CSVCell] = []
            for (index, field) in fields.enumerated() {
                switch cursor.cell(field) {
                case .success(let cell): cells.append(cell)
                case .failure(let problem): return .failure(problem)
                }
                if index < fields.count - 1, let problem = cursor.expect(",") { return .failure(problem) }
            }
            let end = cursor.location
            if let problem = cursor.lineEnd() { return .failure(problem) }
            rows.append(Row(cells: cells, end: end))
        }
        if !cursor.atEnd {
            return .failure(.error(at: cursor.location, "cannot read CSV from here"))
        }
        return .success(CSVTable(rows: rows))
    }
}

/// Walks the scalars of a CSV text, keeping the line and column (1-based, in Unicode scalars).
private struct Cursor {
    let scalars: String.UnicodeScalarView
    let path: String
    var index: String.UnicodeScalarView.Index
    var line = 1
    var column = 1

    init(_ scalars: String.UnicodeScalarView, path: String) {
        self.scalars = scalars
        self.path = path
        index = scalars.startIndex
    }

    var atEnd: Bool { index == scalars.endIndex }
    var location: SourceLocation { SourceLocation(path: path, line: line, column: column) }
    var current: Unicode.Scalar? { atEnd ? nil : scalars[index] }

    /// Steps over one scalar; CRLF, LF and a lone CR each end a line.
    mutating func advance() {
        let scalar = scalars[index]
        index = scalars.index(after: index)
        if scalar == "\n" || (scalar == "\r" && current != "\n") {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    /// Steps over the cell whose text the library read as `field`, as it is written here.
    mutating func cell(_ field: String) -> Result<CSVCell, Diagnostic> {
        let start = location
        let rawStart = index
        let quoted = current == "\""
        if quoted { advance() }
        for scalar in field.unicodeScalars {
            if quoted && scalar == "\"" {
                guard current == "\"" else { return .failure(mismatch(quoted: true, opened: start)) }
                advance()
                guard current == "\"" else {
                    return .failure(
                        .error(
                            at: location, "text after the closing quote of a cell",
                            hint: "a quote inside a quoted cell is written twice (\"\"); end the cell after its quote"))
                }
            }
            guard current == scalar else { return .failure(mismatch(quoted: quoted, opened: start)) }
            advance()
        }
        if quoted {
            guard current == "\"" else { return .failure(mismatch(quoted: true, opened: start)) }
            advance()
        }
        return .success(CSVCell(field, raw: scalars[rawStart..<index], start: start, quoted: quoted))
    }

    private func mismatch(quoted: Bool, opened: SourceLocation) -> Diagnostic {
        if quoted && atEnd {
            return .error(
                at: opened, "the quote that opens this cell is never closed",
                hint: "end the cell with a quote; a quote inside it is written twice (\"\")")
        }
        return .error(at: location, "cannot read CSV here: the quotes of this row do not pair up")
    }

    mutating func expect(_ delimiter: Unicode.Scalar) -> Diagnostic? {
        guard current == delimiter else { return .error(at: location, "expected '\(delimiter)' between cells") }
        advance()
        return nil
    }

    /// Steps over the line break that ends a row (none at the end of the text).
    mutating func lineEnd() -> Diagnostic? {
        switch current {
        case nil: return nil
        case "\r":
            advance()
            if current == "\n" { advance() }
            return nil
        case "\n":
            advance()
            return nil
        default: return .error(at: location, "expected a line break after the row's last cell")
        }
    }
}
