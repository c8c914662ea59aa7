import Foundation

/// A release directory laid out as `convene publish` writes it — `release` a link to
/// `.release.releases/r-…` — with a secret file outside it and a link that tries to escape.
struct ReleaseFixture {
    let folder: URL
    var release: String { folder.appendingPathComponent("release").path }

    static let feed =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nMETHOD:PUBLISH\r\n"
        + String(repeating: "X-FILL:padding so that gzip applies\r\n", count: 40) + "END:VCALENDAR\r\n"

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("convene-serve-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        try write("SECRET outside the release\n", "secret.txt")
        try makeRelease("r-one", feed: Self.feed)
        try fm.createSymbolicLink(atPath: release, withDestinationPath: ".release.releases/r-one")
    }

    func write(_ text: String, _ relative: String) throws {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func makeRelease(_ name: String, feed: String) throws {
        let base = ".release.releases/\(name)"
        try write("<!doctype html><title>Feeds</title><a href=\"feeds/all.ics\">all</a>\n", "\(base)/index.html")
        try write("{\"feeds\": []}\n", "\(base)/manifest.json")
        try write("{\"events\": []}\n", "\(base)/schedule.json")
        try write(feed, "\(base)/feeds/all.ics")
        try write("BEGIN:VCALENDAR\r\nX-WHO:ana\r\nEND:VCALENDAR\r\n", "\(base)/private/person-ana.ics")
        try write("- people to tell: Ana\n", "\(base)/private/CHANGES.md")
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("\(base)/feeds/escape.ics").path,
            withDestinationPath: folder.appendingPathComponent("secret.txt").path)
    }

    /// Switches `release` to another release in one rename, as `convene publish` does.
    func switchTo(_ name: String) throws {
        let link = folder.appendingPathComponent(".release.link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: ".release.releases/\(name)")
        guard rename(link, release) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}
