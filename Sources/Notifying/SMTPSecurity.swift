/// The session's security rules, apart from the protocol: whether to issue STARTTLS, whether a
/// password may go, and what to warn about.
extension SMTPServer {
    /// Whether to issue STARTTLS, given whether the server's EHLO reply offered it.
    ///
    /// - Throws: `SMTPError.unusable` when STARTTLS is required and not offered.
    func issuesStartTLS(offered: Bool) throws -> Bool {
        switch startTLS {
        case .never: return false
        case .ifOffered: return offered
        case .required:
            guard offered else {
                throw SMTPError.unusable(
                    "the SMTP server \(endpoint) does not offer STARTTLS, and STARTTLS is required (--smtp-starttls "
                        + "required, the default for a server not on this machine): nothing was sent; use --smtp-tls "
                        + "for a server that speaks TLS from the start (SMTPS, port 465), or --smtp-starttls "
                        + "if-offered to send in the clear")
            }
            return true
        }
    }

    /// A password goes only over TLS, or to a server on this machine.
    ///
    /// - Throws: `SMTPError.unusable` for a password in the clear to another machine.
    func checkPassword(overTLS: Bool) throws {
        guard overTLS || isLoopback else {
            throw SMTPError.unusable(
                "refusing to send the SMTP password to \(endpoint) in the clear: use STARTTLS "
                    + "(--smtp-starttls required) or SMTPS (--smtp-tls), a relay on this machine (127.0.0.1), "
                    + "or --outbox")
        }
    }

    /// A warning when messages to another machine go in the clear.
    func clearTextWarning(overTLS: Bool) -> String? {
        overTLS || isLoopback ? nil : "the messages to the SMTP server \(endpoint) go in the clear (no TLS)"
    }
}
