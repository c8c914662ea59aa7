import Chronology
import ICal
import PlanFile
import Planning
import ReleaseFormat

/// The words and values of each published event: its ledger entry from the schedule, and its
/// VEVENT from the ledger entry.
struct FeedText {
    let plan: Plan

    init(plan: Plan) {
        self.plan = plan
    }

    /// UIDs come from the calendar's and the event's ids, which never change.
    static func uid(_ id: String, calendar: String) -> String { "\(id)@\(calendar).convene" }

    func ledgerEntry(for entry: ScheduleDocument.Entry, calendar: String) -> Ledger.Entry {
        let venue = plan.event(entry.id)?.venue ?? plan.fixedEvent(entry.id)?.venue
        let audienceIds = plan.event(entry.id)?.audiences.map(\.value) ?? []
        var personIds = Set(plan.event(entry.id)?.people.map(\.value) ?? [])
        for id in audienceIds { personIds.formUnion(plan.audience(id)?.members.map(\.value) ?? []) }
        let description = self.description(of: entry)
        let url = plan.fixedEvent(entry.id)?.url
        var ledgerEntry = Ledger.Entry(
            id: entry.id, uid: Self.uid(entry.id, calendar: calendar), sequence: 0, lastChanged: "", status: .confirmed,
            fixed: entry.fixed, title: entry.title, kind: entry.kind, allDay: entry.allDay, start: entry.start,
            end: entry.end,
            timezone: entry.timezone, startUTC: entry.startUTC, endUTC: entry.endUTC,
            location: entry.room.flatMap(roomName) ?? venue.flatMap(location),
            audiences: audienceIds.sorted(), people: personIds.sorted(),
            contentDigest: String(
                HexDigest.sha256("\(entry.title)\n\(entry.kind)\n\(description)\n\(url ?? "")".utf8).prefix(16)))
        ledgerEntry.track = entry.track
        return ledgerEntry
    }

    /// A session's room or channel, as subscribers read it.
    func roomName(_ id: String) -> String? {
        plan.roomIndex(id).map { plan.rooms[$0] }.map {
            "\($0.name) (\($0.isVirtual ? "online channel" : "hybrid room"))"
        }
    }

    /// A place's name and address, or the virtual link.
    func location(_ venue: Venue) -> String? {
        if let id = venue.place?.value, let place = plan.place(id) {
            return [place.name, place.address].compactMap { $0 }.joined(separator: ", ")
        }
        if venue.isVirtual { return venue.link.map { "Online: \($0)" } ?? "Online" }
        return nil
    }

    /// The useful facts: when it is in its home zone, its window, who takes part.
    func description(of entry: ScheduleDocument.Entry) -> String {
        var lines: [String] = []
        if let event = plan.event(entry.id) {
            if let text = event.description { lines.append(text) }
            lines.append("When: \(localWhen(entry))")
            lines.append("Window: \(event.window.value)")
            let names = event.participants.compactMap { plan.person($0.value)?.name }
            if !names.isEmpty { lines.append("Who: \(names.joined(separator: ", "))") }
            let groups = event.audiences.compactMap { plan.audience($0.value)?.name }
            if !groups.isEmpty { lines.append("For: \(groups.joined(separator: ", "))") }
        } else if let forum = plan.fixedEvent(entry.id) {
            if let text = forum.description { lines.append(text) }
            lines.append("When: \(localWhen(entry))")
            if let format = forum.format { lines.append("Format: \(format)") }
            lines.append("A fixed date outside the plan.")
        }
        return lines.joined(separator: "\n")
    }

    /// "2021-07-13 10:00–12:00 Asia/Seoul (UTC+09:00)" or "2021-12-15 to 2021-12-17 (Asia/Seoul)".
    func localWhen(_ entry: ScheduleDocument.Entry) -> String {
        if entry.allDay {
            let last = (try? CivilDate.parse(entry.end).get())?.adding(days: -1).description ?? entry.end
            return last == entry.start
                ? "\(entry.start) (\(entry.timezone))" : "\(entry.start) to \(last) (\(entry.timezone))"
        }
        guard let from = LocalStamp(entry.start), let to = LocalStamp(entry.end) else {
            return "\(entry.start) – \(entry.end) (\(entry.timezone))"
        }
        let endDay = to.date == from.date ? "" : "\(to.date) "
        return "\(from.date) \(from.time)–\(endDay)\(to.time) \(entry.timezone) (UTC\(from.offset))"
    }

    func icalEvent(for entry: Ledger.Entry) throws -> ICalEvent {
        guard let changed = Timestamp.parseRFC3339(entry.lastChanged) else {
            throw ICalError("bad lastChanged in the ledger for \(entry.id)")
        }
        let scheduleEntry = ScheduleDocument.Entry(
            id: entry.id, title: entry.title, kind: entry.kind, allDay: entry.allDay,
            start: entry.start, end: entry.end, timezone: entry.timezone, room: nil,
            fixed: entry.fixed, startUTC: entry.startUTC, endUTC: entry.endUTC)
        var description = description(of: scheduleEntry)
        if entry.isCancelled { description = "Cancelled: this event is no longer in the plan.\n" + description }
        return ICalEvent(
            uid: entry.uid, sequence: entry.sequence, lastChanged: changed * 60,
            start: try time(entry.start, allDay: entry.allDay, zone: entry.timezone),
            end: try time(entry.end, allDay: entry.allDay, zone: entry.timezone),
            summary: entry.isCancelled ? "Cancelled: \(entry.title)" : entry.title,
            description: description, location: entry.location, categories: [entry.kind.uppercased()],
            status: entry.isCancelled ? .cancelled : .confirmed, url: plan.fixedEvent(entry.id)?.url)
    }

    /// A schedule time as an iCalendar one: a date, or the local wall clock in the home zone.
    func time(_ text: String, allDay: Bool, zone: String) throws -> ICalTime {
        if allDay {
            let date = try CivilDate.parse(text).get()
            return .date(year: date.year, month: date.month, day: date.day)
        }
        guard let stamp = LocalStamp(text) else { throw ICalError("'\(text)' is not a local time with its offset") }
        return .local(
            year: stamp.date.year, month: stamp.date.month, day: stamp.date.day, hour: stamp.time.hour,
            minute: stamp.time.minute, tzid: zone)
    }
}
