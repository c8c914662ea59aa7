import ArgumentParser
import Foundation
import Notifying

/// Where `notify` (and `publish --notify`) sends the invitations, and whether it really does.
struct NotifyOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Send over SMTP to HOST:PORT (user and password from $CONVENE_SMTP_USER, $CONVENE_SMTP_PASSWORD).",
            valueName: "host:port"))
    var smtp: String?

    @Option(
        name: .customLong("smtp-starttls"),
        help: ArgumentHelp(
            "When to upgrade to TLS with STARTTLS: required (the default, unless the server is on loopback), "
                + "if-offered (the default on loopback) or never.",
            valueName: "when"))
    var smtpStartTLS: SMTPStartTLS?

    @Flag(
        name: .customLong("smtp-tls"),
        help: "TLS from the first byte (SMTPS, usually port 465) instead of STARTTLS.")
    var smtpTLS = false

    @Option(
        name: .customLong("smtp-ca"),
        help: ArgumentHelp(
            "A PEM file of CA certificates to trust beside the system's (a private CA, a test server).",
            valueName: "file"))
    var smtpCA: String?

    @Option(help: ArgumentHelp("Write each message as an .eml file into DIR instead of sending it.", valueName: "dir"))
    var outbox: String?

    @Flag(name: .customLong("dry-run"), help: "Print what would be sent; send nothing, log nothing.")
    var dryRun = false

    @Option(
        name: .customLong("sent-log"),
        help: ArgumentHelp("What went to whom; default: RELEASE_DIR with .sent.json, beside it.", valueName: "file"))
    var sentLog: String?

    /// Whether any of them was given.
    var isGiven: Bool {
        smtp != nil || outbox != nil || dryRun || sentLog != nil || smtpStartTLS != nil || smtpTLS || smtpCA != nil
    }

    /// Checked by the command that uses them (`notify`, or `publish --notify`), not by the
    /// parser, since `publish` without `--notify` takes none of them.
    func check() throws {
        if smtp != nil && outbox != nil { throw ValidationError("give --smtp or --outbox, not both") }
        if smtp == nil && outbox == nil && !dryRun {
            throw ValidationError("say where the invitations go: --smtp HOST:PORT, --outbox DIR or --dry-run")
        }
        if let smtp, Self.endpoint(smtp) == nil {
            throw ValidationError("--smtp '\(smtp)' is not HOST:PORT, e.g. 127.0.0.1:25")
        }
        if smtp == nil && (smtpStartTLS != nil || smtpTLS || smtpCA != nil) {
            throw ValidationError("--smtp-starttls, --smtp-tls and --smtp-ca go with --smtp")
        }
        if smtpTLS && smtpStartTLS != nil {
            throw ValidationError("--smtp-tls is TLS from the start: give it or --smtp-starttls, not both")
        }
        if smtpCA != nil && smtpStartTLS == .never && !smtpTLS {
            throw ValidationError("--smtp-ca is for TLS, which --smtp-starttls never turns off")
        }
        if let smtpCA, !FileManager.default.isReadableFile(atPath: smtpCA) {
            throw ValidationError("--smtp-ca '\(smtpCA)': no such readable file")
        }
    }

    var delivery: Delivery {
        if dryRun { return .dryRun }
        if let outbox { return .outbox(outbox) }
        let (host, port) = smtp.flatMap(Self.endpoint) ?? ("127.0.0.1", 25)
        let server = SMTPServer(
            host: host, port: port, implicitTLS: smtpTLS, startTLS: smtpStartTLS, certificateAuthorities: smtpCA)
        return .smtp(server, credentials: SMTPCredentials.fromEnvironment(ProcessInfo.processInfo.environment))
    }

    /// `host:port` or `[v6]:port`.
    static func endpoint(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (1...65535).contains(port)
        else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }

    /// Sends the release's invitations and prints what happened; exit 5 when some did not go.
    func notify(release: String) throws {
        let notifier: Notifier
        let report: Notifier.Report
        do {
            notifier = try Notifier(release: release, sentLog: sentLog)
            report = try notifier.run(
                delivery,
                progress: { invitation in
                    print(line(invitation, verb: outbox != nil ? "wrote" : "sent"))
                })
        } catch let error as NotifyError {
            Terminal.printError(error.description)
            throw ExitCode(ExitStatus.invalidInput)
        }
        if dryRun { report.delivered.forEach { print(line($0, verb: "would send")) } }
        report.warnings.forEach { Terminal.printError("warning: \($0)") }
        for skipped in report.skipped where skipped.reason != .alreadySent {
            print("not sent to \(skipped.text) [\(skipped.notice.uid)]")
        }
        for (invitation, reason) in report.refused {
            Terminal.printError("error: not sent to \(invitation.recipient.name) <\(invitation.address)>: \(reason)")
        }
        let already = report.skipped.filter { $0.reason == .alreadySent }.count
        var summary = "\(release): \(report.delivered.count) message\(report.delivered.count == 1 ? "" : "s") "
        summary += dryRun ? "would be sent" : (outbox != nil ? "written to \(outbox ?? "")" : "sent")
        summary += " for \(notifier.notices.changes.count) change\(notifier.notices.changes.count == 1 ? "" : "s")"
        if already > 0 { summary += ", \(already) sent before" }
        print(summary)
        if let failure = report.failure {
            Terminal.printError("error: \(failure)")
            for invitation in report.notReached {
                Terminal.printError(
                    "not reached: \(invitation.recipient.name) <\(invitation.address)> "
                        + "(\(invitation.method.rawValue) \(invitation.notice.uid) "
                        + "sequence \(invitation.notice.sequence))"
                )
            }
            Terminal.printError(
                "what was sent is in \(notifier.sentLogPath); run again to send the rest")
        }
        if report.failure != nil || !report.refused.isEmpty { throw ExitCode(ExitStatus.undelivered) }
    }

    func line(_ invitation: Invitation, verb: String) -> String {
        "\(verb) \(invitation.method.rawValue) to \(invitation.recipient.name) <\(invitation.address)>: "
            + "\(invitation.notice.uid) sequence \(invitation.notice.sequence): \(invitation.subject)"
    }
}

extension SMTPStartTLS: ExpressibleByArgument {}

extension Convene {
    /// `convene notify RELEASE_DIR`: calendar invitations by email for what a release changed.
    struct Notify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send iMIP invitations (REQUEST, CANCEL) for a release's changes, each once.",
            discussion: """
                Each person a change concerns who has an email and whose notify preference is not 'feed' gets \
                one message per changed event, with the event's UID and SEQUENCE from the ledger, so the \
                invitation updates the event their subscription shows. What went to whom is logged beside the \
                release (RELEASE_DIR.sent.json); running again sends only what is missing.
                """
        )

        @Argument(help: "The release directory (the --out of `convene publish`).")
        var release: String

        @OptionGroup var options: NotifyOptions

        func validate() throws { try options.check() }

        func run() throws { try options.notify(release: release) }
    }
}
