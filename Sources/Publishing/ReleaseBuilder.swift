import Chronology
import Foundation
import ICal
import PlanFile
import Pictures
import Planning
import ReleaseFormat

/// Everything a release holds, computed in memory: relative path → file text. Written to disk
/// by `ReleaseWriter`; the same inputs give the same bytes.
public struct Release: Sendable {
    public var files: [String: String]
    public var ledger: Ledger
    public var changes: [Change]
}

/// Builds a release from a plan, its schedule and the previous ledger.
public struct ReleaseBuilder {
    public let plan: Plan
    public let schedule: ScheduleDocument
    public let previous: Ledger
    /// The publish time, `YYYY-MM-DDTHH:MM:SSZ`; only events that changed take it.
    public let now: String
    /// Where the release will be served, e.g. `https://calendar.example.org`.
    public let baseURL: String
    /// The solved model, for the pictures (timeline, summit grid); none without it.
    public let solved: (model: PlanModel, assignment: [Int])?

    public init(
        plan: Plan, schedule: ScheduleDocument, previous: Ledger?, now: String, baseURL: String,
        solved: (model: PlanModel, assignment: [Int])? = nil
    ) {
        self.solved = solved
        self.plan = plan
        self.schedule = schedule
        self.previous = previous ?? Ledger(calendar: plan.calendar.id.value)
        self.now = now
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    public func build() throws -> Release {
        let descriptions = FeedText(plan: plan)
        // An optional event left out is not published (and is cancelled if it was).
        let current = schedule.events.filter { !$0.isUnplaced }.map { entry in
            descriptions.ledgerEntry(for: entry, calendar: plan.calendar.id.value)
        }
        let (ledger, changes) = previous.updated(with: current, now: now)
        var files: [String: String] = [ReleaseLayout.schedule: schedule.json()]
        var manifest: [ManifestFeed] = []
        var privateManifest: [ManifestFeed] = []
        for feed in FeedCatalog(plan: plan, ledger: ledger).feeds {
            let events = try feed.entries.map { try descriptions.icalEvent(for: $0) }
            let text = try ICalWriter.render(
                ICalFeed(
                    productId: "-//Convene//\(plan.calendar.id.value)//EN", name: feed.title,
                    description: feed.description,
                    refreshMinutes: 360, color: feed.color, url: "\(baseURL)/\(feed.path)", source: nil,
                    organizerName: plan.calendar.organiser?.name ?? plan.calendar.name,
                    organizerEmail: plan.calendar.organiser?.email ?? "noreply@invalid", years: years(feed.entries),
                    events: events))
            let problems = FeedLint.problems(in: text)
            guard problems.isEmpty else {
                throw ICalError("feed \(feed.path) breaks the feed rules: \(problems.joined(separator: "; "))")
            }
            files[feed.path] = text
            let item = ManifestFeed(
                name: feed.name, title: feed.title, file: feed.path, kind: feed.kind.rawValue,
                audience: feed.audience, person: feed.person, etag: "\"\(HexDigest.sha256(text.utf8))\"",
                events: events.count, cancelled: events.filter { $0.status == .cancelled }.count,
                bytes: text.utf8.count)
            if feed.isPrivate { privateManifest.append(item) } else { manifest.append(item) }
        }
        let updated = ledger.entries.map(\.lastChanged).max() ?? now
        files[ReleaseLayout.manifest] = Manifest(
            calendar: plan.calendar.id.value, name: plan.calendar.name, updated: updated,
            feeds: manifest
        ).json()
        files[ReleaseLayout.privateCopy(of: ReleaseLayout.manifest)] = Manifest(
            calendar: plan.calendar.id.value, name: plan.calendar.name, updated: updated, feeds: privateManifest
        ).json()
        let since = previous.entries.map(\.lastChanged).max()
        let names = Dictionary(plan.people.map { ($0.id.value, $0.name) }, uniquingKeysWith: { a, _ in a })
        for readers in [ChangeLog.Readers.everyone, .team] {
            let log = ChangeLog(
                calendar: plan.calendar.id.value, since: since, published: updated, changes: changes, readers: readers)
            // The team's copies, with whom to tell, live under private/.
            func path(_ file: String) -> String { readers == .team ? ReleaseLayout.privateCopy(of: file) : file }
            files[path(ReleaseLayout.changes)] = log.json()
            files[path(ReleaseLayout.changeLog)] = log.markdown(calendarName: plan.calendar.name, people: names)
        }
        files[ReleaseLayout.notices] = try notices(ledger: ledger, changes: changes, published: updated).json()
        var pictures: [String] = []
        if let solved {
            let today = (try? CivilDate.parse(String(now.prefix(10))).get())
            let marks = changes.map { change in
                YearTimeline.Change(
                    id: change.id, kind: change.change.rawValue, title: change.title,
                    before: change.before.map { ($0.start, $0.end) })
            }
            files[ReleaseLayout.timeline] = YearTimeline(
                model: solved.model, assignment: solved.assignment, today: today,
                changes: marks
            ).html()
            pictures.append(ReleaseLayout.timeline)
            if plan.summit != nil && !plan.rooms.isEmpty {
                files[ReleaseLayout.summitGrid] = SummitGrid(model: solved.model, assignment: solved.assignment).html()
                pictures.append(ReleaseLayout.summitGrid)
            }
        }
        if plan.summit != nil {
            // Sessions keep the UIDs the ledger gave them, so their GUIDs never change.
            let uids = Dictionary(ledger.entries.map { ($0.id, $0.uid) }, uniquingKeysWith: { a, _ in a })
            let programme = FrabSchedule(plan: plan, schedule: schedule, uids: uids, links: .release(baseURL))
            files.merge(try programme.files()) { _, frab in frab }
        }
        files[ReleaseLayout.index] = IndexPage(
            calendarName: plan.calendar.name, description: plan.calendar.description,
            baseURL: baseURL, updated: updated, feeds: manifest, changes: changes,
            pictures: pictures
        ).html()
        return Release(files: files, ledger: ledger, changes: changes)
    }

    /// The years a feed's events span, for trimming its VTIMEZONEs.
    func years(_ entries: [Ledger.Entry]) -> ClosedRange<Int> {
        let years = entries.flatMap { [Int($0.start.prefix(4)), Int($0.end.prefix(4))] }.compactMap { $0 }
        let low = years.min() ?? plan.calendar.horizon.value.first.year
        return low...max(low, years.max() ?? low)
    }
}
