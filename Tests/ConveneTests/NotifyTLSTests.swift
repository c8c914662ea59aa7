import Foundation
import Testing

/// `convene notify --smtp` with TLS against a real server on loopback (aiosmtpd with a
/// self-signed certificate made at start-up): STARTTLS, SMTPS, AUTH over TLS, and the refusals.
@Suite(.serialized) struct NotifyTLSTests {
    let credentials = ["CONVENE_SMTP_USER": "team", "CONVENE_SMTP_PASSWORD": "s3cret-over-tls"]

    init() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: InteropTests.python),
            "no Python with aiosmtpd at \(InteropTests.python): run `make test`, which creates .venv")
    }

    func published() throws -> NotifyWorkspace {
        let w = try NotifyWorkspace()
        #expect(try w.publish(now: "2021-01-15T09:00Z").status == 0)
        return w
    }

    func notReached(_ outcome: ConveneBinary.Outcome) -> Int {
        outcome.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("not reached: ") }.count
    }

    /// The server offers STARTTLS and AUTH only after it (aiosmtpd's rule): the session upgrades,
    /// trusts the certificate through --smtp-ca, authenticates over TLS and sends every message.
    @Test func startTLSIsUsedWhenOfferedAndThePasswordGoesOverIt() throws {
        let w = try published()
        let sink = try SMTPSink(
            folder: w.folder.appendingPathComponent("inbox"), options: ["--auth", "team:s3cret-over-tls"],
            tls: .starttls)
        defer { sink.stop() }
        let outcome = try w.notify(
            ["--smtp", sink.endpoint, "--smtp-ca", sink.certificate.path], environment: credentials)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(sink.messages.count == 4, "\(outcome.stdout)")
        #expect(sink.transports.count == 4 && sink.transports.allSatisfy { $0?.hasPrefix("TLSv1.") == true })
        #expect(try w.sentEntries()?.count == 4)
        #expect(!outcome.stdout.contains("s3cret") && !outcome.stderr.contains("s3cret"))
        let checked = try NotifyWorkspace.checkIMIP([sink.folder.path])
        #expect(checked.ok, "\(checked.text)")
    }

    /// A line the server (or someone in the path) puts in the clear right after the 220 to
    /// STARTTLS is dropped, not read as the reply to the EHLO that follows over TLS (RFC 3207 §5).
    @Test func whatCameInTheClearAfterStartTLSIsDropped() throws {
        let w = try published()
        let sink = try SMTPSink(folder: w.folder.appendingPathComponent("inbox"), options: ["--inject"], tls: .starttls)
        defer { sink.stop() }
        let outcome = try w.notify(["--smtp", sink.endpoint, "--smtp-ca", sink.certificate.path])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(!outcome.stderr.contains("injected"), "\(outcome.stderr)")
        #expect(sink.messages.count == 4)
        #expect(sink.transports.allSatisfy { $0 != nil })
    }

    /// Without --smtp-ca the self-signed certificate is not in the system's trust store: a clear
    /// error before anything is sent, and nothing logged.
    @Test func anUntrustedCertificateIsRefusedAndNothingIsSent() throws {
        let w = try published()
        let sink = try SMTPSink(folder: w.folder.appendingPathComponent("inbox"), tls: .starttls)
        defer { sink.stop() }
        let outcome = try w.notify(["--smtp", sink.endpoint], environment: credentials)
        #expect(outcome.status == 5, "\(outcome.stderr)")
        #expect(
            outcome.stderr.contains(
                "error: no TLS with the SMTP server \(sink.endpoint): its certificate is not trusted"),
            "\(outcome.stderr)")
        #expect(outcome.stderr.contains("--smtp-ca FILE"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("--smtp-starttls never"), "\(outcome.stderr)")
        #expect(notReached(outcome) == 4, "\(outcome.stderr)")
        #expect(sink.messages.isEmpty)
        #expect(try w.sentEntries() == nil)
        #expect(!outcome.stderr.contains("s3cret"))
    }

    /// A trusted certificate for another name is refused too.
    @Test func aCertificateForAnotherNameIsRefused() throws {
        let w = try published()
        let sink = try SMTPSink(
            folder: w.folder.appendingPathComponent("inbox"), tls: .starttls, names: "DNS:mail.example.org")
        defer { sink.stop() }
        let outcome = try w.notify(["--smtp", sink.endpoint, "--smtp-ca", sink.certificate.path])
        #expect(outcome.status == 5, "\(outcome.stderr)")
        #expect(
            outcome.stderr.contains(
                "no TLS with the SMTP server \(sink.endpoint): its certificate is not for '127.0.0.1'"),
            "\(outcome.stderr)")
        #expect(sink.messages.isEmpty)
        #expect(try w.sentEntries() == nil)
    }

    /// `--smtp-starttls required` against a server that does not offer STARTTLS: refused before
    /// any message, nothing logged.
    @Test func requiredStartTLSAgainstAServerWithoutItIsRefused() throws {
        let w = try published()
        let sink = try SMTPSink(folder: w.folder.appendingPathComponent("inbox"))
        defer { sink.stop() }
        let outcome = try w.notify(["--smtp", sink.endpoint, "--smtp-starttls", "required"])
        #expect(outcome.status == 5, "\(outcome.stderr)")
        #expect(
            outcome.stderr.contains("error: the SMTP server \(sink.endpoint) does not offer STARTTLS"),
            "\(outcome.stderr)")
        #expect(notReached(outcome) == 4, "\(outcome.stderr)")
        #expect(sink.messages.isEmpty)
        #expect(try w.sentEntries() == nil)
    }

    /// `--smtp-starttls never` stays in the clear even when STARTTLS is offered.
    @Test func neverStaysInTheClear() throws {
        let w = try published()
        let sink = try SMTPSink(folder: w.folder.appendingPathComponent("inbox"), tls: .starttls)
        defer { sink.stop() }
        let outcome = try w.notify(["--smtp", sink.endpoint, "--smtp-starttls", "never"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(sink.transports == [nil, nil, nil, nil])
    }

    /// SMTPS (`--smtp-tls`): TLS from the first byte, to `localhost` (the certificate's DNS name,
    /// sent as SNI), with AUTH.
    @Test func smtpsSpeaksTLSFromTheFirstByte() throws {
        let w = try published()
        let sink = try SMTPSink(
            folder: w.folder.appendingPathComponent("inbox"), options: ["--auth", "team:s3cret-over-tls"], tls: .smtps)
        defer { sink.stop() }
        let outcome = try w.notify(
            ["--smtp", "localhost:\(sink.port)", "--smtp-tls", "--smtp-ca", sink.certificate.path],
            environment: credentials)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(sink.messages.count == 4)
        #expect(sink.transports.allSatisfy { $0 != nil })
        #expect(!outcome.stdout.contains("s3cret") && !outcome.stderr.contains("s3cret"))
    }

    @Test func theTLSOptionsGoWithSMTP() throws {
        let w = try published()
        let outcome = try w.notify(["--outbox", "out", "--smtp-tls"])
        #expect(outcome.status != 0)
        #expect(
            outcome.stderr.contains("--smtp-starttls, --smtp-tls and --smtp-ca go with --smtp"), "\(outcome.stderr)")
        let both = try w.notify(["--smtp", "127.0.0.1:25", "--smtp-tls", "--smtp-starttls", "required"])
        #expect(both.status != 0 && both.stderr.contains("not both"), "\(both.stderr)")
        let missing = try w.notify(["--smtp", "127.0.0.1:25", "--smtp-ca", "no-such.pem"])
        #expect(missing.status != 0 && missing.stderr.contains("no-such.pem"), "\(missing.stderr)")
    }
}
