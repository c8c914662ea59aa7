import ArgumentParser
import FeedServer
import Foundation
import ReleaseFormat

extension Convene {
    /// `convene tokens issue|list|revoke`: the secret links of personal feeds.
    struct Tokens: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue, list and revoke the secret links of personal feeds.",
            subcommands: [Issue.self, List.self, Revoke.self]
        )

        struct Store: ParsableArguments {
            @Option(help: "The release directory; tokens are kept beside it in DIR.tokens.sqlite.")
            var dir: String

            func open() throws -> TokenStore {
                do {
                    return try TokenStore(path: TokenStore.path(forRelease: dir))
                } catch {
                    Terminal.printError(
                        "\(TokenStore.path(forRelease: dir)): error: cannot open the token store (\(error))")
                    throw ExitCode(ExitStatus.invalidInput)
                }
            }
        }

        struct Issue: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Issue a token for a person and print their private feed's links.")

            @Argument(help: "The person's id in the plan.")
            var person: String

            @OptionGroup var store: Store

            @Option(name: .customLong("base-url"), help: "Where the release is served.")
            var baseURL: String = "http://localhost:8080"

            func run() throws {
                guard
                    FileManager.default.fileExists(atPath: store.dir + "/" + ReleaseLayout.personalFeed(person: person))
                else {
                    Terminal.printError(
                        "error: the release in \(store.dir) has no personal feed for '\(person)'; "
                            + "check the id or publish first"
                    )
                    throw ExitCode(ExitStatus.invalidInput)
                }
                let token = try store.open().issue(person: person)
                let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
                let https = "\(base)/feeds/p/\(token).ics"
                print("Personal feed of \(person) — keep these links private; they are shown only once:")
                print("  \(https)")
                let webcal = https.replacingOccurrences(of: "https://", with: "webcal://")
                    .replacingOccurrences(of: "http://", with: "webcal://")
                print("  \(webcal)")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List tokens (never the secrets: only ids, people and dates).")

            @OptionGroup var store: Store

            func run() throws {
                for token in try store.open().list() {
                    let revoked = token.revoked.map { "  revoked \($0)" } ?? ""
                    print("\(token.id)  \(token.person)  issued \(token.created)\(revoked)")
                }
            }
        }

        struct Revoke: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Revoke a person's tokens, or one token by its id.")

            @Argument(help: "A person's id (all their tokens) or a token id from `tokens list`.")
            var personOrId: String

            @OptionGroup var store: Store

            func run() throws {
                let count = try store.open().revoke(personOrId: personOrId)
                guard count > 0 else {
                    Terminal.printError("error: no active token of or with id '\(personOrId)'")
                    throw ExitCode(ExitStatus.invalidInput)
                }
                print("revoked \(count) token\(count == 1 ? "" : "s")")
            }
        }
    }
}
