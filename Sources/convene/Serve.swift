import ArgumentParser
import FeedServer
import Foundation

extension Convene {
    /// `convene serve --dir RELEASE`: serves a release's feeds and pages over HTTP.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve a published release: feeds, pages, and personal feeds behind their tokens.",
            discussion: "A new release published into DIR is served at once, without a restart."
        )

        @Option(help: "The release directory written by convene publish.")
        var dir: String

        @Option(help: "The address to listen on.")
        var host: String = "127.0.0.1"

        @Option(help: "The port to listen on.")
        var port: Int = 8080

        @Flag(help: "Log only warnings and errors, not every request.")
        var quiet = false

        func run() async throws {
            guard FileManager.default.fileExists(atPath: dir + "/manifest.json") else {
                Terminal.printError("\(dir): error: not a release (no manifest.json); write one with convene publish PLAN --out \(dir)")
                throw ExitCode(ExitStatus.invalidInput)
            }
            try await runServer(ServeOptions(releaseDir: dir, host: host, port: port, logLevel: quiet ? .warning : .info))
        }
    }
}
