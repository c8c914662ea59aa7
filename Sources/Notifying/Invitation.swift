import ICal
import ReleaseFormat

/// One message to one person about one event: what `convene notify` sends.
public struct Invitation: Sendable, Equatable {
    public var method: ICalMethod
    public var notice: Notices.Notice
    public var recipient: Notices.Recipient
    public var address: EmailAddress

    /// `<hex@calendar.convene>`, the same for the same event, SEQUENCE and recipient, so a resent
    /// message is recognisable as a duplicate.
    public var messageId: String {
        let digest = HexDigest.sha256("\(notice.uid)\n\(notice.sequence)\n\(method.rawValue)\n\(address.key)".utf8)
        return "<\(digest.prefix(32))@\(notice.uid.split(separator: "@").last ?? "convene")>"
    }
}

/// Someone a change concerns who gets no message, and why.
public struct Skipped: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case noAddress
        case invalidAddress(String)
        /// Their `notify` preference is `feed`.
        case feedOnly
        /// The sent-log already has this SEQUENCE (or a later one) for them.
        case alreadySent
    }

    public var person: Notices.Recipient
    public var notice: Notices.Notice
    public var reason: Reason

    public var text: String {
        let who = "\(person.name) (\(person.id))"
        switch reason {
        case .noAddress: return "\(who): no email address in the plan"
        case .invalidAddress(let text): return "\(who): '\(text)' is not an email address"
        case .feedOnly: return "\(who): notify is 'feed', so the personal feed tells them"
        case .alreadySent: return "\(who): already sent \(notice.uid) sequence \(notice.sequence)"
        }
    }
}

/// Who gets what for a release: one invitation per person with an address who wants
/// invitations, per changed event, less what the sent-log says went out already.
public struct InvitationList: Sendable {
    public var invitations: [Invitation] = []
    public var skipped: [Skipped] = []

    public init(notices: Notices, sentLog: SentLog) {
        let people = Dictionary(notices.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for notice in notices.changes {
            for id in notice.people {
                guard let person = people[id] else { continue }
                func skip(_ reason: Skipped.Reason) {
                    skipped.append(Skipped(person: person, notice: notice, reason: reason))
                }
                guard person.notify != "feed" else {
                    skip(.feedOnly)
                    continue
                }
                guard let written = person.email, !written.isEmpty else {
                    skip(.noAddress)
                    continue
                }
                guard let address = EmailAddress(written) else {
                    skip(.invalidAddress(written))
                    continue
                }
                let method: ICalMethod = notice.cancelled ? .cancel : .request
                if sentLog.hasSent(uid: notice.uid, sequence: notice.sequence, method: method.rawValue, to: address) {
                    skip(.alreadySent)
                    continue
                }
                invitations.append(Invitation(method: method, notice: notice, recipient: person, address: address))
            }
        }
    }

    /// The people who cannot get a message at all (no or a bad address), once each.
    public var unreachable: [Skipped] {
        var seen = Set<String>()
        return skipped.filter {
            switch $0.reason {
            case .noAddress, .invalidAddress: return seen.insert($0.person.id).inserted
            default: return false
            }
        }
    }
}
