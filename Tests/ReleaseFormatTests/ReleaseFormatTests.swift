import ReleaseFormat
import Testing

/// HTML escaping, stable JSON and the release's file names, as the writers and the feed
/// server both rely on them.
@Suite struct ReleaseFormatTests {
    @Test func markupEscapesTextAndBothQuotes() {
        #expect(
            Markup.escape(#"<a href="x">Tom & Jerry's</a>"#)
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(Markup.escape("회의 — plain") == "회의 — plain")
    }

    struct Sample: Encodable {
        var zeta = 1
        var alpha = "https://calendar.example.org/feeds/all.ics"
    }

    @Test func stableJSONSortsKeysKeepsSlashesAndEndsWithANewline() {
        #expect(
            StableJSON.text(Sample()) == """
                {
                  "alpha" : "https://calendar.example.org/feeds/all.ics",
                  "zeta" : 1
                }

                """)
    }

    @Test func feedsLiveInTheirFolders() {
        #expect(ReleaseLayout.feed(named: "all", isPrivate: false) == "feeds/all.ics")
        #expect(ReleaseLayout.personalFeed(person: "ana") == "private/person-ana.ics")
        #expect(ReleaseLayout.privateCopy(of: ReleaseLayout.changeLog) == "private/CHANGES.md")
        #expect(ReleaseLayout.isPrivate("private/person-ana.ics") && !ReleaseLayout.isPrivate("feeds/private.ics"))
        #expect(ReleaseLayout.topLevelFiles.contains("manifest.json"))
        #expect(!ReleaseLayout.topLevelFiles.contains("private"))
    }

    @Test func theTokenStoreLivesBesideTheRelease() {
        #expect(ReleaseLayout.tokenStore(forRelease: "/srv/site/release/") == "/srv/site/release.tokens.sqlite")
        #expect(ReleaseLayout.tokenStore(forRelease: "/srv/site/./release") == "/srv/site/release.tokens.sqlite")
    }
}
