import Chronology
import ICal
import ReleaseFormat

/// The words of an invitation: its subject and the plain-text part that says what changed.
extension Invitation {
    /// `Invitation: Roundtable — 13 Jul 2021 10:00–12:00 (UTC+03:00)`, `Updated: …`,
    /// `Cancelled: Roundtable`.
    public var subject: String {
        let when = ReadableDates.placement(start: notice.start, end: notice.end)
        switch (method, notice.change) {
        case (.cancel, "removed"): return "No longer for you: \(notice.title)"
        case (.cancel, _): return "Cancelled: \(notice.title)"
        case (_, "new"): return "Invitation: \(notice.title) — \(when)"
        default: return "Updated: \(notice.title) — \(when)"
        }
    }

    /// What changed, with the old and new times in the event's zone and the person's own.
    public func plainText(calendarName: String, organiser: String) -> String {
        var lines = ["Dear \(recipient.name),", ""]
        let title = "“\(notice.title)”"
        switch (method, notice.change) {
        case (.cancel, "removed"): lines.append("You are no longer taking part in \(title); it goes ahead without you.")
        case (.cancel, _): lines.append("\(title) is cancelled.")
        case (_, "new"): lines.append("You are invited to \(title).")
        case (_, "moved"): lines.append("\(title) has moved.")
        case (_, "restored"): lines.append("\(title) is back in the plan.")
        default: lines.append("\(title) has changed.")
        }
        lines.append("")
        func when(_ start: String, _ end: String, _ zone: String) -> [String] {
            InvitationTimes.lines(
                start: start, end: end, eventZone: zone, personZone: recipient.zone, allDay: notice.allDay
            ).map { "  " + $0 }
        }
        if let before = notice.before {
            lines.append(method == .cancel ? "It was:" : "Before:")
            lines += when(before.start, before.end, before.timezone)
            if let place = before.location, method == .cancel || place != notice.location {
                lines.append("  at \(place)")
            }
        }
        if method == .request {
            lines.append(notice.before == nil ? "When:" : "Now:")
            lines += when(notice.start, notice.end, notice.timezone)
            if let place = notice.location { lines.append("  at \(place)") }
        }
        lines += [
            "",
            method == .cancel
                ? "The attached cancellation removes it from your calendar."
                : "The attached invitation puts it in your calendar; please accept or decline it.",
            "It is the same event your subscription to \(calendarName) shows "
                + "(\(notice.uid), sequence \(notice.sequence)).",
            "", "— \(organiser)",
        ]
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The iMIP calendar (RFC 6047), rendered by libical.
    public func calendar(notices: Notices) throws -> String {
        let event = ICalEvent(
            uid: notice.uid, sequence: notice.sequence,
            lastChanged: (InvitationTimes.utcMinute(notice.lastChanged) ?? 0) * 60,
            start: try Self.time(notice.start, allDay: notice.allDay, zone: notice.timezone),
            end: try Self.time(notice.end, allDay: notice.allDay, zone: notice.timezone),
            summary: notice.summary, description: notice.description, location: notice.location,
            categories: notice.categories, status: method == .cancel ? .cancelled : .confirmed)
        return try ICalWriter.render(
            ICalMessage(
                productId: "-//Convene//\(notices.calendar)//EN", method: method,
                organizerName: notices.organiser.name, organizerEmail: notices.organiser.email,
                attendees: [ICalAttendee(name: recipient.name, email: address.text)], event: event))
    }

    static func time(_ text: String, allDay: Bool, zone: String) throws -> ICalTime {
        if allDay {
            guard case .success(let date) = CivilDate.parse(text) else { throw ICalError("'\(text)' is not a date") }
            return .date(year: date.year, month: date.month, day: date.day)
        }
        guard let stamp = LocalStamp(text) else { throw ICalError("'\(text)' is not a local time with its offset") }
        return .local(
            year: stamp.date.year, month: stamp.date.month, day: stamp.date.day, hour: stamp.time.hour,
            minute: stamp.time.minute, tzid: zone)
    }
}
