import ArgumentParser
import FeedTokens
import Foundation

extension Convene.Tokens {
    /// `convene tokens migrate --from SQLITE --to URL`: moves a machine's tokens into the store
    /// replicas share, without issuing new links.
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy every token (its hash, person, dates) from a SQLite store into another store.",
            discussion: """
                Links already handed out keep working: only hashes are copied, never re-issued. Running it \
                again adds nothing; a token revoked in the source since is revoked in the target too, and \
                one revoked in the target stays revoked.
                """)

        @Option(
            help: ArgumentHelp("The SQLite token store to copy from (e.g. release.tokens.sqlite).", valueName: "sqlite")
        )
        var from: String

        @Option(
            help: ArgumentHelp(
                "The store to copy into: postgres://USER@HOST:PORT/DATABASE or a SQLite file.", valueName: "url"))
        var to: String

        @Option(
            help: ArgumentHelp(
                "A file whose first line is the target's PostgreSQL password (else PGPASSWORD).", valueName: "file"))
        var tokensPasswordFile: String?

        func run() async throws {
            guard FileManager.default.fileExists(atPath: from) else {
                Terminal.printError("\(from): error: no such token store; give the SQLite file beside the release")
                throw ExitCode(ExitStatus.invalidInput)
            }
            let location = try TokenStoreOptions.location(to, release: nil)
            let password = try TokenStoreOptions.password(file: tokensPasswordFile)
            let source = try await TokenStoreOptions.with(.sqlite(path: from), password: nil) { store in
                try await store.records()
            }
            let count = try await TokenStoreOptions.with(location, password: password) { store in
                try await store.merge(source)
            }
            print(
                "\(source.count) token\(source.count == 1 ? "" : "s") in \(from): \(count.added) added to \(location), "
                    + "\(count.revoked) revocation\(count.revoked == 1 ? "" : "s") carried over, "
                    + "\(count.unchanged) already there")
        }
    }
}
