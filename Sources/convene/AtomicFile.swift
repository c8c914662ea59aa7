import ArgumentParser
import Foundation

/// Writes files so that a failure or a kill half-way leaves the previous file intact: the text
/// goes to a temporary file beside the target, which is then renamed over it.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            try Data(text.utf8).write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                try? FileManager.default.removeItem(at: temporary)
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            Terminal.printError("\(path): error: cannot write the file (\(error.localizedDescription)); check the folder exists and is writable")
            throw ExitCode(ExitStatus.invalidInput)
        }
    }
}
