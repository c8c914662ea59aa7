import PlanFile
import ReleaseFormat

extension ReleaseBuilder {
    /// `private/notify.json`: each change that raised an event's SEQUENCE (or first published
    /// it), as its feeds now show it, and the people concerned with their addresses and wishes.
    func notices(ledger: Ledger, changes: [Change], published: String) throws -> Notices {
        let descriptions = FeedText(plan: plan)
        let now = Dictionary(ledger.entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let before = Dictionary(previous.entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var notices: [Notices.Notice] = []
        var concerned = Set<String>()
        for change in changes {
            guard let entry = now[change.id], before[change.id]?.sequence != entry.sequence else { continue }
            notices.append(
                try notice(
                    entry, change: change.change.rawValue, cancelled: entry.isCancelled,
                    before: change.before.map {
                        Notices.Placement(start: $0.start, end: $0.end, timezone: $0.timezone, location: $0.location)
                    },
                    people: entry.people, descriptions: descriptions))
            concerned.formUnion(entry.people)
        }
        // People taken off an event that goes ahead: a CANCEL of it for them alone (RFC 5546 §3.2.5).
        for entry in ledger.entries where !entry.isCancelled {
            guard let old = before[entry.id], !old.isCancelled else { continue }
            let removed = Set(old.people).subtracting(entry.people).sorted()
            guard !removed.isEmpty else { continue }
            notices.append(
                try notice(
                    entry, change: "removed", cancelled: true,
                    before: Notices.Placement(
                        start: old.start, end: old.end, timezone: old.timezone, location: old.location),
                    people: removed, descriptions: descriptions))
            concerned.formUnion(removed)
        }
        let people = concerned.sorted().compactMap { id in
            plan.person(id).map {
                Notices.Recipient(
                    id: id, name: $0.name, email: $0.email, zone: $0.zone.value.identifier,
                    notify: plan.notifyPreference(of: id).rawValue)
            }
        }
        return Notices(
            calendar: plan.calendar.id.value, calendarName: plan.calendar.name, published: published,
            organiser: Notices.Contact(
                name: plan.calendar.organiser?.name ?? plan.calendar.name,
                email: plan.calendar.organiser?.email ?? "noreply@invalid"),
            changes: notices, people: people)
    }

    /// One change of `entry` as the feeds now show it, for `people`.
    private func notice(
        _ entry: Ledger.Entry, change: String, cancelled: Bool, before: Notices.Placement?, people: [String],
        descriptions: FeedText
    ) throws -> Notices.Notice {
        let event = try descriptions.icalEvent(for: entry)
        return Notices.Notice(
            id: entry.id, uid: entry.uid, sequence: entry.sequence, change: change, cancelled: cancelled,
            lastChanged: entry.lastChanged, title: entry.title, summary: event.summary,
            description: event.description ?? "", location: entry.location, categories: event.categories,
            allDay: entry.allDay, start: entry.start, end: entry.end, timezone: entry.timezone, before: before,
            people: people)
    }
}
