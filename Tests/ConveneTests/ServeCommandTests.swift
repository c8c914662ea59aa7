import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import ICal
import PostgresFixture
import Testing

/// `convene serve` as subscribers meet it: a real server on a loopback port, a real calendar
/// client syncing from it, and releases published while requests are in flight.
@Suite(.serialized) struct ServeCommandTests {
    /// A published copy of the 2021 calendar and a server on a free loopback port.
    final class LiveServer: @unchecked Sendable {
        // @unchecked: after init only `get` is used from several threads, and it shares nothing mutable.
        let folder: URL
        let port: Int
        let process = Process()

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("convene-live-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: ConveneBinary.root.appendingPathComponent("calendars"),
                to: folder.appendingPathComponent("calendars"))
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("calendars/ogp-2021.ledger.json"))
            let published = try ConveneBinary.run(
                ["publish", "calendars/ogp-2021.yaml", "--out", "release", "--now", "2021-01-15T09:00Z"], in: folder)
            guard published.status == 0 else { throw LiveError(text: published.stderr) }
            port = try TestPostgres.freePort()
            process.executableURL = ConveneBinary.executable
            process.arguments = ["serve", "--dir", "release", "--port", String(port), "--quiet"]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            for _ in 0..<100 where (try? get("/healthz").status) != 200 { Thread.sleep(forTimeInterval: 0.1) }
        }

        deinit { process.terminate() }

        struct LiveError: Error { let text: String }

        var base: String { "http://127.0.0.1:\(port)" }

        func get(_ path: String) throws -> (status: Int, body: Data) {
            let semaphore = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var result: (Int, Data) = (0, Data())
            let task = URLSession.shared.dataTask(with: URL(string: base + path)!) { data, response, _ in
                result = ((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data())
                semaphore.signal()
            }
            task.resume()
            semaphore.wait()
            return result
        }

        func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: executable)
            p.arguments = arguments
            p.currentDirectoryURL = folder
            let pipe = Pipe()
            p.standardOutput = pipe
            p.standardError = pipe
            try p.run()
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return (p.terminationStatus, text)
        }
    }

    @Test func vdirsyncerSubscribesAndGetsEveryEventAtItsTime() throws {
        let vdirsyncer = try #require(
            ["/usr/bin/vdirsyncer", "/usr/local/bin/vdirsyncer"].first {
                FileManager.default.isExecutableFile(atPath: $0)
            },
            "vdirsyncer is missing: make test installs it")
        let server = try LiveServer()
        let token = try ConveneBinary.run(
            ["tokens", "issue", "sc-korea", "--dir", "release", "--base-url", server.base], in: server.folder)
        #expect(token.status == 0, "\(token.stderr)")
        let personal = try #require(
            token.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first {
                $0.hasPrefix("http://")
            })
        for (name, url) in [("all", "\(server.base)/feeds/all.ics"), ("mine", personal)] {
            let vdir = server.folder.appendingPathComponent("vdir-\(name)")
            try FileManager.default.createDirectory(at: vdir, withIntermediateDirectories: true)
            let config = server.folder.appendingPathComponent("vdirsyncer-\(name).conf")
            try Data(
                """
                [general]
                status_path = "\(server.folder.path)/status-\(name)/"

                [pair feed]
                a = "remote"
                b = "local"
                collections = null

                [storage remote]
                type = "http"
                url = "\(url)"

                [storage local]
                type = "filesystem"
                path = "\(vdir.path)"
                fileext = ".ics"

                """.utf8
            ).write(to: config)
            let (discovered, discovery) = try server.run(vdirsyncer, ["-c", config.path, "discover", "feed"])
            #expect(discovered == 0, "\(discovery)")
            let (status, output) = try server.run(vdirsyncer, ["-c", config.path, "sync"])
            #expect(status == 0, "\(output)")
            let python = InteropTests.python
            let expected = name == "all" ? 49 : personalCount(server, person: "sc-korea")
            let (checked, report) = try server.run(
                python,
                [
                    ConveneBinary.root.appendingPathComponent("Tests/interop/check_vdir.py").path,
                    vdir.path, server.folder.appendingPathComponent("release/schedule.json").path, String(expected),
                ])
            #expect(checked == 0, "\(report)")
        }
    }

    func personalCount(_ server: LiveServer, person: String) -> Int {
        let text =
            (try? String(
                contentsOf: server.folder.appendingPathComponent("release/private/person-\(person).ics"),
                encoding: .utf8)) ?? ""
        return text.components(separatedBy: "BEGIN:VEVENT").count - 1
    }

    @Test func publishingWhileRequestsAreInFlightServesOnlyWholeFeeds() throws {
        let server = try LiveServer()
        let first = try server.get("/feeds/all.ics")
        #expect(first.status == 200)
        let stop = StopFlag()
        let bodies = Bodies()
        let group = DispatchGroup()
        for _ in 0..<2 {
            group.enter()
            Thread.detachNewThread {
                while !stop.isSet {
                    if let response = try? server.get("/feeds/all.ics") { bodies.add(response.status, response.body) }
                    Thread.sleep(forTimeInterval: 0.02)  // two cores: leave room for the publishes
                }
                group.leave()
            }
        }
        // Publish three new releases while the clients poll.
        for (i, date) in ["2021-05-26", "2021-05-27", "2021-05-28"].enumerated() {
            let events = server.folder.appendingPathComponent("calendars/ogp-2021/events.yaml")
            var text = try String(contentsOf: events, encoding: .utf8)
            if i == 0 {
                text = text.replacingOccurrences(
                    of: "  - id: awards-launch\n", with: "  - id: awards-launch\n    pinned: \(date)\n")
            } else {
                text = text.replacingOccurrences(
                    of: "pinned: \(["2021-05-26", "2021-05-27", "2021-05-28"][i - 1])", with: "pinned: \(date)")
            }
            try Data(text.utf8).write(to: events)
            let published = try ConveneBinary.run(
                ["publish", "calendars/ogp-2021.yaml", "--out", "release", "--now", "2021-02-0\(i + 1)T09:00Z"],
                in: server.folder)
            #expect(published.status == 0, "\(published.stderr)")
        }
        Thread.sleep(forTimeInterval: 0.3)
        stop.set()
        group.wait()
        let seen = bodies.all
        #expect(seen.count > 20)
        for (status, body) in seen {
            #expect(status == 200)
            let text = String(decoding: body, as: UTF8.self)
            #expect(FeedLint.problems(in: text).isEmpty)
            #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        }
        let distinct = Set(seen.map(\.1))
        #expect(distinct.count >= 2, "the clients saw the new releases")
        let last = try server.get("/feeds/all.ics")
        #expect(String(decoding: last.body, as: UTF8.self).contains("DTSTART;VALUE=DATE:20210528"))
    }
}

final class StopFlag: @unchecked Sendable {
    // @unchecked: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}

final class Bodies: @unchecked Sendable {
    // @unchecked: `items` is only touched under `lock`.
    private let lock = NSLock()
    private var items: [(Int, Data)] = []
    func add(_ status: Int, _ body: Data) { lock.lock(); items.append((status, body)); lock.unlock() }
    var all: [(Int, Data)] { lock.lock(); defer { lock.unlock() }; return items }
}
