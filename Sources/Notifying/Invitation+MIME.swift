import Foundation
import ReleaseFormat

extension Invitation {
    /// The iMIP message (RFC 6047): the text part saying what changed, then the calendar.
    public func message(notices: Notices, date: Date) throws -> MIMEMessage {
        let calendar = try calendar(notices: notices)
        let boundary = "=_convene_" + String(HexDigest.sha256(messageId.utf8).prefix(24))
        return MIMEMessage(
            headers: [
                ("Date", MIMEMessage.date(date)),
                ("Message-ID", messageId),
                ("From", MIMEMessage.mailbox(name: notices.organiser.name, address: notices.organiser.email)),
                ("To", MIMEMessage.mailbox(name: recipient.name, address: address.text)),
                ("Subject", MIMEMessage.headerText(subject)),
                ("X-Convene-UID", notice.uid),
                ("X-Convene-Sequence", "\(notice.sequence)"),
            ],
            parts: [
                .init(
                    contentType: "text/plain; charset=UTF-8", encoding: .quotedPrintable,
                    body: plainText(calendarName: notices.calendarName, organiser: notices.organiser.name)),
                .init(
                    contentType: "text/calendar; method=\(method.rawValue); charset=UTF-8", encoding: .base64,
                    body: calendar),
            ],
            boundary: boundary)
    }
}
