import Testing

@testable import Notifying

/// The session's security rules, apart from any server: when STARTTLS is used, when a password
/// may go, what is warned about.
@Suite struct SMTPSecurityTests {
    @Test func startTLSIsRequiredUnlessTheServerIsOnThisMachine() {
        #expect(SMTPServer(host: "mail.example.org", port: 587).startTLS == .required)
        #expect(SMTPServer(host: "192.0.2.1", port: 25).startTLS == .required)
        for host in ["127.0.0.1", "127.8.0.1", "::1", "localhost", "LOCALHOST"] {
            #expect(SMTPServer(host: host, port: 25).startTLS == .ifOffered, "\(host)")
        }
        #expect(SMTPServer(host: "127.0.0.1", port: 25, startTLS: .required).startTLS == .required)
        #expect(!SMTPServer.isLoopback("127.0.0.1.example.org"))
        #expect(!SMTPServer.isLoopback("128.0.0.1"))
    }

    @Test func aServerThatDoesNotOfferRequiredStartTLSIsRefused() throws {
        let remote = SMTPServer(host: "mail.example.org", port: 587)
        #expect(try remote.issuesStartTLS(offered: true))
        #expect {
            try remote.issuesStartTLS(offered: false)
        } throws: { error in
            "\(error)".contains("mail.example.org:587 does not offer STARTTLS")
                && "\(error)".contains("nothing was sent")
        }
        let local = SMTPServer(host: "127.0.0.1", port: 25)
        #expect(try local.issuesStartTLS(offered: true))
        #expect(try !local.issuesStartTLS(offered: false))
        let never = SMTPServer(host: "mail.example.org", port: 25, startTLS: .never)
        #expect(try !never.issuesStartTLS(offered: true))
    }

    @Test func aPasswordGoesOnlyOverTLSOrToThisMachine() throws {
        let remote = SMTPServer(host: "mail.example.org", port: 587, startTLS: .never)
        #expect(throws: SMTPError.self) { try remote.checkPassword(overTLS: false) }
        try remote.checkPassword(overTLS: true)
        try SMTPServer(host: "::1", port: 25).checkPassword(overTLS: false)
        #expect(remote.clearTextWarning(overTLS: false)?.contains("in the clear") == true)
        #expect(remote.clearTextWarning(overTLS: true) == nil)
        #expect(SMTPServer(host: "127.0.0.1", port: 25).clearTextWarning(overTLS: false) == nil)
    }

    @Test func anIPAddressIsCheckedAgainstTheCertificateWithoutSNI() {
        #expect(SMTPTLS.serverName("127.0.0.1") == nil)
        #expect(SMTPTLS.serverName("::1") == nil)
        #expect(SMTPTLS.serverName("mail.example.org") == "mail.example.org")
        #expect(SMTPServer(host: "::1", port: 25).endpoint == "[::1]:25")
    }
}
