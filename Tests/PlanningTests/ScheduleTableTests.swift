import Planning
import Testing

/// The plan table a person reads in the terminal.
@Suite struct ScheduleTableTests {
    static let plan = """
        events:
          - {id: opening, title: Opening, duration: 1d, window: 2021-05, pinned: 2021-05-17}
          - {id: launch, title: Launch, duration: 3d, window: 2021-06, prefer: early}

        """

    @Test func aPinnedEventsMarkIsPrintedWholeAndColumnsLineUp() throws {
        let s = try Solved(Self.plan)
        let table = ScheduleTable.render(model: s.model, result: s.result)
        #expect(!table.contains("\u{FFFD}"))
        let rows = table.split(separator: "\n").map(String.init).filter {
            $0.contains("opening") || $0.contains("launch")
        }
        #expect(rows.count == 2)
        let pinned = try #require(rows.first { $0.contains("opening") })
        #expect(pinned.hasPrefix("📌  opening"))
        // The event column starts in the same terminal column on every row: the pin takes two.
        let other = try #require(rows.first { $0.contains("launch") })
        #expect(other.hasPrefix("    launch"))
    }
}
