import NIOCore
import NIOTLS

/// The last handler of the SMTP channel's pipeline: hands what arrives (bytes, the end of the
/// TLS handshake, an error, the close) to the session's `SMTPInbox`.
final class SMTPLineHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    let inbox: SMTPInbox

    init(inbox: SMTPInbox) { self.inbox = inbox }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        inbox.received(bytes.readBytes(length: bytes.readableBytes) ?? [])
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let tls = event as? TLSUserEvent, case .handshakeCompleted = tls { inbox.startedTLS() }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        inbox.end(.failed(error))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        inbox.end(.closed)
        context.fireChannelInactive()
    }
}
