import ArgumentParser
import FeedTokens
import Foundation

/// `--tokens URL` and `--tokens-password-file FILE`, shared by `serve` and the `tokens` commands.
struct TokenStoreOptions: ParsableArguments {
    @Option(
        name: .customLong("tokens"),
        help: ArgumentHelp(
            "Where tokens are kept: a SQLite file, or postgres://USER@HOST:PORT/DATABASE shared by replicas "
                + "(default: DIR.tokens.sqlite beside the release).", valueName: "url"))
    var tokens: String?

    @Option(
        help: ArgumentHelp(
            "A file whose first line is PostgreSQL's password (else PGPASSWORD; never the URL).", valueName: "file"))
    var tokensPasswordFile: String?

    /// The store `--tokens` names, else the SQLite file beside `release`; prints why and exits 1
    /// when it names none Convene can use, or when neither is given.
    func location(release: String?) throws -> TokenStoreLocation {
        try Self.location(tokens, release: release)
    }

    /// The store a `--tokens` value names, else the SQLite file beside `release`.
    static func location(_ tokens: String?, release: String?) throws -> TokenStoreLocation {
        do {
            if let tokens { return try TokenStoreLocation(parsing: tokens) }
        } catch {
            Terminal.printError("error: \(error)")
            throw ExitCode(ExitStatus.invalidInput)
        }
        guard let release else {
            Terminal.printError("error: give --tokens URL, or --dir DIR for the token store beside a release")
            throw ExitCode(ExitStatus.invalidInput)
        }
        return .beside(release: release)
    }

    /// The password of `--tokens-password-file`, else `PGPASSWORD`; prints why and exits 1 when
    /// the file cannot be read.
    func password() throws -> DatabasePassword? {
        try Self.password(file: tokensPasswordFile)
    }

    /// The password in `file`, else `PGPASSWORD`.
    static func password(file: String?) throws -> DatabasePassword? {
        do {
            return try DatabasePassword.resolve(file: file)
        } catch {
            Terminal.printError("error: \(error)")
            throw ExitCode(ExitStatus.invalidInput)
        }
    }

    /// Runs `body` with the store open and prepared; prints what went wrong and exits 6 when it
    /// cannot be reached.
    static func with<Result: Sendable>(
        _ location: TokenStoreLocation, password: DatabasePassword?, _ body: (any TokenStore) async throws -> Result
    ) async throws -> Result {
        do {
            return try await withTokenStore(location, password: password, body)
        } catch let error as TokenStoreError {
            Terminal.printError("error: \(error)")
            throw ExitCode(ExitStatus.storeUnreachable)
        }
    }
}
