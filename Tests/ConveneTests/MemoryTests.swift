import Foundation
import Testing

/// The libical wrapper frees every C object exactly once: `ICalMemcheck` writes feeds with
/// trimmed zones, parses them back, expands recurrences and fails on malformed input, and runs
/// clean under valgrind (no invalid access, no definite leak). Swift's own runtime reports are
/// suppressed (Tests/memory/swift-runtime.supp).
@Suite struct MemoryTests {
    @Test func theLibicalWrapperRunsCleanUnderValgrind() throws {
        let valgrind = ["/usr/bin/valgrind", "/usr/local/bin/valgrind"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        let valgrindPath = try #require(valgrind, "valgrind is missing: make test installs it")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "convene-memory-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // valgrind 3.19 cannot read the DWARF 5 debug information Swift writes: run a stripped copy.
        let binary = folder.appendingPathComponent("ICalMemcheck")
        try FileManager.default.copyItem(
            at: ConveneBinary.executable.deletingLastPathComponent().appendingPathComponent("ICalMemcheck"), to: binary)
        let strip = Process()
        strip.executableURL = URL(fileURLWithPath: "/usr/bin/strip")
        strip.arguments = ["-g", binary.path]
        try strip.run()
        strip.waitUntilExit()

        let process = Process()
        process.executableURL = URL(fileURLWithPath: valgrindPath)
        process.arguments = [
            "--leak-check=full", "--errors-for-leak-kinds=definite", "--error-exitcode=9",
            "--suppressions=\(ConveneBinary.root.appendingPathComponent("Tests/memory/swift-runtime.supp").path)",
            binary.path,
        ]
        let output = Pipe()
        process.standardError = output
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text.suffix(4000))")
        #expect(
            text.contains("definitely lost: 0 bytes") || text.contains("All heap blocks were freed"),
            "\(text.suffix(2000))")
        #expect(!text.contains("Invalid read") && !text.contains("Invalid write") && !text.contains("Invalid free"))
    }
}
