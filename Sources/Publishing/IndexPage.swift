import ReleaseFormat

/// `index.html`: the release's front page, with webcal:// and https:// subscribe links for
/// every public feed. Personal feeds are never listed.
struct IndexPage {
    var calendarName: String
    var description: String?
    var baseURL: String
    var updated: String
    var feeds: [ManifestFeed]
    var changes: [Change]
    /// Picture pages in the release (timeline.html, summit.html).
    var pictures: [String] = []

    func html() -> String {
        let webcalBase = baseURL.replacingOccurrences(of: "https://", with: "webcal://").replacingOccurrences(
            of: "http://", with: "webcal://")
        var rows = ""
        for feed in feeds {
            rows += """
                      <tr>
                        <td>\(escape(feed.title))</td>
                        <td>\(feed.events)</td>
                        <td><a href="\(escape(webcalBase))/\(escape(feed.file))">Subscribe (Apple, Outlook)</a></td>
                        <td><a href="\(escape(baseURL))/\(escape(feed.file))">\(escape(baseURL))/\(escape(feed.file))</a></td>
                      </tr>

                """
        }
        let changeCount = changes.count
        return """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>\(escape(calendarName)) — calendar feeds</title>
              <style>
                body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
                table { border-collapse: collapse; width: 100%; }
                th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ccc; }
                a { color: #0b57d0; }
              </style>
            </head>
            <body>
              <h1>\(escape(calendarName))</h1>
              <p>\(escape(description ?? "Calendar feeds published by Convene."))</p>
              <p>Updated \(escape(updated)). \(changeCount) change\(changeCount == 1 ? "" : "s") in this release: see <a href="\(ReleaseLayout.changeLog)">\(ReleaseLayout.changeLog)</a>.</p>
              \(pictures.isEmpty ? "" : "<p>See the plan: " + pictures.map { "<a href=\"\($0)\">\($0 == ReleaseLayout.timeline ? "the year as a timeline (changes highlighted)" : "the summit's day grid")</a>" }.joined(separator: " · ") + "</p>")
              <p>Subscribe once: your calendar keeps itself up to date. In Google Calendar, add the https:// address under “From URL”.</p>
              <table>
                <thead><tr><th>Feed</th><th>Events</th><th>webcal://</th><th>https://</th></tr></thead>
                <tbody>
            \(rows)    </tbody>
              </table>
              <p>\([ReleaseLayout.schedule, ReleaseLayout.manifest, ReleaseLayout.changes].map { "<a href=\"\($0)\">\($0)</a>" }.joined(separator: " · "))</p>
            </body>
            </html>

            """
    }

    func escape(_ text: String) -> String { Markup.escape(text) }
}
