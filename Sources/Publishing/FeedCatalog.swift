import PlanFile
import ReleaseFormat

/// Which feeds a release has and which events each holds: everything, the external fora, one
/// per audience, and one per person (private, served only behind a token).
struct FeedCatalog {
    enum Kind: String {
        case all, fora, audience, person, track
    }

    struct Feed {
        var kind: Kind
        var name: String
        var title: String
        var description: String
        var color: String
        var audience: String?
        var person: String?
        var entries: [Ledger.Entry]

        /// Personal feeds live under `private/`, which is never listed or served without a token.
        var isPrivate: Bool { kind == .person }
        var path: String { ReleaseLayout.feed(named: name, isPrivate: isPrivate) }
    }

    let feeds: [Feed]

    init(plan: Plan, ledger: Ledger) {
        let calendar = plan.calendar.name
        let entries = ledger.entries.sorted { ($0.startUTC, $0.id) < ($1.startUTC, $1.id) }
        var feeds = [
            Feed(
                kind: .all, name: "all", title: calendar,
                description: "Every event of \(calendar), fixed fora included.",
                color: "teal", entries: entries),
            Feed(
                kind: .fora, name: "fora", title: "\(calendar): fora and holidays",
                description: "The global fora and holidays \(calendar) is planned around.", color: "gray",
                entries: entries.filter(\.fixed)),
        ]
        for audience in plan.audiences.sorted(by: { $0.id.value < $1.id.value }) {
            let id = audience.id.value
            feeds.append(
                Feed(
                    kind: .audience, name: "audience-\(id)", title: "\(calendar): \(audience.name)",
                    description: "The events of \(calendar) for \(audience.name).", color: "royalblue", audience: id,
                    entries: entries.filter { $0.audiences.contains(id) }))
        }
        for track in plan.tracks.sorted(by: { $0.id.value < $1.id.value }) {
            let id = track.id.value
            let members = Set(plan.events.filter { $0.session.track?.value == id }.map(\.id.value))
            feeds.append(
                Feed(
                    kind: .track, name: "track-\(id)", title: "\(calendar): \(track.name)",
                    description: "The sessions of the track \(track.name).",
                    color: track.color.map(Self.cssColor) ?? "purple",
                    // A session gone from the plan stays in its track's feed, cancelled.
                    entries: entries.filter { members.contains($0.id) || $0.track == id }))
        }
        for person in plan.people.sorted(by: { $0.id.value < $1.id.value }) {
            let id = person.id.value
            feeds.append(
                Feed(
                    kind: .person, name: ReleaseLayout.personalFeedName(person: id),
                    title: "\(calendar): \(person.name)",
                    description: "The events of \(calendar) that \(person.name) takes part in.", color: "darkorange",
                    person: id, entries: entries.filter { $0.people.contains(id) }))
        }
        self.feeds = feeds
    }

    /// COLOR takes a CSS colour name (docs/feed-rules.md, section 2); a "#rrggbb" track colour
    /// becomes "purple" for now, not the nearest name.
    static func cssColor(_ color: String) -> String {
        guard color.hasPrefix("#") else { return color }
        return "purple"
    }
}
