import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// A throwaway PostgreSQL server for the tests: Debian's binaries (`initdb`, `pg_ctl`), a data
/// directory of its own in the temporary folder, listening on a free loopback port, with a
/// user `convene` whose password is `password` and a database `convene`. Stopped and removed by
/// `stop()` or when the value goes away.
///
/// PostgreSQL refuses to run as root; when the tests do, its commands run as the `postgres` user
/// (`runuser`), which Debian's package creates, and the folder is handed to that user.
public final class TestPostgres: @unchecked Sendable {
    // @unchecked: `running` changes only in start/stop, which the tests call from one task.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let folder: URL
    /// Chosen free just before the server starts, and chosen again when another program
    /// took it in between (PostgreSQL then cannot bind it).
    public private(set) var port: Int
    public let password = "pw-\(UUID().uuidString.prefix(8))"
    private var running = false

    /// `postgres://convene@127.0.0.1:PORT/convene?sslmode=disable`: the URL `--tokens` takes.
    public var url: String { "postgres://convene@127.0.0.1:\(port)/convene?sslmode=disable" }
    /// A file holding the password, as `--tokens-password-file` takes it.
    public var passwordFile: String { folder.appendingPathComponent("password").path }
    var data: String { folder.appendingPathComponent("data").path }

    /// Creates the cluster and starts it.
    /// - Throws: `Failure` with PostgreSQL's output when a step fails, or when no PostgreSQL is installed.
    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("convene-pg-\(UUID().uuidString)")
        port = try Self.freePort()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data((password + "\n").utf8).write(to: URL(fileURLWithPath: passwordFile))
        if Self.asRoot {
            for path in [folder.path, passwordFile] {
                try FileManager.default.setAttributes([.ownerAccountName: "postgres"], ofItemAtPath: path)
            }
        }
        try run(
            "initdb", "-D", data, "-U", "convene", "--pwfile=\(passwordFile)", "--auth-host=scram-sha-256",
            "--auth-local=trust", "-E", "UTF8", "--no-sync")
        for attempt in 1...3 {
            do {
                try start()
                break
            } catch let failure as Failure where attempt < 3 && failure.description.contains("could not bind") {
                port = try Self.freePort()
                // The next attempt's failure, if any, is read from a log of its own.
                try? FileManager.default.removeItem(at: folder.appendingPathComponent("log"))
            }
        }
        try run("createdb", "-h", folder.path, "-p", String(port), "-U", "convene", "convene")
    }

    deinit { stop() }

    /// Creates and starts a server as `init()` does, on a thread of its own: the programs it
    /// waits for take seconds, and async tests must not hold one of the few threads Swift's
    /// concurrency runs every task on while they do (on two cores, two such waits stall every
    /// other test).
    public static func start() async throws -> TestPostgres {
        try await offThePool { try TestPostgres() }
    }

    /// `kill()` on a thread of its own.
    public func killed() async throws { try await Self.offThePool { try self.kill() } }

    /// `start()` on a thread of its own.
    public func restarted() async throws { try await Self.offThePool { try self.start() } }

    private static func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    /// Starts the server (again) on the same port and data, waiting until it accepts connections.
    public func start() throws {
        let settings = [
            "-p \(port)", "-k \(folder.path)", "-c listen_addresses=127.0.0.1", "-c fsync=off",
            "-c synchronous_commit=off", "-c full_page_writes=off",
        ]
        try run(
            "pg_ctl", "-D", data, "-w", "-t", "60", "-l", folder.appendingPathComponent("log").path,
            "-o", settings.joined(separator: " "), "start")
        running = true
        Leftovers.add(data)
    }

    /// Kills the server as a crash would (`pg_ctl stop -m immediate`: no checkpoint, every
    /// connection cut at once); `start()` brings it back.
    public func kill() throws {
        try run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
        running = false
        Leftovers.remove(data)
    }

    /// Stops the server and removes its folder.
    public func stop() {
        if running { try? kill() }
        try? FileManager.default.removeItem(at: folder)
    }

    /// The folder of Debian's PostgreSQL binaries: `$CONVENE_PG_BIN`, else the newest
    /// `/usr/lib/postgresql/*/bin`.
    static func binaries() throws -> String {
        if let path = ProcessInfo.processInfo.environment["CONVENE_PG_BIN"] { return path }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let newest = versions.compactMap(Int.init).max() else {
            throw Failure(
                description: "no PostgreSQL in /usr/lib/postgresql: `make deps` installs Debian's postgresql package "
                    + "(or set CONVENE_PG_BIN to the folder of initdb and pg_ctl)")
        }
        return "/usr/lib/postgresql/\(newest)/bin"
    }

    static var asRoot: Bool { getuid() == 0 }

    /// Runs one of PostgreSQL's programs, as `postgres` when the tests run as root.
    private func run(_ program: String, _ arguments: String...) throws {
        let binary = try Self.binaries() + "/" + program
        // Through a shell that first closes every descriptor past the standard three: the
        // server pg_ctl starts keeps what it inherits, and a pipe another test is reading
        // (`ConveneBinary.run`) would not reach its end while the server runs. The output goes
        // to a file, not a pipe, for the same reason.
        let closing = #"for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done; exec "$@""#
        let command = ["/bin/bash", "-c", closing, "bash", binary] + arguments
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.asRoot ? "/usr/sbin/runuser" : command[0])
        process.arguments = Self.asRoot ? ["-u", "postgres", "--"] + command : Array(command.dropFirst())
        process.currentDirectoryURL = folder
        let outputPath = folder.appendingPathComponent("\(program).out").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        FileManager.default.createFile(atPath: outputPath, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        defer { try? output.close() }
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            let log = (try? String(contentsOf: folder.appendingPathComponent("log"), encoding: .utf8)) ?? ""
            throw Failure(description: "\(program) failed (\(process.terminationStatus)): \(text)\n\(log)")
        }
    }

    /// A port nothing listens on: bound to port 0, read back, released.
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw Failure(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// The data folders of the servers running now, so that the test process stops those it leaves
/// behind when it exits: a test given up by its time limit (`withinTimeLimit`) never reaches its
/// own `stop()`, and PostgreSQL would outlive the run.
private enum Leftovers {
    static let lock = NSLock()
    nonisolated(unsafe) static var folders: Set<String> = []
    nonisolated(unsafe) static var installed = false

    static func add(_ data: String) {
        lock.withLock {
            folders.insert(data)
            guard !installed else { return }
            installed = true
            atexit { Leftovers.stopAll() }
        }
    }

    static func remove(_ data: String) { lock.withLock { _ = folders.remove(data) } }

    /// Sends each server's postmaster SIGQUIT, PostgreSQL's immediate shutdown (no program to
    /// start while the process exits): its pid is the first line of `postmaster.pid`.
    static func stopAll() {
        for data in lock.withLock({ folders }) {
            guard let text = try? String(contentsOfFile: data + "/postmaster.pid", encoding: .utf8),
                let pid = text.split(separator: "\n").first.flatMap({ pid_t($0) })
            else { continue }
            Glibc.kill(pid, SIGQUIT)
        }
    }
}
