import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One TCP connection to an SMTP server: connect with a timeout, send bytes, read CRLF lines.
/// Blocking, since `convene notify` sends one message after another.
final class SMTPConnection {
    private let fd: Int32
    private var buffer: [UInt8] = []
    let endpoint: String

    /// Connects to `host:port`, trying each address the name resolves to.
    ///
    /// - Throws: `SMTPError.unreachable` with the system's reason.
    init(host: String, port: Int, timeoutSeconds: Int) throws {
        endpoint = "\(host):\(port)"
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw SMTPError.unreachable(endpoint, String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        var reason = "no address"
        var address: UnsafeMutablePointer<addrinfo>? = first
        var connected: Int32 = -1
        while let a = address {
            let s = socket(a.pointee.ai_family, a.pointee.ai_socktype, a.pointee.ai_protocol)
            if s >= 0 {
                var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
                setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                #if !canImport(Glibc)
                    var one: Int32 = 1
                    setsockopt(s, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
                #endif
                if connect(s, a.pointee.ai_addr, a.pointee.ai_addrlen) == 0 {
                    connected = s
                    break
                }
                reason = String(cString: strerror(errno))
                close(s)
            } else {
                reason = String(cString: strerror(errno))
            }
            address = a.pointee.ai_next
        }
        guard connected >= 0 else { throw SMTPError.unreachable(endpoint, reason) }
        fd = connected
    }

    deinit { close(fd) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
                let n = bytes[offset...].withUnsafeBytes {
                    Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                }
            #else
                let n = bytes[offset...].withUnsafeBytes { Darwin.send(fd, $0.baseAddress, $0.count, 0) }
            #endif
            guard n > 0 else { throw SMTPError.lost(endpoint, String(cString: strerror(errno))) }
            offset += n
        }
    }

    /// One line without its CRLF.
    func readLine() throws -> String {
        while true {
            if let end = buffer.firstIndex(of: 10) {
                var line = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                if line.last == 13 { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard buffer.count < 65_536 else { throw SMTPError.lost(endpoint, "a reply line over 64 KB") }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { throw SMTPError.lost(endpoint, "the server closed the connection") }
            if n < 0 {
                let timedOut = errno == EAGAIN || errno == EWOULDBLOCK
                throw SMTPError.lost(endpoint, timedOut ? "no reply in time" : String(cString: strerror(errno)))
            }
            buffer += chunk[0..<n]
        }
    }
}
