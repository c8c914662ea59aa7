import ArgumentParser
import FeedServer
import FeedTokens
import Foundation
import ReleaseFormat

extension Convene {
    /// `convene serve --dir RELEASE`: serves a release's feeds and pages over HTTP.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve a published release: feeds, pages, and personal feeds behind their tokens.",
            discussion: """
                A new release published into DIR is served at once, without a restart. Several servers over \
                the same DIR and the same --tokens postgres:// database answer alike: put them behind one \
                address. /healthz answers 503 while the token store cannot be reached.
                """
        )

        @Option(help: "The release directory written by convene publish.")
        var dir: String

        @Option(help: "The address to listen on.")
        var host: String = "127.0.0.1"

        @Option(help: "The port to listen on.")
        var port: Int = 8080

        @Flag(help: "Log only warnings and errors, not every request.")
        var quiet = false

        @Option(help: ArgumentHelp("Seconds a request's line and headers may take to arrive.", valueName: "seconds"))
        var headerTimeout: Double = 60

        @Option(help: ArgumentHelp("Seconds a kept-alive connection may wait for a request.", valueName: "seconds"))
        var idleTimeout: Double = 75

        @Option(
            help: ArgumentHelp(
                "Connections open at once; more wait. (default: 4096, less if ulimit -n is low)",
                valueName: "n"))
        var maxConnections: Int?

        @OptionGroup var tokens: TokenStoreOptions

        func run() async throws {
            let options = try serveOptions()
            guard FileManager.default.fileExists(atPath: dir + "/" + ReleaseLayout.manifest) else {
                Terminal.printError(
                    "\(dir): error: not a release (no \(ReleaseLayout.manifest)); "
                        + "write one with convene publish PLAN --out \(dir)"
                )
                throw ExitCode(ExitStatus.invalidInput)
            }
            do {
                try await buildServer(options).runService()
            } catch let error as TokenStoreError {
                Terminal.printError("error: \(error)")
                throw ExitCode(ExitStatus.storeUnreachable)
            }
        }

        /// The options as the server takes them; on a timeout or cap out of range prints why and exits 1.
        func serveOptions() throws -> ServeOptions {
            var options = ServeOptions(
                releaseDir: dir, host: host, port: port, logLevel: quiet ? .warning : .info,
                tokens: try tokens.location(release: dir), tokensPassword: try tokens.password())
            options.headerTimeout = try Self.duration(headerTimeout, option: "--header-timeout")
            options.idleTimeout = try Self.duration(idleTimeout, option: "--idle-timeout")
            if let maxConnections {
                guard maxConnections >= 1 else {
                    Terminal.printError("error: --max-connections must be at least 1")
                    throw ExitCode(ExitStatus.invalidInput)
                }
                options.maxConnections = maxConnections
            }
            return options
        }

        /// A timeout given in seconds, which must be more than 0 and at most a day.
        static func duration(_ seconds: Double, option: String) throws -> Duration {
            guard seconds > 0 && seconds <= 86_400 else {
                Terminal.printError("error: \(option) must be more than 0 and at most 86400 seconds")
                throw ExitCode(ExitStatus.invalidInput)
            }
            return .milliseconds(Int64((seconds * 1000).rounded(.up)))
        }
    }
}
