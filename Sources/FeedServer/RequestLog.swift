import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One structured log line per request: method, path (personal tokens redacted), status,
/// bytes and duration.
struct RequestLog<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            log(request, status: 500, bytes: 0, start: start)
            throw error
        }
        let bytes = request.method == .head ? 0 : (response.body.contentLength ?? 0)
        log(request, status: Int(response.status.code), bytes: bytes, start: start)
        return response
    }

    private func log(_ request: Request, status: Int, bytes: Int, start: UInt64) {
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        logger.info("request", metadata: [
            "method": "\(request.method.rawValue)",
            "path": "\(Self.redacted(request.uri.path))",
            "status": "\(status)",
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
