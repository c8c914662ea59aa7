import Diagnostics
import Foundation

/// The text of one plan file, read with the checks every input gets before it is parsed:
/// it exists, it is not too large, it is not empty, and it is UTF-8.
struct SourceText {
    /// Plans are a few hundred kilobytes; anything this large is a mistake, not a plan.
    static let sizeLimit = 10 * 1024 * 1024

    let path: String
    let text: String

    /// Reads `path`, or returns the one diagnostic that says why it cannot be read.
    ///
    /// - Parameter reference: where the file was named (an `include:` entry), if anywhere;
    ///   a missing included file is reported there.
    static func read(_ path: String, namedAt reference: SourceLocation? = nil) -> Result<SourceText, Diagnostic> {
        let start = SourceLocation(path: path, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(missing(path, namedAt: reference))
        }
        guard !isDirectory.boolValue else {
            return .failure(.error(at: reference ?? start, "'\(path)' is a folder, not a plan file"))
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > sizeLimit {
            return .failure(
                .error(
                    at: start,
                    "file is \(megabytes(size)) MB, over the \(sizeLimit / 1024 / 1024) MB limit for plan files",
                    hint: "split it with include: or remove what is not a plan"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(
                .error(at: reference ?? start, "cannot read '\(path)'", hint: "check the file's permissions"))
        }
        return checked(data, path: path)
    }

    /// The diagnostic for a file that is not there, at the `include:` entry that named it if any.
    static func missing(_ path: String, namedAt reference: SourceLocation?) -> Diagnostic {
        .error(
            at: reference ?? SourceLocation(path: path, line: 1, column: 1), "no such file '\(path)'",
            hint: "check the path; relative paths are read from the including file's folder")
    }

    /// The bytes of `path`, already read, with the checks every input gets: size, UTF-8, not empty.
    static func checked(_ data: Data, path: String) -> Result<SourceText, Diagnostic> {
        guard data.count <= sizeLimit else {
            return .failure(
                .error(
                    at: SourceLocation(path: path, line: 1, column: 1),
                    "file is \(megabytes(data.count)) MB, over the \(sizeLimit / 1024 / 1024) MB limit for plan files"))
        }
        return decode(data, path: path)
    }

    static func decode(_ data: Data, path: String) -> Result<SourceText, Diagnostic> {
        let bytes = [UInt8](data)
        if let (line, column) = firstInvalidUTF8(bytes) {
            return .failure(
                .error(
                    at: SourceLocation(path: path, line: line, column: column),
                    "file is not valid UTF-8 (bad byte here)",
                    hint: "save the file as UTF-8"))
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.allSatisfy({ $0.isWhitespace })
            || text.split(separator: "\n").allSatisfy({
                $0.trimmingCharacters(in: .whitespaces).hasPrefix("#")
                    || $0.trimmingCharacters(in: .whitespaces).isEmpty
            })
        {
            return .failure(
                .error(
                    at: SourceLocation(path: path, line: 1, column: 1), "the plan file is empty",
                    hint: "start from the example in docs/plan-format.md"))
        }
        return .success(SourceText(path: path, text: text))
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_048_576)
    }

    /// The line and column (in characters) of the first byte that breaks UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int)? {
        var line = 1, column = 1, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            guard i + length <= bytes.count else { return (line, column) }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return (line, column) }
            // Overlong forms and surrogates.
            if length == 3, (b == 0xE0 && bytes[i + 1] < 0xA0) || (b == 0xED && bytes[i + 1] > 0x9F) {
                return (line, column)
            }
            if length == 4, (b == 0xF0 && bytes[i + 1] < 0x90) || (b == 0xF4 && bytes[i + 1] > 0x8F) {
                return (line, column)
            }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return nil
    }
}
