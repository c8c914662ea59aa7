import Foundation
import PlanFile
import Testing

/// CSV files included as sections of a plan: read into the same tree as YAML, so each problem is
/// the YAML message at the cell's own line and column.
@Suite struct CSVIncludeTests {
    /// A plan whose events come from `sessions.csv`, with two people in YAML.
    func fixture(_ csv: String, more: [String: String] = [:]) throws -> PlanFixture {
        var files = more
        files["plan.yaml"] =
            calendarHeader + "include:\n  - events: sessions.csv\n"
            + "people:\n  - {id: ana, name: Ana, zone: Europe/Paris}\n  - {id: bo, name: Bo, zone: Asia/Seoul}\n"
        files["sessions.csv"] = csv
        return try PlanFixture(files)
    }

    func messages(_ csv: String) -> [String] {
        do { return try fixture(csv).messages() } catch { return ["could not write the fixture: \(error)"] }
    }

    static let header = "id,title,duration,window,participants,kind\n"

    @Test func rowsBecomeEventsWithListsSplitOnSemicolons() throws {
        let result = try fixture(
            Self.header + "a,\"Opening, with a comma\",2h,2021-05,ana; bo,meeting\nb,B,1d,2021-06,,\n"
        ).load()
        #expect(result.diagnostics.map(\.description) == [])
        let events = result.plan?.events ?? []
        #expect(events.map(\.id.value) == ["a", "b"])
        #expect(events.first?.title == "Opening, with a comma")
        #expect(events.first?.participants.map(\.value) == ["ana", "bo"])
        #expect(events.first?.kind == "meeting")
        #expect(events.last?.participants.isEmpty == true)
        #expect(events.last?.kind == "event")
    }

    @Test func anUnknownColumnIsReportedAtItsHeaderCellWithTheClosestKey() {
        #expect(
            messages("id,title,duration,window,participnts\na,A,2h,2021-05,ana\n") == [
                "sessions.csv:1:26: error: unknown key 'participnts' in an event; did you mean 'participants'?"
            ])
    }

    @Test func aMissingRequiredColumnIsReportedAtTheHeaderRowWithWhatItIsFor() {
        #expect(
            messages("id,tilte,duration,window\na,A,2h,2021-05\n") == [
                "sessions.csv:1:1: error: the CSV file has no 'title' column: the title people see",
                "sessions.csv:1:4: error: unknown key 'tilte' in an event; did you mean 'title'?",
            ])
    }

    @Test func aPinnedColumnStandsInForTheWindowColumn() throws {
        let result = try fixture("id,title,duration,pinned\na,A,2h,2021-05-03T10:00\n").load()
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.plan?.events.first?.window.value.first.description == "2021-05-03")
    }

    @Test func aQuotedCellWithLineBreaksAndDoubledQuotesKeepsTheCellsAfterItInPlace() {
        #expect(
            messages(Self.header + "a,\"Two lines, \"\"quoted\"\"\nand a comma, too\",1d2h,2021-05,,\n") == [
                "sessions.csv:3:19: error: duration '1d2h' mixes days with hours; an event is either all-day (5d) or "
                    + "timed (26h)"
            ])
    }

    @Test func aByteOrderMarkCRLFLineEndsAndBlankTrailingLinesAreRead() {
        #expect(
            messages(
                "\u{FEFF}" + Self.header.replacingOccurrences(of: "\n", with: "\r\n") + "a,A,2x,2021-05,,\r\n\r\n\r\n")
                == ["sessions.csv:2:5: error: '2x' is not a duration; write a number and a unit: 5d, 2h, 90m or 1h30m"])
    }

    @Test func aRowWithTooManyCellsIsReportedAtTheFirstExtraCell() {
        #expect(
            messages(Self.header + "a,Seoul, Korea,2h,2021-05,,\n") == [
                "sessions.csv:2:28: error: this row has 7 cells but the header names 6 columns; a cell with a comma "
                    + "in it is written in quotes: \"Seoul, Korea\""
            ])
    }

    @Test func aRowWithTooFewCellsIsReportedAtItsEnd() {
        #expect(
            messages(Self.header + "a,A,2h,2021-05\n") == [
                "sessions.csv:2:15: error: this row has 4 cells but the header names 6 columns; missing: "
                    + "'participants', 'kind'; leave a cell empty with nothing between its commas"
            ])
    }

    @Test func anEmptyCellIsAnAbsentKey() {
        #expect(
            messages(Self.header + "a,,2h,2021-05,,\n") == [
                "sessions.csv:2:3: error: 'title' in event 'a' has no value; give it a value or remove the key"
            ])
    }

    @Test func anUnknownIdInAListCellIsReportedAtItsItem() {
        #expect(
            messages(Self.header + "a,A,2h,2021-05,ana;  boo,\n") == [
                "sessions.csv:2:22: error: unknown person 'boo'; did you mean 'bo'?"
            ])
    }

    @Test func anImpossibleDateIsReportedAtItsCell() {
        #expect(
            messages(Self.header + "a,A,2h,2021-02-30,,\n") == [
                "sessions.csv:2:8: error: impossible date '2021-02-30': February 2021 has 28 days"
            ])
    }

    @Test func aSessionIdInBothCSVAndYAMLIsADuplicateAtBothPlaces() throws {
        let fixture = try PlanFixture([
            "plan.yaml": calendarHeader
                + "include:\n  - events: sessions.csv\nevents:\n  - {id: a, title: A, duration: 1d, window: 2021-05}\n",
            "sessions.csv": "id,title,duration,window\nb,B,1d,2021-05\na,A again,1d,2021-06\n",
        ])
        #expect(
            fixture.messages() == [
                "sessions.csv:3:1: error: duplicate event id 'a'; it is already used at "
                    + "\(fixture.folder.path)/plan.yaml:9:10; ids must be unique; rename one of them"
                    .replacingOccurrences(of: fixture.folder.path + "/", with: "")
            ])
    }

    @Test func anUnknownTrackIdInACellIsReportedThere() throws {
        let fixture = try PlanFixture([
            "plan.yaml": calendarHeader
                + "include:\n  - events: sessions.csv\n  - tracks: tracks.csv\n  - rooms: rooms.csv\n"
                + "summit:\n  days: 2021-05-03..2021-05-04\n  hours: 08:00-20:00\n",
            "sessions.csv": "id,title,duration,window,track\na,A,1h,2021-05-03,digitl\n",
            "tracks.csv": "id,name,color\ndigital,Digital,#6a4c93\n",
            "rooms.csv": "id,name,capacity,mode\nhall,\"Hall, Seoul\",100,\nchannel,Channel,1000,virtul\n",
        ])
        #expect(
            fixture.messages() == [
                "rooms.csv:3:22: error: 'mode' must be 'hybrid' (a room with a stream) or 'virtual' (a channel "
                    + "only), found 'virtul'",
                "sessions.csv:2:19: error: unknown track 'digitl'; did you mean 'digital'?",
            ])
    }

    @Test func aCellInBracesIsAYAMLMappingWithPositionsInTheFile() throws {
        let result = try fixture(
            "id,title,duration,window,after,local-hours\n"
                + "a,A,2h,2021-05,,\"{between: 08:00-18:00, zones: [Asia/Seoul, Europe/Pariss]}\"\n"
                + "b,B,1h,2021-05,\"{event: a, min-gap: 2x}\",\n"
        ).messages()
        #expect(
            result == [
                "sessions.csv:2:61: error: unknown time zone 'Europe/Pariss'; did you mean 'Europe/Paris'?",
                "sessions.csv:3:37: error: '2x' is not a duration; write a number and a unit: 5d, 2h, 90m or 1h30m",
            ])
    }

    @Test func aMappingKeyWrittenAsPlainTextSaysHowToWriteIt() {
        #expect(
            messages("id,title,duration,window,local-hours\na,A,2h,2021-05,08:00-18:00\n") == [
                "sessions.csv:2:16: error: expected a local-hours rule as a mapping of keys to values, found the "
                    + "text '08:00-18:00'; in a CSV cell write it as a YAML flow mapping in braces, e.g. {key: "
                    + "value, other: value}"
            ])
    }

    @Test func brokenYAMLInACellIsReportedInTheCell() {
        let found = messages("id,title,duration,window,local-hours\na,A,2h,2021-05,\"{between: 08:00-18:00\"\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("sessions.csv:2:") == true)
        #expect(found.first?.contains("YAML syntax error") == true)
    }

    @Test func aQuoteThatIsNeverClosedIsReportedWhereItOpens() {
        #expect(
            messages(Self.header + "a,A,2h,2021-05,,\nb,\"B,1h,2021-05,,\n") == [
                "sessions.csv:3:3: error: the quote that opens this cell is never closed; end the cell with a quote; "
                    + "a quote inside it is written twice (\"\")"
            ])
    }

    @Test func textAfterAClosingQuoteIsReportedAtTheText() {
        #expect(
            messages(Self.header + "a,\"A\" B,2h,2021-05,,\n") == [
                "sessions.csv:2:6: error: text after the closing quote of a cell; a quote inside a quoted cell is "
                    + "written twice (\"\"); end the cell after its quote"
            ])
    }

    @Test func aRepeatedColumnIsReportedAtItsSecondHeaderCell() {
        #expect(
            messages("id,title,duration,window,title\na,A,2h,2021-05,B\n") == [
                "sessions.csv:1:26: error: the column 'title' is already at sessions.csv:1:4; remove one of them"
            ])
    }

    @Test func aCSVFileWithoutASectionIsRefusedWithAHint() throws {
        let fixture = try PlanFixture([
            "plan.yaml": calendarHeader + "include:\n  - sessions.csv\n  - evnts: more.csv\n  - events: more.yaml\n"
        ])
        #expect(
            fixture.messages() == [
                "plan.yaml:7:5: error: a CSV file fills one section of the plan; say which; write it as '- events: "
                    + "sessions.csv' (or people:, rooms:, tracks:, …)",
                "plan.yaml:8:5: error: a CSV file cannot fill 'evnts'; did you mean 'events'?",
                "plan.yaml:9:13: error: 'more.yaml' is a YAML file; 'events:' entries of include name a CSV file; "
                    + "include a YAML file by its path alone: '- more.yaml'",
            ])
    }

    @Test func peopleComeFromACSVFileToo() throws {
        let fixture = try PlanFixture([
            "plan.yaml": calendarHeader + "include:\n  - people: people.csv\n",
            "people.csv": "id,name,zone,unavailable\nana,Ana,Europe/Paris,2021-08-02..2021-08-13; 2021-12-24\n"
                + "bo,Bo,Asia/Seol,\n",
        ])
        #expect(
            fixture.messages() == ["people.csv:3:7: error: unknown time zone 'Asia/Seol'; did you mean 'Asia/Seoul'?"])
        try fixture.write(
            "people.csv",
            Data("id,name,zone,unavailable\nana,Ana,Europe/Paris,2021-08-02..2021-08-13; 2021-12-24\n".utf8))
        #expect(fixture.load().plan?.people.first?.unavailable.count == 2)
    }

    @Test func aCSVFileIsBoundedLikeEveryPlanFile() {
        let big = Data(("id,title,duration,window\n" + String(repeating: "a,A,1d,2021-05\n", count: 800_000)).utf8)
        let sources = PlanSources.inMemory([
            "plan.yaml": Data((calendarHeader + "include:\n  - events: big.csv\n").utf8), "big.csv": big,
        ])
        #expect(
            PlanLoader.load("plan.yaml", from: sources).diagnostics.map(\.description) == [
                "big.csv:1:1: error: file is 11.4 MB, over the 10 MB limit for plan files"
            ])
    }

    @Test func aHeaderAloneGivesNoEntries() throws {
        let result = try fixture(Self.header).load()
        #expect(result.diagnostics.isEmpty)
        #expect(result.plan?.events.isEmpty == true)
    }
}
