/// `changes.json` and `CHANGES.md`: what changed since the last release, and for whom.
struct ChangeLog: Codable {
    var calendar: String
    /// The previous release's latest change; nil for a first release.
    var since: String?
    var published: String
    var changes: [Change]

    func json() -> String { StableJSON.text(self) }

    func markdown(calendarName: String, people: [String: String]) -> String {
        var out = "# Changes to \(calendarName)\n\n"
        out += since.map { "Since the release of \($0); published \(published).\n\n" } ?? "First release, published \(published).\n\n"
        if changes.isEmpty { return out + "Nothing changed.\n" }
        let groups: [(Change.Kind, String)] = [(.new, "New"), (.moved, "Moved"), (.changed, "Changed"), (.cancelled, "Cancelled"), (.restored, "Back in the plan")]
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
                let names = change.people.map { people[$0] ?? $0 }
                if !change.audiences.isEmpty { out += "  - audiences: \(change.audiences.joined(separator: ", "))\n" }
                if !names.isEmpty { out += "  - people to tell: \(names.joined(separator: ", "))\n" }
            }
            out += "\n"
        }
        return out
    }

    func when(_ p: Change.Placement) -> String {
        "\(p.start) – \(p.end) (\(p.timezone))" + (p.location.map { ", \($0)" } ?? "")
    }
}
