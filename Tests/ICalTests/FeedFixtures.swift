import ICal

enum FeedFixtures {
    /// A feed with an all-day event, a timed event in Seoul, a cancelled one in New York, and
    /// text that needs escaping and folding.
    static func small() -> ICalFeed {
        ICalFeed(
            productId: "-//Convene//Tests//EN", name: "Test feed",
            description: "Events, for tests; with commas, and semicolons",
            refreshMinutes: 360, color: "teal", url: "https://example.org/feeds/all.ics", source: nil,
            organizerName: "OGP Support Unit", organizerEmail: "events@example.org", years: 2021...2021,
            events: [
                ICalEvent(
                    uid: "summit@ogp-2021.convene", sequence: 0, lastChanged: 1_609_459_200,
                    start: .date(year: 2021, month: 12, day: 15), end: .date(year: 2021, month: 12, day: 18),
                    summary: "7th OGP Global Summit, Seoul",
                    description: "Hosted by the Republic of Korea; hybrid.\nSecond line.",
                    location: "Seoul", categories: ["summit"]),
                ICalEvent(
                    uid: "roundtable@ogp-2021.convene", sequence: 2, lastChanged: 1_612_137_600,
                    start: .local(year: 2021, month: 7, day: 13, hour: 10, minute: 0, tzid: "Asia/Seoul"),
                    end: .local(year: 2021, month: 7, day: 13, hour: 12, minute: 0, tzid: "Asia/Seoul"),
                    summary:
                        "Ministerial roundtable — Asia Pacific: 다자간 원탁회의 (Seoul) "
                        + "with a long title that must be folded over several lines",
                    categories: ["roundtable"]),
                ICalEvent(
                    uid: "gone@ogp-2021.convene", sequence: 1, lastChanged: 1_612_137_600,
                    start: .local(year: 2021, month: 3, day: 20, hour: 9, minute: 0, tzid: "America/New_York"),
                    end: .local(year: 2021, month: 3, day: 20, hour: 10, minute: 0, tzid: "America/New_York"),
                    summary: "Called off", status: .cancelled),
            ])
    }
}
