import HTTPTypes
import Hummingbird

/// Refuses what a calendar client never sends: methods other than GET and HEAD (405), request
/// bodies (413) and very long URLs (414).
enum RequestGuard {
    static var maxURILength: Int { 2048 }

    /// The refusal a request gets, or nil when it may be answered.
    static func refusal(for request: Request) -> Response? {
        guard request.method == .get || request.method == .head else {
            return Response(
                status: .methodNotAllowed, headers: [.allow: "GET, HEAD", .contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "Only GET and HEAD\n")))
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > 0 {
            return Response(
                status: .contentTooLarge, headers: [.contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "Requests carry no body\n")))
        }
        if request.headers[.transferEncoding] != nil {
            return Response(
                status: .contentTooLarge, headers: [.contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "Requests carry no body\n")))
        }
        guard request.uri.description.utf8.count <= maxURILength else {
            return Response(status: .uriTooLong)
        }
        return nil
    }
}
