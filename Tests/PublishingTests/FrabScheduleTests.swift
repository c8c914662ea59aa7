import Foundation
import Planning
@testable import Publishing
import ReleaseFormat
import Testing

@Suite struct FrabScheduleTests {
    static func programme(
        civicStart: String = "2021-12-15T16:00", links: FrabSchedule.Links? = .release("https://summit.example.org")
    ) throws -> FrabSchedule {
        let (plan, schedule) = try FrabFixture.solved(civicStart: civicStart)
        return FrabSchedule(plan: plan, schedule: schedule, links: links)
    }

    static func sessions(_ programme: FrabSchedule) -> [FrabSchedule.Session] {
        programme.days.flatMap { $0.rooms.flatMap(\.sessions) }
    }

    @Test func xmlPassesTheC3vocSchema() throws {
        let result = try FrabValidators.xml(try Self.programme().xml())
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("validates"), "\(result.output)")
    }

    @Test func jsonPassesTheC3vocSchemaWithItsFormats() throws {
        let result = try FrabValidators.json(try Self.programme().json())
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("valid"), "\(result.output)")
    }

    @Test func bothPassWithoutAWebAddress() throws {
        let programme = try Self.programme(links: nil)
        let xml = try FrabValidators.xml(try programme.xml())
        #expect(xml.status == 0, "\(xml.output)")
        let json = try FrabValidators.json(programme.json())
        #expect(json.status == 0, "\(json.output)")
    }

    /// The validators are real: a broken document fails them.
    @Test func theValidatorsRefuseABrokenDocument() throws {
        let xml = try Self.programme().xml().replacingOccurrences(of: "<duration>01:00</duration>", with: "")
        #expect(try FrabValidators.xml(xml).status != 0)
        let json = try Self.programme().json().replacingOccurrences(of: "\"duration\" : \"01:00\",", with: "")
        #expect(try FrabValidators.json(json).status != 0)
    }

    @Test func onlyPlacedSessionsAreInTheProgramme() throws {
        let programme = try Self.programme()
        #expect(Self.sessions(programme).map(\.eventId).sorted() == ["civic", "data", "opening"])
        #expect(programme.days.map(\.date) == ["2021-12-15", "2021-12-16"])
        #expect(programme.days.map { $0.rooms.map(\.room.name) } == [["Hall", "Channel"], ["Hall", "Channel"]])
    }

    @Test func timesAreOnTheConferenceClock() throws {
        let programme = try Self.programme()
        let civic = try #require(Self.sessions(programme).first { $0.eventId == "civic" })
        #expect(civic.date == "2021-12-15T16:00:00+09:00")
        #expect(civic.start == "16:00")
        #expect(civic.end == "2021-12-15T17:00:00+09:00")
        #expect(civic.duration == "01:00")
        #expect(programme.days.first?.start == "2021-12-15T08:00:00+09:00")
        #expect(programme.days.first?.end == "2021-12-16T00:00:00+09:00")
        #expect(programme.conference.timeZoneName == "Asia/Seoul")
        #expect(programme.conference.timeslotDuration == "00:15")
        #expect(Self.sessions(programme).first { $0.eventId == "data" }?.duration == "01:30")
    }

    @Test func sessionsCarryTheirWordsAndPeople() throws {
        let programme = try Self.programme()
        let opening = try #require(Self.sessions(programme).first { $0.eventId == "opening" })
        #expect(opening.type == "plenary")
        #expect(opening.abstract == "Why we meet <here>, \"now\" & together.")
        #expect(opening.persons.map(\.name) == ["Kim Min-ji", "Léa Martin"])
        #expect(
            opening.persons.map(\.guid) == [
                NameUUID.v5("acct:kim@frab-summit.convene"), NameUUID.v5("acct:lea@frab-summit.convene"),
            ])
        #expect(opening.description?.contains("Run of show:") == true)
        #expect(opening.url == "https://summit.example.org/summit.html")
        #expect(opening.slug == "frab_summit-opening")
        #expect(Self.sessions(programme).first { $0.eventId == "civic" }?.track == "Civic space")
        #expect(programme.conference.acronym == "frab_summit")
        #expect(programme.conference.tracks.map(\.color) == ["#1b7f79", "#6a3d9a"])
        let xml = try programme.xml()
        #expect(xml.contains("<title>Opening &amp; welcome</title>"))
        #expect(xml.contains("<time_zone_name>Asia/Seoul</time_zone_name>"))
    }

    @Test func aSessionGUIDIsTheNameUUIDOfItsUID() throws {
        let programme = try Self.programme()
        let opening = try #require(Self.sessions(programme).first { $0.eventId == "opening" })
        #expect(opening.guid == NameUUID.v5("opening@frab-summit.convene"))
        #expect(opening.id == NameUUID.positiveInteger(opening.guid))
        let guids = Self.sessions(programme).map(\.guid)
        #expect(Set(guids).count == guids.count)
        let ids = Self.sessions(programme).map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func theSameInputsGiveTheSameBytes() throws {
        let (a, b) = (try Self.programme(), try Self.programme())
        #expect(try a.xml() == b.xml())
        #expect(a.json() == b.json())
    }

    /// Two publishes: the second moves a session, which keeps its GUID (from its ledger UID)
    /// and takes its new time; the release holds both files.
    @Test func aMovedSessionKeepsItsGUIDAcrossReleases() throws {
        func release(_ civicStart: String, previous: Ledger?) throws -> Release {
            let (plan, schedule) = try FrabFixture.solved(civicStart: civicStart)
            return try ReleaseBuilder(
                plan: plan, schedule: schedule, previous: previous, now: "2021-11-01T09:00:00Z",
                baseURL: "https://summit.example.org"
            ).build()
        }
        let first = try release("2021-12-15T16:00", previous: nil)
        let second = try release("2021-12-16T10:00", previous: first.ledger)
        #expect(second.changes.contains { $0.id == "civic" && $0.change == .moved })
        func civic(_ release: Release) throws -> [String: Any] {
            let text = try #require(release.files[ReleaseLayout.frabJSON])
            let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let days = (document["schedule"] as? [String: Any])?["conference"] as? [String: Any]
            let events = (days?["days"] as? [[String: Any]] ?? []).flatMap { day in
                (day["rooms"] as? [String: [[String: Any]]] ?? [:]).values.flatMap { $0 }
            }
            return try #require(events.first { ($0["slug"] as? String) == "frab_summit-civic" })
        }
        let (before, after) = (try civic(first), try civic(second))
        #expect(before["guid"] as? String == after["guid"] as? String)
        #expect(before["guid"] as? String == NameUUID.v5("civic@frab-summit.convene"))
        #expect(before["date"] as? String == "2021-12-15T16:00:00+09:00")
        #expect(after["date"] as? String == "2021-12-16T10:00:00+09:00")
        #expect(first.files[ReleaseLayout.frabXML]?.contains(before["guid"] as? String ?? "?") == true)
        #expect(try FrabValidators.xml(try #require(second.files[ReleaseLayout.frabXML])).status == 0)
    }

    @Test func aPlanWithoutASummitHasNoProgrammeFiles() throws {
        let (plan, schedule) = try FrabFixture.solved()
        var yearOnly = plan
        yearOnly.summit = nil
        let release = try ReleaseBuilder(
            plan: yearOnly, schedule: schedule, previous: nil, now: "2021-11-01T09:00:00Z", baseURL: "http://x"
        ).build()
        #expect(release.files[ReleaseLayout.frabXML] == nil)
        #expect(release.files[ReleaseLayout.frabJSON] == nil)
    }

    @Test(arguments: [
        ("seoul-summit-2021", "seoul_summit_2021"), ("36c3", "36c3"), ("divoc-2021-ptt", "divoc-2021-ptt"),
        ("fosdem", "fosdem"), ("a.b", "a_b_"), ("ogp", "ogp_"),
    ])
    func acronymsFitTheSchema(id: String, acronym: String) {
        #expect(FrabSchedule.acronym(id) == acronym)
        #expect(FrabText.isAcronym(FrabSchedule.acronym(id)))
    }
}
