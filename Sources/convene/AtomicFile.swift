import ArgumentParser
import Foundation
import Publishing

/// Writes one output file through `ReleaseWriter.writeFile` (a temporary file beside the
/// target, flushed, renamed over it), turning a failure into a message and exit code 1.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        do {
            try ReleaseWriter.writeFile(text, to: path)
        } catch {
            Terminal.printError(
                "\(path): error: cannot write the file (\(error)); check the folder exists and is writable")
            throw ExitCode(ExitStatus.invalidInput)
        }
    }
}
