import PlanFile
import Testing

@Suite struct PlanIndexTests {
    static let plan = """
        people:
          - {id: ana, name: Ana, zone: Europe/Paris}
          - {id: ben, name: Ben, zone: Asia/Seoul}
        audiences:
          - {id: team, name: Team, members: [ana, ben]}
        events:
          - {id: kickoff, title: Kick-off, duration: 1d, window: 2021-03-01..2021-03-31}
          - {id: review, title: Review, duration: 1d, window: 2021-04-01..2021-04-30}
        fixed:
          - {id: g7, title: G7 summit, kind: forum, dates: 2021-06-11..2021-06-13}

        """

    func loaded() throws -> Plan {
        let fixture = try PlanFixture(["plan.yaml": calendarHeader + Self.plan])
        return try #require(fixture.load().plan)
    }

    @Test func everyIdIsFoundAtItsPosition() throws {
        let plan = try loaded()
        #expect(plan.eventIndex("review") == 1)
        #expect(plan.event("kickoff")?.title == "Kick-off")
        #expect(plan.fixedEvent("g7")?.title == "G7 summit")
        #expect(plan.person("ben")?.zone.value.identifier == "Asia/Seoul")
        #expect(plan.audience("team")?.members.map(\.value) == ["ana", "ben"])
        #expect(plan.event("g7") == nil)
        #expect(plan.person("nobody") == nil)
    }

    @Test func theIndexFollowsChangesToThePlanAndCopiesStayApart() throws {
        let original = try loaded()
        _ = original.index  // built before the copy is changed
        var changed = original
        changed.events.remove(at: 0)
        changed.people[0].name = "Ana María"
        #expect(changed.eventIndex("review") == 0)
        #expect(changed.event("kickoff") == nil)
        #expect(changed.person("ana")?.name == "Ana María")
        #expect(original.eventIndex("review") == 1)
        #expect(original.event("kickoff")?.title == "Kick-off")
        #expect(original.person("ana")?.name == "Ana")
    }

    @Test func theFirstOfTwoEntriesWithOneIdWins() throws {
        var plan = try loaded()
        var twin = plan.events[1]
        twin.title = "Second review"
        plan.events.append(twin)
        #expect(plan.event("review")?.title == "Review")
        #expect(plan.eventIndex("review") == 1)
    }
}
