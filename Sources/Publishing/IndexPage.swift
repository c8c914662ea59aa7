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
            let https = "\(escape(baseURL))/\(escape(feed.file))"
            rows += """
                      <tr>
                        <td>\(escape(feed.title))</td>
                        <td>\(feed.events)</td>
                        <td><a href="\(escape(webcalBase))/\(escape(feed.file))">Subscribe (Apple, Outlook)</a></td>
                        <td><a href="\(https)">\(https)</a></td>
                      </tr>

                """
        }
        let changeCount = changes.count
        let changesWord = changeCount == 1 ? "change" : "changes"
        let bodyStyle =
            "font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a;"
        let changeLogLink = "<a href=\"\(ReleaseLayout.changeLog)\">\(ReleaseLayout.changeLog)</a>"
        let pictureLinks = pictures.map { picture in
            let what =
                picture == ReleaseLayout.timeline
                ? "the year as a timeline (changes highlighted)" : "the summit's day grid"
            return "<a href=\"\(picture)\">\(what)</a>"
        }
        let picturesLine =
            pictures.isEmpty ? "" : "<p>See the plan: " + pictureLinks.joined(separator: " · ") + "</p>"
        let subscribeHint =
            "Subscribe once: your calendar keeps itself up to date. "
            + "In Google Calendar, add the https:// address under “From URL”."
        let dataFiles = [ReleaseLayout.schedule, ReleaseLayout.manifest, ReleaseLayout.changes]
        let dataLinks = dataFiles.map { "<a href=\"\($0)\">\($0)</a>" }.joined(separator: " · ")
        return """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>\(escape(calendarName)) — calendar feeds</title>
              <style>
                body { \(bodyStyle) }
                table { border-collapse: collapse; width: 100%; }
                th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ccc; }
                a { color: #0b57d0; }
              </style>
            </head>
            <body>
              <h1>\(escape(calendarName))</h1>
              <p>\(escape(description ?? "Calendar feeds published by Convene."))</p>
              <p>Updated \(escape(updated)). \(changeCount) \(changesWord) in this release: see \(changeLogLink).</p>
              \(picturesLine)
              <p>\(subscribeHint)</p>
              <table>
                <thead><tr><th>Feed</th><th>Events</th><th>webcal://</th><th>https://</th></tr></thead>
                <tbody>
            \(rows)    </tbody>
              </table>
              <p>\(dataLinks)</p>
            </body>
            </html>

            """
    }

    func escape(_ text: String) -> String { Markup.escape(text) }
}
