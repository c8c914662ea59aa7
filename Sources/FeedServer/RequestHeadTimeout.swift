import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request head — request line and headers — has not arrived in
/// full within `timeout`: counted from the connection's opening, and on a kept-alive
/// connection from the first bytes of its next request (the wait before those bytes is
/// Hummingbird's idle timeout). The clock is not restarted by further bytes, so a client that
/// trickles a header a byte at a time is dropped as surely as one that sends half a request
/// line and goes quiet.
///
/// Sits after the HTTP decoder (one of `HTTP1Channel.Configuration`'s additional handlers):
/// a decoded `.head` means the head is complete, and `channelReadComplete`, which the decoder
/// passes on after every read whether or not it decoded anything, means bytes arrived.
final class RequestHeadTimeout: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let timeout: TimeAmount
    /// Request heads read whose responses have not ended; while any is open the client waits
    /// for us, not we for it.
    private var unanswered = 0
    private var deadline: Scheduled<Void>?

    /// - Parameter timeout: how long a request head may take to arrive.
    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { startClock(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stopClock()
    }

    func channelActive(context: ChannelHandlerContext) {
        startClock(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stopClock()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            unanswered += 1
            stopClock()
        }
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        // Bytes arrived with no request open: they begin the next request's head.
        if unanswered == 0 { startClock(context) }
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { unanswered = max(0, unanswered - 1) }
        context.write(data, promise: promise)
    }

    /// Starts the clock unless it is already running: later bytes of the same head do not
    /// buy more time.
    private func startClock(_ context: ChannelHandlerContext) {
        guard deadline == nil else { return }
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            deadline = nil
            context.close(promise: nil)
        }
    }

    private func stopClock() {
        deadline?.cancel()
        deadline = nil
    }
}

@available(*, unavailable)
extension RequestHeadTimeout: Sendable {}
