import ArgumentParser
import FeedTokens
import Foundation
import ReleaseFormat

extension Convene {
    /// `convene tokens issue|list|revoke|migrate`: the secret links of personal feeds.
    struct Tokens: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue, list, revoke and migrate the secret links of personal feeds.",
            discussion: """
                Tokens are kept in DIR.tokens.sqlite beside the release, or where --tokens says: \
                another SQLite file, or a PostgreSQL database that several `convene serve` replicas share.
                """,
            subcommands: [Issue.self, List.self, Revoke.self, Migrate.self]
        )

        /// `--dir` and the token store's options; `list` and `revoke` need only one of `--dir`
        /// and `--tokens`.
        struct Store: ParsableArguments {
            @Option(help: "The release directory (tokens are kept beside it in DIR.tokens.sqlite unless --tokens).")
            var dir: String?

            @OptionGroup var tokens: TokenStoreOptions

            func with<Result: Sendable>(_ body: (any TokenStore) async throws -> Result) async throws -> Result {
                try await TokenStoreOptions.with(
                    try tokens.location(release: dir), password: try tokens.password(), body)
            }
        }

        struct Issue: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Issue a token for a person and print their private feed's links.")

            @Argument(help: "The person's id in the plan.")
            var person: String

            @OptionGroup var store: Store

            @Option(name: .customLong("base-url"), help: "Where the release is served.")
            var baseURL: String = "http://localhost:8080"

            func run() async throws {
                guard let dir = store.dir else {
                    Terminal.printError("error: give --dir DIR: the release whose personal feed the token opens")
                    throw ExitCode(ExitStatus.invalidInput)
                }
                guard FileManager.default.fileExists(atPath: dir + "/" + ReleaseLayout.personalFeed(person: person))
                else {
                    Terminal.printError(
                        "error: the release in \(dir) has no personal feed for '\(person)'; "
                            + "check the id or publish first"
                    )
                    throw ExitCode(ExitStatus.invalidInput)
                }
                let token = try await store.with { [person] store in try await store.issue(person: person) }
                let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
                let https = "\(base)/feeds/p/\(token).ics"
                print("Personal feed of \(person) — keep these links private; they are shown only once:")
                print("  \(https)")
                let webcal = https.replacingOccurrences(of: "https://", with: "webcal://")
                    .replacingOccurrences(of: "http://", with: "webcal://")
                print("  \(webcal)")
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List tokens (never the secrets: only ids, people and dates).")

            @OptionGroup var store: Store

            func run() async throws {
                for token in try await store.with({ store in try await store.records() }) {
                    let revoked = token.revoked.map { "  revoked \($0)" } ?? ""
                    print("\(token.id)  \(token.person)  issued \(token.created)\(revoked)")
                }
            }
        }

        struct Revoke: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Revoke a person's tokens, or one token by its id.",
                discussion: "Every server reading the same store refuses the token from its next request on.")

            @Argument(help: "A person's id (all their tokens) or a token id from `tokens list`.")
            var personOrId: String

            @OptionGroup var store: Store

            func run() async throws {
                let count = try await store.with { [personOrId] store in try await store.revoke(personOrId: personOrId)
                }
                guard count > 0 else {
                    Terminal.printError("error: no active token of or with id '\(personOrId)'")
                    throw ExitCode(ExitStatus.invalidInput)
                }
                print("revoked \(count) token\(count == 1 ? "" : "s")")
            }
        }
    }
}
