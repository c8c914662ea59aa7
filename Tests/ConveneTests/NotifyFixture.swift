import Foundation

/// A small plan with people in several zones, published into a scratch folder, and a real SMTP
/// server (Python's aiosmtpd, Tests/interop/smtp_sink.py) on a loopback port for `convene notify`.
struct NotifyWorkspace {
    let folder: URL
    var release: String { "release" }
    var sentLog: URL { folder.appendingPathComponent("release.sent.json") }

    static let plan = """
        calendar:
          id: notify-test
          name: Notify Test
          organiser: {name: Events Team, email: events@example.org}
          zone: Africa/Nairobi
          horizon: 2021
          granularity: 30m
        audiences:
          - {id: sc, name: Steering Committee, members: [ana, ben, chen, dev]}
          - {id: observers, members: [eve], notify: feed}
        people:
          - {id: ana, name: Ana López, zone: Europe/Madrid, email: ana@example.org}
          - {id: ben, name: Ben Okafor, zone: Africa/Lagos, email: ben@example.org}
          - {id: chen, name: Chen Wei, zone: Asia/Shanghai}
          - {id: dev, name: Dev Patel, zone: Asia/Kolkata, email: dev at example}
          - {id: eve, name: Eve Stone, zone: America/New_York, email: eve@example.org}
          - {id: fay, name: Fay Ito, zone: Asia/Tokyo, email: fay@example.org, notify: feed}
        events:
          - {id: roundtable, title: Roundtable Africa, duration: 2h, pinned: 2021-07-13T10:00, audiences: [sc]}
          - {id: workshop, title: Workshop, duration: 1h, pinned: 2021-09-01T14:00, participants: [ana]}
          - {id: retreat, title: Retreat, duration: 2d, window: 2021-10, pinned: 2021-10-04,
             participants: [ben, fay, eve]}

        """

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("convene-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try write(Self.plan)
    }

    func write(_ plan: String) throws {
        try Data(plan.utf8).write(to: folder.appendingPathComponent("plan.yaml"))
    }

    func edit(_ change: (String) -> String) throws {
        let url = folder.appendingPathComponent("plan.yaml")
        try write(change(try String(contentsOf: url, encoding: .utf8)))
    }

    func publish(now: String, _ extra: [String] = []) throws -> ConveneBinary.Outcome {
        try ConveneBinary.run(
            ["publish", "plan.yaml", "--out", release, "--now", now, "--time-limit", "10"] + extra, in: folder)
    }

    func notify(_ options: [String], environment: [String: String] = [:]) throws -> ConveneBinary.Outcome {
        try ConveneBinary.run(["notify", release] + options, in: folder, environment: environment)
    }

    /// The sent-log's entries, or nil when there is none.
    func sentEntries() throws -> [[String: Any]]? {
        guard let data = FileManager.default.contents(atPath: sentLog.path) else { return nil }
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return json?["sent"] as? [[String: Any]]
    }

    /// Runs Tests/interop/check_imip.py on files or folders; its output, and whether it passed.
    static func checkIMIP(_ paths: [String]) throws -> (ok: Bool, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: InteropTests.python)
        process.arguments = [ConveneBinary.root.appendingPathComponent("Tests/interop/check_imip.py").path] + paths
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus == 0, text)
    }
}

/// Tests/interop/smtp_sink.py running on a free loopback port until `stop()`.
final class SMTPSink {
    /// How the sink speaks TLS, with a self-signed certificate it makes at start-up.
    enum TLS: String {
        case starttls, smtps
    }

    let process = Process()
    let folder: URL
    private(set) var port = 0

    /// `tls`: offer STARTTLS or speak SMTPS, with a certificate for `names` (a subjectAltName)
    /// written to `certificate`.
    init(folder: URL, options: [String] = [], tls: TLS? = nil, names: String? = nil) throws {
        self.folder = folder
        let portFile = folder.appendingPathExtension("port")
        try? FileManager.default.removeItem(at: portFile)
        process.executableURL = URL(fileURLWithPath: InteropTests.python)
        var tlsOptions = tls.map { ["--tls", $0.rawValue, "--certificate", folder.appendingPathExtension("pem").path] }
        if let names { tlsOptions?.append(contentsOf: ["--names", names]) }
        process.arguments =
            [ConveneBinary.root.appendingPathComponent("Tests/interop/smtp_sink.py").path, folder.path, portFile.path]
            + options + (tlsOptions ?? [])
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) {
                self.port = port
                return
            }
            usleep(50_000)
        }
        stop()
        throw CocoaError(.fileReadNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "the SMTP sink did not start"])
    }

    var endpoint: String { "127.0.0.1:\(port)" }

    /// The sink's self-signed certificate (PEM), when it speaks TLS: the CA to trust.
    var certificate: URL { folder.appendingPathExtension("pem") }

    /// The TLS version each message came over (nil: in the clear), in the order of `messages`.
    var transports: [String?] {
        messages.map { name in
            let side = folder.appendingPathComponent(name).deletingPathExtension().appendingPathExtension("json")
            let json = (try? Data(contentsOf: side)).flatMap { try? JSONSerialization.jsonObject(with: $0) }
            return (json as? [String: Any])?["tls"] as? String
        }
    }

    /// The messages received so far, by file name.
    var messages: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".eml") }
            .sorted()
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}
