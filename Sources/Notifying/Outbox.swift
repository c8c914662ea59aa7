import Foundation
import ReleaseFormat

/// A folder of `.eml` files, one per message, for a mail client or a later send: the file is
/// named after the Message-ID and written atomically.
public struct Outbox: Sendable {
    public let folder: String

    public init(folder: String) { self.folder = folder }

    /// The file a message goes to: `<uid>-<sequence>-<person>.eml`, made safe for a file name.
    public func path(for invitation: Invitation) -> String {
        let name = "\(invitation.notice.uid)-\(invitation.notice.sequence)-\(invitation.recipient.id)"
        let safe = String(name.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
        return URL(fileURLWithPath: folder).appendingPathComponent("\(safe).eml").path
    }

    public func write(_ message: MIMEMessage, for invitation: Invitation) throws {
        try NotifyError.wrapping {
            try DurableFile.replace(Data(message.text.utf8), at: path(for: invitation), mode: 0o600)
        }
    }
}
