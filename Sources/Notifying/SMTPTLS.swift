import NIOCore
import NIOSSL

/// TLS for an SMTP session: the client context (the system's trust store, plus the CAs of
/// `--smtp-ca`; the certificate's chain and name always checked), the name to verify, and what
/// a failed handshake means in words.
enum SMTPTLS {
    static func context(for server: SMTPServer) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .fullVerification
        if let path = server.certificateAuthorities {
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(path)
            } catch {
                throw SMTPError.unusable("\(path): not a PEM file of CA certificates (\(error)); nothing was sent")
            }
            guard !certificates.isEmpty else {
                throw SMTPError.unusable("\(path): no PEM certificate in it; nothing was sent")
            }
            configuration.additionalTrustRoots = [.certificates(certificates)]
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw SMTPError.tls(server.endpoint, "cannot set up TLS (\(error))")
        }
    }

    /// The name the certificate must carry, sent as SNI: nil for an IP address, whose
    /// certificate must then carry that address (checked against the connection's peer).
    static func serverName(_ host: String) -> String? {
        (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }

    /// Why the handshake failed, for the person running `notify`.
    static func reason(_ error: any Error, server: SMTPServer) -> String {
        let text = String(describing: error)
        if text.contains("CERTIFICATE_VERIFY_FAILED") {
            return "its certificate is not trusted (not signed by a CA of the system's trust store"
                + (server.certificateAuthorities.map { " or of \($0)" } ?? "")
                + ", or expired); for a private CA or a test server give its CA with --smtp-ca FILE"
                + (server.isLoopback ? ", or send to this machine in the clear with --smtp-starttls never" : "")
        }
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return "its certificate is not for '\(server.host)' (\(extra))"
        }
        if let ssl = error as? NIOSSLError, case .handshakeFailed = ssl {
            return "the TLS handshake failed (\(text))"
        }
        return text
    }
}
