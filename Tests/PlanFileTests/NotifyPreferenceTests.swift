import PlanFile
import Testing

/// `notify: invitations | feed | both` on people and audiences, and how the two combine.
@Suite struct NotifyPreferenceTests {
    static let body = """
        audiences:
          - {id: sc, members: [ana, ben, cy], notify: feed}
          - {id: press, members: [cy], notify: invitations}
        people:
          - {id: ana, name: Ana, zone: Europe/Madrid, notify: both}
          - {id: ben, name: Ben, zone: Africa/Lagos}
          - {id: cy, name: Cy, zone: Asia/Tokyo}
          - {id: di, name: Di, zone: Asia/Tokyo}

        """

    @Test func aPersonsOwnWordWinsThenTheirAudiencesThenBoth() throws {
        let result = try PlanFixture(["plan.yaml": calendarHeader + Self.body]).load()
        let plan = try #require(result.plan, "\(result.diagnostics)")
        #expect(plan.notifyPreference(of: "ana") == .both)
        #expect(plan.notifyPreference(of: "ben") == .feed)
        #expect(plan.notifyPreference(of: "cy") == .both)
        #expect(plan.notifyPreference(of: "di") == .both)
    }

    @Test func anUnknownPreferenceIsReportedAtItsValue() throws {
        let body = "people:\n  - {id: ana, name: Ana, zone: Europe/Madrid, notify: emails}\n"
        #expect(
            try PlanFixture(["plan.yaml": calendarHeader + body]).messages() == [
                "plan.yaml:7:55: error: 'notify' must be one of invitations, feed, both, found 'emails'"
            ])
    }
}
