import Foundation
import Testing

/// The libical wrapper frees every C object exactly once: a publish that writes feeds, trims
/// zones and imports a recurring .ics file runs clean under valgrind (no invalid access, no
/// definite leak). Swift's own runtime reports are suppressed (Tests/memory/swift-runtime.supp).
@Suite struct MemoryTests {
    @Test func publishingAndImportingRunCleanUnderValgrind() throws {
        let valgrind = ["/usr/bin/valgrind", "/usr/local/bin/valgrind"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let valgrindPath = try #require(valgrind, "valgrind is missing: make test installs it")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("convene-memory-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("""
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//t//EN\r
            BEGIN:VEVENT\r
            UID:weekly@t\r
            DTSTART;TZID=Europe/Paris:20210104T100000\r
            DTEND;TZID=Europe/Paris:20210104T110000\r
            RRULE:FREQ=WEEKLY;COUNT=20\r
            SUMMARY:Team call\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:day@t\r
            DTSTART;VALUE=DATE:20210920\r
            DTEND;VALUE=DATE:20210923\r
            SUMMARY:Chuseok\r
            END:VEVENT\r
            END:VCALENDAR\r

            """.utf8).write(to: folder.appendingPathComponent("busy.ics"))
        try Data("""
            calendar: {id: mem, name: Memory, zone: Asia/Seoul, horizon: 2021, organiser: {name: Team, email: team@example.org}}
            people:
              - {id: ana, name: Ana, zone: Europe/Paris}
            audiences:
              - {id: sc, name: SC, members: [ana]}
            events:
              - {id: a, title: A, duration: 3d, window: 2021-09, audiences: [sc]}
              - {id: b, title: B, duration: 2h, window: 2021-03-10..2021-03-31, zone: America/New_York, participants: [ana]}
            fixed:
              - {id: f, title: F, dates: 2021-06-11..2021-06-13, zone: Europe/London}
            blackouts:
              - {id: busy, ics: busy.ics}

            """.utf8).write(to: folder.appendingPathComponent("plan.yaml"))
        // valgrind 3.19 cannot read the DWARF 5 debug information Swift writes: run a stripped copy.
        let binary = folder.appendingPathComponent("convene")
        try FileManager.default.copyItem(at: ConveneBinary.executable, to: binary)
        let strip = Process()
        strip.executableURL = URL(fileURLWithPath: "/usr/bin/strip")
        strip.arguments = ["-g", binary.path]
        try strip.run()
        strip.waitUntilExit()

        let process = Process()
        process.executableURL = URL(fileURLWithPath: valgrindPath)
        process.arguments = ["--leak-check=full", "--errors-for-leak-kinds=definite", "--error-exitcode=9",
                             "--suppressions=\(ConveneBinary.root.appendingPathComponent("Tests/memory/swift-runtime.supp").path)",
                             binary.path, "publish", "plan.yaml", "--out", "release", "--now", "2021-01-01T00:00Z"]
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardError = output
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text.suffix(4000))")
        #expect(text.contains("definitely lost: 0 bytes") || text.contains("All heap blocks were freed"), "\(text.suffix(2000))")
        #expect(!text.contains("Invalid read") && !text.contains("Invalid write") && !text.contains("Invalid free"))
    }
}
