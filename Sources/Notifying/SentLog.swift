import Foundation
import ReleaseFormat

/// What went to whom: `RELEASE.sent.json` beside the release (`ReleaseLayout.sentLog`), one
/// entry per message delivered (to the SMTP server or the outbox), written after each one so a
/// run stopped half-way resumes where it stopped and nothing is sent twice.
public struct SentLog: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var uid: String
        public var sequence: Int
        public var method: String
        /// The address it went to.
        public var to: String
        public var person: String
        public var messageId: String
        /// When it was handed over, `YYYY-MM-DDTHH:MM:SSZ`.
        public var sent: String
    }

    public var sent: [Entry] = []

    public init() {}

    /// Whether `to` has had this SEQUENCE of `uid`, or a later one.
    /// Whether this news, or later news of the event, went to `address`: a later SEQUENCE, or
    /// the same one with the same METHOD (a person taken off an event gets its CANCEL at the
    /// SEQUENCE their REQUEST had).
    public func hasSent(uid: String, sequence: Int, method: String, to address: EmailAddress) -> Bool {
        sent.contains {
            $0.uid == uid && $0.to.lowercased() == address.key
                && ($0.sequence > sequence || ($0.sequence == sequence && $0.method == method))
        }
    }

    public mutating func record(_ invitation: Invitation, at date: Date) {
        sent.append(
            Entry(
                uid: invitation.notice.uid, sequence: invitation.notice.sequence, method: invitation.method.rawValue,
                to: invitation.address.text, person: invitation.recipient.id, messageId: invitation.messageId,
                sent: ISO8601DateFormatter().string(from: date)))
    }

    public func json() -> String {
        var sorted = self
        sorted.sent.sort { ($0.uid, $0.sequence, $0.to) < ($1.uid, $1.sequence, $1.to) }
        return StableJSON.text(sorted)
    }

    /// The log at `path`; an empty one when there is none yet.
    ///
    /// - Throws: `NotifyError` when the file is there but not a sent-log.
    public static func read(_ path: String) throws -> SentLog {
        guard let data = FileManager.default.contents(atPath: path) else { return SentLog() }
        do {
            return try JSONDecoder().decode(SentLog.self, from: data)
        } catch {
            throw NotifyError("\(path): error: not a sent-log (\(error)); restore it, or move it away to send again")
        }
    }

    /// Writes the log atomically: a temporary file beside it, flushed, renamed over it.
    public func write(to path: String) throws {
        try NotifyError.wrapping { try DurableFile.replace(Data(json().utf8), at: path, mode: 0o600) }
    }
}

/// A problem `convene notify` reports and stops on.
public struct NotifyError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }

    /// Runs `work` (a durable write), its failure as a `NotifyError`: what `convene notify` reports.
    static func wrapping(_ work: () throws -> Void) throws {
        do { try work() } catch { throw NotifyError("\(error)") }
    }
}
