import Foundation
import PostgresFixture
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `convene tokens` and `convene serve --tokens` as an operator uses them: a machine's SQLite
/// tokens moved into PostgreSQL, two `convene serve` replicas over it, and the messages for
/// what cannot work.
@Suite(.serialized) struct TokensCommandTests {
    /// A release as `serve` and `tokens issue` need it: a manifest, a public and a personal feed.
    static func release() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("convene-tokens-\(UUID())")
        let files = [
            "manifest.json": "{\"feeds\": []}\n", "feeds/all.ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
            "private/person-ana.ics": "BEGIN:VCALENDAR\r\nX-WHO:ana\r\nEND:VCALENDAR\r\n",
        ]
        for (path, text) in files {
            let url = folder.appendingPathComponent("release/\(path)")
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    /// `convene serve` on a free port until the value goes away.
    final class Replica {
        let process = Process()
        let port: Int
        let stderr = Pipe()

        init(_ arguments: [String], in folder: URL, environment: [String: String]) throws {
            port = try TestPostgres.freePort()
            process.executableURL = ConveneBinary.executable
            process.arguments = ["serve", "--dir", "release", "--port", String(port)] + arguments
            process.currentDirectoryURL = folder
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = stderr
            try process.run()
            for _ in 0..<100 where (try? get("/healthz").status) != 200 { Thread.sleep(forTimeInterval: 0.1) }
        }

        deinit { stop() }

        /// Stops the server and returns what it wrote to standard error.
        @discardableResult
        func stop() -> String {
            guard process.isRunning else { return "" }
            process.terminate()
            process.waitUntilExit()
            return String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }

        func get(_ path: String) throws -> (status: Int, body: String) {
            let semaphore = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var result = (0, "")
            let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
            URLSession.shared.dataTask(with: url) { data, response, _ in
                result = (
                    (response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data ?? Data(), as: UTF8.self)
                )
                semaphore.signal()
            }.resume()
            semaphore.wait()
            return result
        }
    }

    @Test func migratedLinksKeepWorkingOnEveryReplicaUntilRevoked() throws {
        let (folder, postgres) = (try Self.release(), try TestPostgres())
        defer { postgres.stop() }
        let issued = try ConveneBinary.run(["tokens", "issue", "ana", "--dir", "release"], in: folder)
        #expect(issued.status == 0, "\(issued.stderr)")
        let link = try #require(issued.stdout.split(separator: " ").first { $0.hasPrefix("http://") })
        let path = String(try #require(link.split(separator: "\n").first).dropFirst("http://localhost:8080".count))

        let migrate = ["tokens", "migrate", "--from", "release.tokens.sqlite", "--to", postgres.url]
        let password = ["--tokens-password-file", postgres.passwordFile]
        let first = try ConveneBinary.run(migrate + password, in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("1 token in release.tokens.sqlite: 1 added"), "\(first.stdout)")
        let again = try ConveneBinary.run(migrate + password, in: folder)
        #expect(again.stdout.contains("0 added") && again.stdout.contains("1 already there"), "\(again.stdout)")

        let environment = ["PGPASSWORD": postgres.password]
        let replicas = try (0..<2).map { _ in
            try Replica(["--tokens", postgres.url], in: folder, environment: environment)
        }
        for replica in replicas {
            let feed = try replica.get(path)
            #expect(feed.status == 200 && feed.body.contains("X-WHO:ana"))
        }
        let listed = try ConveneBinary.run(
            ["tokens", "list", "--tokens", postgres.url], in: folder, environment: environment)
        #expect(listed.status == 0 && listed.stdout.contains("  ana  issued "), "\(listed.stderr)")
        #expect(!listed.stdout.contains(String(path.dropFirst("/feeds/p/".count).prefix(64))))

        let revoked = try ConveneBinary.run(
            ["tokens", "revoke", "ana", "--tokens", postgres.url], in: folder, environment: environment)
        #expect(revoked.status == 0 && revoked.stdout == "revoked 1 token\n", "\(revoked.stderr)")
        for replica in replicas {
            #expect(try replica.get(path).status == 404)
            let log = replica.stop()
            #expect(!log.contains(postgres.password))
        }
    }

    @Test func aURLWithAPasswordIsRefused() throws {
        let folder = try Self.release()
        let served = try ConveneBinary.run(
            ["serve", "--dir", "release", "--tokens", "postgres://convene:hunter2@127.0.0.1/convene"], in: folder)
        #expect(served.status == 1)
        #expect(served.stderr.contains("holds a password") && served.stderr.contains("PGPASSWORD"), "\(served.stderr)")
        #expect(!served.stderr.contains("hunter2"))
    }

    @Test func anUnreachableStoreSaysWhatToCheckAndExits6() throws {
        let folder = try Self.release()
        let url = "postgres://convene@127.0.0.1:\(try TestPostgres.freePort())/convene?sslmode=disable"
        for arguments in [["tokens", "list", "--tokens", url], ["serve", "--dir", "release", "--tokens", url]] {
            let outcome = try ConveneBinary.run(arguments, in: folder, environment: ["PGPASSWORD": "s3cret"])
            #expect(outcome.status == 6, "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.contains("is PostgreSQL running"), "\(outcome.stderr)")
            #expect(!outcome.stderr.contains("s3cret"))
        }
    }
}
