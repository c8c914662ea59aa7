import Diagnostics
import Foundation

/// Line and column of a byte offset in a file's bytes: 1-based, columns counted in Unicode
/// scalars as editors count them.
enum TextPosition {
    static func location(ofByte offset: Int, in data: Data, file: String) -> SourceLocation {
        var line = 1, lineStart = data.startIndex
        let end = data.index(data.startIndex, offsetBy: min(max(offset, 0), data.count))
        var i = data.startIndex
        while i < end {
            if data[i] == 0x0A {
                line += 1
                lineStart = data.index(after: i)
            }
            i = data.index(after: i)
        }
        // Continuation bytes (10xxxxxx) do not start a scalar.
        let column = data[lineStart..<end].filter { $0 & 0xC0 != 0x80 }.count + 1
        return SourceLocation(path: file, line: line, column: column)
    }

    /// The byte offset of the first occurrence of `needle`, if any.
    static func firstByte(of needle: String, in data: Data) -> Int? {
        data.range(of: Data(needle.utf8)).map { data.distance(from: data.startIndex, to: $0.lowerBound) }
    }
}
