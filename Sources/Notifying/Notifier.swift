import Foundation
import ReleaseFormat

/// Where messages go.
public enum Delivery: Sendable {
    case smtp(SMTPServer, credentials: SMTPCredentials?)
    case outbox(String)
    /// Nothing is sent or logged.
    case dryRun
}

/// Sends a release's invitations once each: reads `private/notify.json`, leaves out what the
/// sent-log has, delivers the rest one by one and logs each straight after it is handed over.
public struct Notifier {
    public let release: String
    public let sentLogPath: String
    public let notices: Notices

    /// Reads the release at `release`.
    ///
    /// - Throws: `NotifyError` naming the directory when it is not a Convene release, or one
    ///   published before releases carried `private/notify.json`.
    public init(release: String, sentLog: String? = nil) throws {
        self.release = release
        sentLogPath = sentLog ?? ReleaseLayout.sentLog(forRelease: release)
        let root = URL(fileURLWithPath: release)
        let fm = FileManager.default
        guard fm.fileExists(atPath: root.appendingPathComponent(ReleaseLayout.manifest).path) else {
            throw NotifyError(
                "\(release): error: not a Convene release (no \(ReleaseLayout.manifest)); "
                    + "give the --out directory of `convene publish`")
        }
        guard let data = fm.contents(atPath: root.appendingPathComponent(ReleaseLayout.notices).path) else {
            throw NotifyError(
                "\(release): error: the release has no \(ReleaseLayout.notices) (published by an older Convene); "
                    + "publish it again")
        }
        do {
            notices = try JSONDecoder().decode(Notices.self, from: data)
        } catch {
            throw NotifyError("\(release)/\(ReleaseLayout.notices): error: not readable (\(error))")
        }
    }

    /// What a run did.
    public struct Report: Sendable {
        /// Delivered (or, for a dry run, would be), in order.
        public var delivered: [Invitation] = []
        public var skipped: [Skipped] = []
        /// Refused by the server for this address alone (a 5xx to RCPT TO); not logged.
        public var refused: [(Invitation, String)] = []
        /// Not attempted or not completed because the run stopped on `failure`.
        public var notReached: [Invitation] = []
        public var failure: String?
        public var warnings: [String] = []
    }

    /// Delivers what is due. `progress` hears of each message as it is handed over.
    public func run(
        _ delivery: Delivery, now: () -> Date = { Date() }, progress: (Invitation) -> Void = { _ in }
    ) throws -> Report {
        var log = try SentLog.read(sentLogPath)
        let list = InvitationList(notices: notices, sentLog: log)
        var report = Report()
        report.skipped = list.skipped
        if case .dryRun = delivery {
            report.delivered = list.invitations
            return report
        }
        guard !list.invitations.isEmpty else { return report }
        guard EmailAddress(notices.organiser.email) != nil else {
            throw NotifyError(
                "\(release): error: the calendar's organiser has no usable email ('\(notices.organiser.email)'), "
                    + "which invitations come from and replies go to; set calendar.organiser: {name, email} "
                    + "in the plan and publish again")
        }
        var client: SMTPClient?
        var outbox: Outbox?
        switch delivery {
        case .smtp(let server, let credentials):
            do {
                client = try SMTPClient(server: server, credentials: credentials)
                report.warnings += client?.warnings ?? []
            } catch {
                report.failure = "\(error)"
                report.notReached = list.invitations
                return report
            }
        case .outbox(let folder): outbox = Outbox(folder: folder)
        case .dryRun: break
        }
        defer { client?.quit() }
        for (index, invitation) in list.invitations.enumerated() {
            let date = now()
            let message = try invitation.message(notices: notices, date: date)
            do {
                if let client {
                    try client.send(from: notices.organiser.email, to: invitation.address.text, message: message.text)
                } else if let outbox {
                    try outbox.write(message, for: invitation)
                }
            } catch let error as SMTPError where error.isPermanentForRecipient {
                report.refused.append((invitation, "\(error)"))
                continue
            } catch {
                report.failure = "\(error)"
                report.notReached = Array(list.invitations[index...])
                return report
            }
            log.record(invitation, at: date)
            try log.write(to: sentLogPath)
            report.delivered.append(invitation)
            progress(invitation)
        }
        return report
    }
}
