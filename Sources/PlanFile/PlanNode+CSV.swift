import Diagnostics

extension PlanNode {
    /// A CSV file whose rows are entries of `section`, as the tree of a YAML file holding that
    /// section: `{section: [{key: cell, …}, …]}`, so that the section's own reader reads it with
    /// the same rules, messages and hints as YAML.
    ///
    /// The header row names the keys. An empty cell is an absent key; a blank row is skipped. A
    /// broken header (unknown, repeated or missing columns) and rows whose number of cells is not
    /// the header's are errors at the cell, and such rows are not read.
    static func table(_ source: SourceText, section: String, log: DiagnosticLog) -> PlanNode {
        let top = SourceLocation(path: source.path, line: 1, column: 1)
        func root(_ entries: [PlanNode], at location: SourceLocation) -> PlanNode {
            .mapping([(section, location, .sequence(entries, location))], location)
        }
        let table: CSVTable
        switch CSVTable.read(source) {
        case .success(let t): table = t
        case .failure(let problem):
            log.add(problem)
            return root([], at: top)
        }
        var rows = table.rows.filter { !$0.isBlank }[...]
        guard let header = rows.popFirst() else {
            log.error(top, "the CSV file has no header row", hint: "its first row names the columns, e.g. id,title")
            return root([], at: top)
        }
        let here = header.cells.first?.location ?? top
        guard let columns = CSVColumns(header, rows: rows, section: section, log: log) else {
            return root([], at: here)
        }
        var entries: [PlanNode] = []
        for row in rows where columns.fits(row, log: log) {
            let pairs = zip(columns.keys, row.cells).compactMap { key, cell in
                key.map { (key: $0, keyLocation: cell.location, value: PlanNode(cell)) }
            }
            entries.append(.mapping(pairs, row.cells.first?.location ?? row.end))
        }
        return root(entries, at: here)
    }

    /// An empty cell is null (the key is absent); any other is text that can also read as a list.
    init(_ cell: CSVCell) {
        self = .scalar(cell.text, cell.location, style: cell.text.isEmpty ? .plain : .cell(cell))
    }
}

/// The columns of a CSV file's header, checked against what its section's entries may have.
private struct CSVColumns {
    /// Each column's key; nil for a column that is not read (reported at its header cell).
    var keys: [String?]
    var header: CSVTable.Row

    /// Checks the header; nil (with the errors) when a required column is missing, since then no
    /// row could be read.
    init?(_ header: CSVTable.Row, rows: ArraySlice<CSVTable.Row>, section: String, log: DiagnosticLog) {
        self.header = header
        keys = []
        var seen: [String: SourceLocation] = [:]
        for (index, cell) in header.cells.enumerated() {
            if cell.text.isEmpty {
                if let used = rows.lazy.compactMap({ $0.cells.count > index ? $0.cells[index] : nil })
                    .first(where: { !$0.text.isEmpty })
                {
                    log.error(
                        used.location, "this cell is in a column with no name in the header",
                        hint: "name the column in the first row (\(cell.location)) or leave its cells empty")
                }
                keys.append(nil)
            } else if let earlier = seen[cell.text] {
                log.error(
                    cell.location, "the column '\(cell.text)' is already at \(earlier)", hint: "remove one of them")
                keys.append(nil)
            } else {
                seen[cell.text] = cell.location
                keys.append(cell.text)
            }
        }
        for unknown in Self.unknownColumns(header, section: section) {
            log.add(unknown)
            if let index = header.cells.firstIndex(where: { $0.location == unknown.location }) { keys[index] = nil }
        }
        let missing = (Self.required[section] ?? []).filter { column in
            seen[column.key] == nil && !(column.unless.map { seen[$0] != nil } ?? false)
        }
        let start = header.cells.first?.location ?? header.end
        for column in missing {
            log.error(start, "the CSV file has no '\(column.key)' column: \(column.purpose)")
        }
        if !missing.isEmpty { return nil }
    }

    /// The header cells the section's reader does not know, as it reports them: the reader reads
    /// an entry made of the header's keys (with no values), so a key added to the plan format is
    /// a column at once.
    private static func unknownColumns(_ header: CSVTable.Row, section: String) -> [Diagnostic] {
        let start = header.cells.first?.location ?? header.end
        let names = header.cells.filter { !$0.text.isEmpty }
        let probe = PlanNode.mapping(
            names.map { ($0.text, $0.location, .scalar("", $0.location, style: .plain)) }, start)
        let scratch = DiagnosticLog()
        _ = PlanDocument(
            root: .mapping([(section, start, .sequence([probe], start))], start), path: start.path, log: scratch)
        let headerCells = Set(names.map(\.location))
        return scratch.unknownKeys.filter { headerCells.contains($0.location) }
    }

    /// Whether `row` has one cell a column; if not, the error where a cell is too many or missing.
    func fits(_ row: CSVTable.Row, log: DiagnosticLog) -> Bool {
        let (count, expected) = (row.cells.count, header.cells.count)
        if count > expected {
            log.error(
                row.cells[expected].location, "this row has \(count) cells but the header names \(expected) columns",
                hint: "a cell with a comma in it is written in quotes: \"Seoul, Korea\"")
        } else if count < expected {
            let names = header.cells[count...].map { "'\($0.text)'" }.joined(separator: ", ")
            log.error(
                row.end, "this row has \(count) cells but the header names \(expected) columns; missing: \(names)",
                hint: "leave a cell empty with nothing between its commas")
        }
        return count == expected
    }

    /// The columns without which no entry of a section can be read, and what each is for.
    static let required: [String: [(key: String, purpose: String, unless: String?)]] = [
        "events": [
            ("id", "each event's id, unique in the plan", nil), ("title", "the title people see", nil),
            ("duration", "how long each event lasts, e.g. 1h30m or 2d", nil),
            ("window", "the dates each event must lie within (or a 'pinned' column)", "pinned"),
        ],
        "fixed": [("id", "each event's id, unique in the plan", nil), ("title", "the title people see", nil)],
        "people": [
            ("id", "each person's id, used in speakers, participants and members", nil),
            ("name", "the name shown in feeds and agendas", nil), ("zone", "each person's IANA time zone", nil),
        ],
        "places": [
            ("id", "each place's id", nil), ("name", "the name shown in feeds", nil),
            ("zone", "each venue's IANA time zone", nil),
        ],
        "audiences": [("id", "each audience's id", nil)],
        "blackouts": [("id", "each blackout's id", nil)],
        "rooms": [
            ("id", "each room's id", nil), ("name", "the name shown in the programme", nil),
            ("capacity", "how many people each room holds", nil),
        ],
        "tracks": [("id", "each track's id", nil), ("name", "the name shown in the programme", nil)],
    ]
}
