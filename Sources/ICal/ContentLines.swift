/// One logical content line of an iCalendar file: its physical lines unfolded into one, with the
/// number of the physical line it starts on, for errors.
struct ContentLine: Sendable, Hashable {
    /// The unfolded text, without its line end.
    var text: String
    /// The 1-based physical line the logical line starts on.
    var line: Int
}

/// Splitting an iCalendar text into logical content lines (RFC 5545 §3.1).
///
/// A line ends in CRLF or, as many writers do, a bare LF. A line that starts with a space or a
/// tab continues the previous one: the line break and that one character are removed. Blank
/// lines are skipped, also between a line and its continuation (Thunderbird once wrote
/// `VERSION⏎⏎ :2.0`; Python icalendar reads it too).
enum ContentLines {
    /// The logical lines of `text`, in order; a byte order mark at the start is dropped.
    ///
    /// - Complexity: O(n) in the text's length.
    static func unfold(_ text: String) -> [ContentLine] {
        var lines: [ContentLine] = []
        var pending: [UInt8] = []
        var pendingLine = 0
        var physical = 0
        func flush() {
            if !pending.isEmpty {
                lines.append(ContentLine(text: String(decoding: pending, as: UTF8.self), line: pendingLine))
            }
            pending.removeAll(keepingCapacity: true)
        }
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        for raw in physicalLines(bytes) {
            physical += 1
            if raw.isEmpty { continue }
            if let first = raw.first, first == 0x20 || first == 0x09, !pending.isEmpty {
                pending.append(contentsOf: raw.dropFirst())
                continue
            }
            flush()
            pending.append(contentsOf: raw)
            pendingLine = physical
        }
        flush()
        return lines
    }

    /// The physical lines, split at CRLF or LF; a CR not followed by LF stays in its line (and is
    /// refused there as a control character).
    private static func physicalLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                let end = i > start && bytes[i - 1] == 0x0D ? i - 1 : i
                result.append(bytes[start..<end])
                start = i + 1
            }
            i += 1
        }
        if start < bytes.count { result.append(bytes[start...]) }
        return result
    }
}

/// A content line split into its parts: `NAME;PARAM=value;…:value`.
struct ContentLineParts: Sendable, Hashable {
    /// The property name, upper-cased.
    var name: String
    /// Each parameter as written (`CN="Doe, J"`), without the `;`.
    var parameters: [String]
    var value: String

    /// The shape problems of a line that does not split, in words.
    enum Problem: Error, Equatable {
        /// No `:` outside quotes.
        case noValue
        /// The name (up to the first `;` or `:`) is not letters, digits and `-`.
        case badName(String)
        /// A parameter that is not `NAME=value`.
        case badParameter(String)
    }

    /// Splits a line. The colon that ends the name and parameters is the first one outside
    /// double quotes, so `ATTENDEE;CN="Doe, J: X":mailto:j@example.org` has the value
    /// `mailto:j@example.org`.
    static func split(_ line: String) -> Result<ContentLineParts, Problem> {
        let scalars = Array(line.unicodeScalars)
        var inQuotes = false
        var colon: Int?
        var separators: [Int] = []
        for (i, s) in scalars.enumerated() {
            if s == "\"" {
                inQuotes.toggle()
            } else if !inQuotes && s == ";" {
                separators.append(i)
            } else if !inQuotes && s == ":" {
                colon = i
                break
            }
        }
        guard let colon else { return .failure(.noValue) }
        let nameEnd = separators.first ?? colon
        let name = String(String.UnicodeScalarView(scalars[..<nameEnd]))
        guard isName(name) else { return .failure(.badName(name)) }
        var parameters: [String] = []
        for (k, start) in separators.enumerated() {
            let end = k + 1 < separators.count ? separators[k + 1] : colon
            let parameter = String(String.UnicodeScalarView(scalars[(start + 1)..<end]))
            guard let equals = parameter.firstIndex(of: "="), isName(String(parameter[..<equals])) else {
                return .failure(.badParameter(parameter))
            }
            parameters.append(parameter)
        }
        let value = String(String.UnicodeScalarView(scalars[(colon + 1)...]))
        return .success(ContentLineParts(name: name.uppercased(), parameters: parameters, value: value))
    }

    /// RFC 5545 names (iana-token, x-name): ASCII letters, digits and `-`, at least one.
    static func isName(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
            }
    }
}
