import Foundation
import HTTPTypes

/// RFC 9110 §13: whether a GET or HEAD may be answered 304 Not Modified.
enum ConditionalRequest {
    /// If-None-Match decides when present (weak comparison: `W/` prefixes ignored, `*` matches);
    /// otherwise If-Modified-Since, to the second.
    static func notModified(_ headers: HTTPFields, etag: String, lastModified: Date) -> Bool {
        if let inm = headers[.ifNoneMatch] {
            if inm == etag { return true }  // what clients send back, most of the time
            let candidates = inm.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return candidates.contains { $0 == "*" || strip($0) == strip(etag) }
        }
        if let ims = headers[.ifModifiedSince], let since = HTTPDate.parse(ims) {
            return lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
        }
        return false
    }

    private static func strip(_ tag: String) -> String { tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag }
}

/// IMF-fixdate, the HTTP date format: `Sun, 06 Nov 1994 08:49:37 GMT`.
enum HTTPDate {
    private static let formatter: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return f
    }()
    private static let lock = NSLock()

    static func format(_ date: Date) -> String {
        lock.lock()
        defer { lock.unlock() }
        return formatter.string(from: date)
    }

    static func parse(_ text: String) -> Date? {
        lock.lock()
        defer { lock.unlock() }
        return formatter.date(from: text)
    }
}
