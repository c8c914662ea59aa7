import Chronology
import ReleaseFormat

/// `changes.json` and `CHANGES.md`: what changed since the last release, and for whom.
///
/// A release writes two of each. The public ones, at the release's root, name the audiences a
/// change concerns and no one person: anyone can read them, and each person's schedule is as
/// private as their personal feed. The events team's working copies, under `private/` beside
/// the personal feeds, also list the people to tell.
struct ChangeLog: Encodable {
    /// Who reads the log.
    enum Readers {
        /// Anyone: audiences only.
        case everyone
        /// The events team: audiences and the people to tell.
        case team
    }

    var calendar: String
    /// The previous release's latest change; nil for a first release.
    var since: String?
    var published: String
    var changes: [Change]
    var readers: Readers

    func json() -> String { StableJSON.text(self) }

    enum CodingKeys: String, CodingKey { case calendar, since, published, changes }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(calendar, forKey: .calendar)
        try c.encodeIfPresent(since, forKey: .since)
        try c.encode(published, forKey: .published)
        switch readers {
        case .team: try c.encode(changes, forKey: .changes)
        case .everyone: try c.encode(changes.map(PublicChange.init), forKey: .changes)
        }
    }

    /// A change without the people it concerns.
    struct PublicChange: Encodable {
        var id: String
        var title: String
        var change: Change.Kind
        var before: Change.Placement?
        var after: Change.Placement?
        var audiences: [String]

        init(_ change: Change) {
            id = change.id
            title = change.title
            self.change = change.change
            before = change.before
            after = change.after
            audiences = change.audiences
        }
    }

    func markdown(calendarName: String, people: [String: String]) -> String {
        var out = "# Changes to \(calendarName)\n\n"
        if readers == .team { out += "The events team's copy: it names the people to tell. Do not publish it.\n\n" }
        out +=
            since.map { "Since the release of \($0); published \(published).\n\n" }
            ?? "First release, published \(published).\n\n"
        if changes.isEmpty { return out + "Nothing changed.\n" }
        let groups: [(Change.Kind, String)] = [
            (.new, "New"), (.moved, "Moved"), (.changed, "Changed"), (.cancelled, "Cancelled"),
            (.restored, "Back in the plan"),
        ]
        for (kind, heading) in groups {
            let items = changes.filter { $0.change == kind }
            guard !items.isEmpty else { continue }
            out += "## \(heading)\n\n"
            for change in items {
                out += "- **\(change.title)** (`\(change.id)`)"
                switch (change.before, change.after) {
                case (let b?, let a?) where b.start != a.start || b.end != a.end: out += ": \(when(b)) → \(when(a))"
                case (_, let a?): out += ": \(when(a))"
                case (let b?, nil): out += ": was \(when(b))"
                default: break
                }
                out += "\n"
                if !change.audiences.isEmpty { out += "  - audiences: \(change.audiences.joined(separator: ", "))\n" }
                let names = change.people.map { people[$0] ?? $0 }
                if readers == .team && !names.isEmpty {
                    out += "  - people to tell: \(names.joined(separator: ", "))\n"
                }
            }
            out += "\n"
        }
        return out
    }

    /// `15–17 Dec 2021 (Asia/Seoul), Seoul`: the last day of an all-day event, not its end.
    func when(_ p: Change.Placement) -> String {
        "\(ReadableDates.placement(start: p.start, end: p.end)) (\(p.timezone))" + (p.location.map { ", \($0)" } ?? "")
    }
}
