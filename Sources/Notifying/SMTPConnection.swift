import Foundation
import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
    import Glibc
#endif

/// One connection to an SMTP server over a SwiftNIO channel: connect with a timeout, send
/// bytes, read CRLF lines, and upgrade to TLS (at once for SMTPS, or after STARTTLS). Blocking
/// for its caller, since `convene notify` sends one message after another; every wait has the
/// server's timeout.
final class SMTPConnection {
    let server: SMTPServer
    private let channel: any Channel
    private let inbox: SMTPInbox
    private(set) var isTLS = false

    var endpoint: String { server.endpoint }

    /// Connects to the server, trying each address its name resolves to; with `implicitTLS`,
    /// completes the TLS handshake too.
    ///
    /// - Throws: `SMTPError.unreachable` with the system's reason, `SMTPError.tls` when the
    ///   handshake fails.
    init(server: SMTPServer) throws {
        self.server = server
        let inbox = SMTPInbox()
        self.inbox = inbox
        let tls = try server.implicitTLS ? SMTPTLS.context(for: server) : nil
        let name = SMTPTLS.serverName(server.host)
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(Int64(server.timeoutSeconds)))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: tls, serverHostname: name))
                    }
                    try channel.pipeline.syncOperations.addHandler(SMTPLineHandler(inbox: inbox))
                }
            }
        do {
            channel = try bootstrap.connect(host: server.host, port: server.port).wait()
        } catch {
            throw SMTPError.unreachable(server.endpoint, Self.reason(error, server: server))
        }
        if tls != nil { try finishHandshake() }
    }

    deinit { channel.close(promise: nil) }

    /// After the server's 220 to STARTTLS: puts TLS under the session and waits for the handshake.
    /// Whatever the server sent in the clear after that 220 is dropped unread.
    func startTLS() throws {
        let context = try SMTPTLS.context(for: server)
        let (name, inbox, channel) = (SMTPTLS.serverName(server.host), inbox, channel)
        do {
            try channel.eventLoop.submit {
                inbox.discardUnread()
                let handler = try NIOSSLClientHandler(context: context, serverHostname: name)
                try channel.pipeline.syncOperations.addHandler(
                    handler, position: ChannelPipeline.SynchronousOperations.Position.first)
            }.wait()
        } catch {
            throw SMTPError.tls(endpoint, SMTPTLS.reason(error, server: server))
        }
        try finishHandshake()
    }

    private func finishHandshake() throws {
        switch inbox.handshake(within: server.timeoutSeconds) {
        case nil: isTLS = true
        case .timedOut?:
            channel.close(promise: nil)
            throw SMTPError.tls(endpoint, "no TLS handshake within \(server.timeoutSeconds) s")
        case .closed?: throw SMTPError.tls(endpoint, "the server closed the connection during the TLS handshake")
        case .failed(let error)?: throw SMTPError.tls(endpoint, SMTPTLS.reason(error, server: server))
        }
    }

    func send(_ text: String) throws {
        let (inbox, channel) = (inbox, channel)
        let timeout = channel.eventLoop.scheduleTask(in: .seconds(Int64(server.timeoutSeconds))) {
            inbox.end(.timedOut)
            channel.close(promise: nil)
        }
        defer { timeout.cancel() }
        do {
            try channel.writeAndFlush(ByteBuffer(string: text)).wait()
        } catch {
            throw SMTPError.lost(endpoint, inbox.ended.map(describe) ?? Self.reason(error, server: server))
        }
    }

    /// One line without its CRLF.
    func readLine() throws -> String {
        switch inbox.nextLine(within: server.timeoutSeconds) {
        case .line(let line): return line
        case .tooLong: throw SMTPError.lost(endpoint, "a reply line over 64 KB")
        case .ended(let ending): throw SMTPError.lost(endpoint, describe(ending))
        case .timedOut:
            channel.close(promise: nil)
            throw SMTPError.lost(endpoint, "no reply in time")
        }
    }

    private func describe(_ ending: SMTPInbox.Ending) -> String {
        switch ending {
        case .closed: return "the server closed the connection"
        case .timedOut: return "no reply in time"
        case .failed(let error): return Self.reason(error, server: server)
        }
    }

    /// The system's words for a failed connection, without NIO's wrapping.
    static func reason(_ error: any Error, server: SMTPServer) -> String {
        if let failure = error as? NIOConnectionError {
            if let dns = failure.dnsAError ?? failure.dnsAAAAError {
                return "cannot resolve '\(server.host)' (\(dns))"
            }
            if let last = failure.connectionErrors.last { return reason(last.error, server: server) }
        }
        if case ChannelError.connectTimeout = error { return "no connection within \(server.timeoutSeconds) s" }
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)) }
        if error is NIOSSLError || error is NIOSSLExtraError { return SMTPTLS.reason(error, server: server) }
        return String(describing: error)
    }
}
