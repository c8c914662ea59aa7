import ArgumentParser
import Foundation

/// `convene`: plans a year of events and a summit's sessions, and publishes their calendars.
@main
struct Convene: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convene",
        abstract: "Plan a year of events around fixed fora, dependencies and time zones.",
        subcommands: [
            Check.self, PlanCommand.self, Verify.self, Explain.self, Publish.self, AgendaCommand.self, Serve.self,
            Tokens.self, ImportCommand.self, WhatIfCommand.self, Notify.self,
        ]
    )
}

/// Exit codes of the command-line contract (docs/cli.md).
enum ExitStatus {
    static let invalidInput: Int32 = 1
    static let infeasible: Int32 = 3
    static let noSolution: Int32 = 4
    /// `notify`: the SMTP server could not be reached or refused a message; the rest is logged.
    static let undelivered: Int32 = 5
    /// `serve`, `tokens`: the token store could not be reached, or refused the connection.
    static let storeUnreachable: Int32 = 6
}
