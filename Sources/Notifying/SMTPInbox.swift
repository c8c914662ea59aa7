import Foundation

/// What the channel's event loop hands to the session's thread: the bytes received, whether
/// the TLS handshake is done, and how the connection ended. The session waits on it with a
/// deadline, since `convene notify` sends one message after another.
final class SMTPInbox: @unchecked Sendable {
    /// Why the connection is over.
    enum Ending {
        case closed
        case timedOut
        case failed(any Error)
    }

    /// What a wait for a line found.
    enum Next {
        case line(String)
        case tooLong
        case ended(Ending)
        case timedOut
    }

    static let longestLine = 65_536

    private let condition = NSCondition()
    private var buffer: [UInt8] = []
    private var ending: Ending?
    private var tlsStarted = false

    // On the event loop.

    func received(_ bytes: [UInt8]) {
        update { $0.buffer += bytes }
    }

    /// The first ending counts: a TLS error before the close that follows it.
    func end(_ why: Ending) {
        update { inbox in if inbox.ending == nil { inbox.ending = why } }
    }

    func startedTLS() {
        update { $0.tlsStarted = true }
    }

    /// RFC 3207 §4.2: nothing the server sent in the clear before the handshake may be read after it.
    func discardUnread() {
        update { $0.buffer.removeAll() }
    }

    // On the session's thread.

    /// One line without its CRLF, waiting at most `seconds`.
    func nextLine(within seconds: Int) -> Next {
        wait(within: seconds) { inbox in
            if let end = inbox.buffer.firstIndex(of: 10) {
                var line = Array(inbox.buffer[..<end])
                inbox.buffer.removeSubrange(...end)
                if line.last == 13 { line.removeLast() }
                return .line(String(decoding: line, as: UTF8.self))
            }
            if inbox.buffer.count >= Self.longestLine { return .tooLong }
            return inbox.ending.map { .ended($0) }
        } ?? .timedOut
    }

    /// Nil once the TLS handshake is done, else how the connection ended (`.timedOut` after `seconds`).
    func handshake(within seconds: Int) -> Ending? {
        let done = wait(within: seconds) { inbox in inbox.tlsStarted ? true : (inbox.ending == nil ? nil : false) }
        switch done {
        case true?: return nil
        case false?: return ended
        case nil: return .timedOut
        }
    }

    /// The ending, if the connection is over.
    var ended: Ending? {
        condition.lock()
        defer { condition.unlock() }
        return ending
    }

    private func update(_ change: (SMTPInbox) -> Void) {
        condition.lock()
        change(self)
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until `ready` gives an answer, or nil after `seconds`.
    private func wait<T>(within seconds: Int, _ ready: (SMTPInbox) -> T?) -> T? {
        let deadline = Date(timeIntervalSinceNow: TimeInterval(seconds))
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let answer = ready(self) { return answer }
            if !condition.wait(until: deadline) { return ready(self) }
        }
    }
}
