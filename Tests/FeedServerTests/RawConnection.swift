import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// A plain TCP connection to a loopback port, for what no HTTP client does: send half a
/// request line and go quiet, trickle a header, or hold a kept-alive connection open.
///
/// Reads never block: they poll the socket and sleep between polls, so a test waiting on a
/// silent server leaves the threads the server's own tasks run on free.
final class RawConnection {
    struct Failure: Error { let what: String }

    /// A response as it came off the wire: the status, the body and the header lines.
    struct Answer: Equatable {
        var status: Int
        var body: String
        var headers: [String] = []

        /// A header's value by its name, in any case.
        func header(_ name: String) -> String? {
            let prefix = name.lowercased() + ":"
            return headers.first { $0.lowercased().hasPrefix(prefix) }?.dropFirst(prefix.count)
                .trimmingCharacters(in: .whitespaces)
        }
    }

    private var fd: Int32
    /// Bytes read but not yet returned as part of an answer.
    private var pending: [UInt8] = []

    /// Connects to `127.0.0.1:port`. The connection is complete once the kernel queues it,
    /// whether or not the server has accepted it yet.
    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(what: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, size) == 0 }
        }
        guard connected, fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) == 0 else {
            let reason = errno
            // Closed here, and marked so: deinit runs after a throw from a class's initialiser
            // too, and a second close could hit a descriptor the server has since been given.
            close()
            throw Failure(what: "connect to port \(port): errno \(reason)")
        }
    }

    deinit { close() }

    /// Closes the connection from our side.
    func close() {
        guard fd >= 0 else { return }
        Glibc.close(fd)
        fd = -1
    }

    /// Sends `text`; false when it could not be sent whole (the server closed the connection).
    @discardableResult
    func write(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) == $0.count }
    }

    /// Waits for the server to close the connection; returns what it sent before closing, or
    /// nil when it is still open after `seconds`.
    func readUntilClosed(within seconds: Double) async -> [UInt8]? {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if !readAvailable() { return pending }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// Waits for a whole response (its head and `Content-Length` bytes of body); nil when none
    /// arrives within `seconds` or the server closes the connection first.
    func readResponse(within seconds: Double) async -> Answer? {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            let open = readAvailable()
            if let answer = takeAnswer() { return answer }
            guard open else { return nil }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// Reads what has arrived into `pending`; false once the server has closed the connection.
    private func readAvailable() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count > 0 { pending += buffer[0..<count]; continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) { return true }
            return false  // 0: end of stream; otherwise an error such as ECONNRESET
        }
    }

    /// The first whole response in `pending`, removed from it.
    private func takeAnswer() -> Answer? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = pending.indices.first(where: { pending[$0...].starts(with: separator) }) else { return nil }
        let head = String(decoding: pending[..<end], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let name = "content-length:"
        let field = lines.dropFirst().first { $0.lowercased().hasPrefix(name) }
        let length = field.flatMap { Int($0.dropFirst(name.count).trimmingCharacters(in: .whitespaces)) } ?? 0
        let bodyStart = end + separator.count
        guard pending.count >= bodyStart + length,
            let status = lines.first?.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        let body = String(decoding: pending[bodyStart..<(bodyStart + length)], as: UTF8.self)
        pending.removeFirst(bodyStart + length)
        return Answer(status: status, body: body, headers: Array(lines.dropFirst()))
    }
}
