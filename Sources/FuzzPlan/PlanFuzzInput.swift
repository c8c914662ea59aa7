import Diagnostics
import Foundation
import PlanFile

/// One fuzzer input read as a small tree of plan files, loaded in memory.
///
/// The bytes are the root file, `plan.yaml`; a line that is exactly `#8<` (a YAML comment, so
/// a seed stays a readable plan) cuts them into further files, named `inc1.yaml`,
/// `inc2.yaml`, … in order, which the root and each other may include. Nothing is read
/// from or written to the disk.
enum PlanFuzzInput {
    static let root = "plan.yaml"
    static let separator = Array("\n#8<\n".utf8)

    /// The files an input stands for, by name.
    static func files(_ bytes: [UInt8]) -> [String: Data] {
        var files: [String: Data] = [:]
        for (index, part) in split(bytes).enumerated() {
            files[index == 0 ? root : "inc\(index).yaml"] = Data(part)
        }
        return files
    }

    /// Loads the input and checks what every load must hold, trapping (a finding) when it does not.
    static func run(_ bytes: [UInt8]) {
        let files = files(bytes)
        let result = PlanLoader.load(root, from: .inMemory(files))
        check(result, files: files)
    }

    /// A plan only without errors, an error whenever there is no plan, and each diagnostic at a
    /// real position: in one of the files, on a line the file has.
    static func check(_ result: PlanLoadResult, files: [String: Data]) {
        precondition(
            (result.plan == nil) == result.diagnostics.hasErrors,
            "a plan with errors, or no plan and no error: \(result.diagnostics)")
        for diagnostic in result.diagnostics {
            let location = diagnostic.location
            guard let data = files[location.path] else {
                preconditionFailure("diagnostic outside the input's files: \(diagnostic)")
            }
            precondition(location.line >= 1 && location.column >= 1, "diagnostic before the start: \(diagnostic)")
            precondition(location.line <= lineBreaks(in: data) + 2, "diagnostic past the end: \(diagnostic)")
        }
    }

    /// Every byte sequence YAML may take for a line break (LF, CR, NEL, LS, PS), counted generously.
    private static func lineBreaks(in data: Data) -> Int {
        data.reduce(0) { count, byte in
            count + (byte == 0x0A || byte == 0x0D || byte == 0x85 || byte == 0xA8 || byte == 0xA9 ? 1 : 0)
        }
    }

    private static func split(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = 0, i = 0
        while i + separator.count <= bytes.count {
            if bytes[i] == separator[0], bytes[i..<(i + separator.count)].elementsEqual(separator) {
                parts.append(bytes[start..<(i + 1)])  // keep the line's newline
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(bytes[start...])
        return parts
    }
}
