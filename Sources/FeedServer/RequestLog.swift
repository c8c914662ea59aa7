import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One structured log line per request: method, path (personal tokens redacted), status,
/// bytes and duration.
struct RequestLog: Sendable {
    let logger: Logger

    /// Whether request lines are written at the logger's level (`--quiet` turns them off, and
    /// then the server does not even read the clock for them).
    var isRecording: Bool { logger.logLevel <= .info }

    func record(_ request: Request, response: Response, start: UInt64) {
        guard isRecording else { return }
        let bytes = request.method == .head ? 0 : (response.body.contentLength ?? 0)
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)",
                "path": "\(Self.redacted(request.uri.path))",
                "status": "\(response.status.code)",
                "bytes": "\(bytes)",
                "ms": "\(String(format: "%.2f", milliseconds))",
            ])
    }

    /// `/feeds/p/<token>.ics` as `/feeds/p/[token].ics`: tokens never reach a log.
    static func redacted(_ path: String) -> String {
        guard path.hasPrefix("/feeds/p/") else { return path.count > 200 ? String(path.prefix(200)) + "…" : path }
        return "/feeds/p/[token]" + (path.hasSuffix(".ics") ? ".ics" : "")
    }
}
