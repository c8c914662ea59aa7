import HTTPTypes
import Hummingbird

/// Refuses what a calendar client never sends: methods other than GET and HEAD (405), request
/// bodies (413) and very long URLs (414).
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
    static var maxURILength: Int { 2048 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD", .contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "Only GET and HEAD\n")))
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > 0 {
            return Response(status: .contentTooLarge, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "Requests carry no body\n")))
        }
        if request.headers[.transferEncoding] != nil {
            return Response(status: .contentTooLarge, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "Requests carry no body\n")))
        }
        guard request.uri.description.utf8.count <= Self.maxURILength else {
            return Response(status: .uriTooLong)
        }
        return try await next(request, context)
    }
}
