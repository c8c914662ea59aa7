import Foundation

/// Runs the built `convene` executable as a user would, capturing its output and exit status.
struct ConveneBinary {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The repository root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `$CONVENE_BIN`, else the executable next to the test bundle, else `.build/debug/convene`.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["CONVENE_BIN"] { return URL(fileURLWithPath: path) }
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("convene")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let nextToTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("convene")
        if FileManager.default.isExecutableFile(atPath: nextToTests.path) { return nextToTests }
        return root.appendingPathComponent(".build/debug/convene")
    }

    /// Runs `convene` (or another program, `executable`) with `arguments` in `directory`.
    static func run(
        _ arguments: [String], in directory: URL = root, environment: [String: String] = [:],
        executable program: String? = nil
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = program.map { URL(fileURLWithPath: $0) } ?? executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
