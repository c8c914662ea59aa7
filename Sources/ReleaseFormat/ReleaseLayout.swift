import Foundation

/// Where each file of a release lives: the names `ReleaseBuilder` writes and the feed server
/// reads back. Paths are relative to the release directory unless they say otherwise.
///
/// ```
/// index.html  schedule.json  manifest.json  changes.json  CHANGES.md  [timeline.html  summit.html]
/// feeds/NAME.ics                   public feeds
/// frab/schedule.xml, schedule.json the summit's programme for conference apps (docs/frab-export.md)
/// private/person-ID.ics            personal feeds, served only behind a token
/// private/manifest.json, changes.json, CHANGES.md   the events team's copies
/// private/notify.json              what `convene notify` sends (Notices)
/// ```
public enum ReleaseLayout {
    /// The front page: every public feed with its subscribe links.
    public static let index = "index.html"
    /// The schedule the release was built from (docs/schedule-format.md).
    public static let schedule = "schedule.json"
    /// The public feeds with their ETags and counts.
    public static let manifest = "manifest.json"
    /// What changed since the previous release, for programs.
    public static let changes = "changes.json"
    /// What changed since the previous release, for people.
    public static let changeLog = "CHANGES.md"
    /// The year as a timeline, when the release was built with its solved model.
    public static let timeline = "timeline.html"
    /// The summit's day grid, for a plan with a summit and rooms.
    public static let summitGrid = "summit.html"

    /// The top-level files a release may hold; all of them are public.
    public static let topLevelFiles: Set<String> = [
        index, schedule, manifest, changes, changeLog, timeline, summitGrid,
    ]

    /// The folder of public feeds.
    public static let feedsFolder = "feeds"
    /// The folder of the summit's programme in the c3voc schedule formats, for a plan with a summit.
    public static let frabFolder = "frab"
    /// The programme as c3voc `schedule.xml` (Giggity, EventFahrplan and other conference apps).
    public static let frabXML = "\(frabFolder)/schedule.xml"
    /// The programme as c3voc `schedule.json`.
    public static let frabJSON = "\(frabFolder)/schedule.json"
    /// Folders whose files are all public.
    public static let publicFolders: Set<String> = [feedsFolder, frabFolder, "pictures"]
    /// The folder of personal feeds and the team's copies of the manifest and changelog; never
    /// listed, and served only as a personal feed behind its token.
    public static let privateFolder = "private"

    /// A feed's file: `feeds/NAME.ics`, or `private/NAME.ics` for a private one.
    public static func feed(named name: String, isPrivate: Bool) -> String {
        "\(isPrivate ? privateFolder : feedsFolder)/\(name).ics"
    }

    /// The name of a person's feed: `person-ID`.
    public static func personalFeedName(person: String) -> String {
        "person-\(person)"
    }

    /// A person's feed: `private/person-ID.ics`.
    public static func personalFeed(person: String) -> String {
        feed(named: personalFeedName(person: person), isPrivate: true)
    }

    /// The team's copy of a top-level file: `private/FILE`.
    public static func privateCopy(of file: String) -> String {
        "\(privateFolder)/\(file)"
    }

    /// The changes with the people to tell and their addresses, for `convene notify`.
    public static let notices = "\(privateFolder)/notify.json"

    /// Whether a path inside the release lies in the private folder.
    public static func isPrivate(_ path: String) -> Bool {
        path.hasPrefix(privateFolder + "/")
    }

    /// The token store of the release at `releaseDir` (a path on disk): `RELEASE.tokens.sqlite`
    /// beside it, outside every release, so that publishing never replaces it.
    public static func tokenStore(forRelease releaseDir: String) -> String {
        let url = URL(fileURLWithPath: releaseDir).standardizedFileURL
        return url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".tokens.sqlite").path
    }

    /// The sent-log of the release at `releaseDir`: `RELEASE.sent.json` beside it, outside
    /// every release, so that each invitation goes out once across releases.
    public static func sentLog(forRelease releaseDir: String) -> String {
        let url = URL(fileURLWithPath: releaseDir).standardizedFileURL
        return url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".sent.json").path
    }
}
