import Foundation
import Testing
import PlanFile

/// A plan held in memory loads as the same plan from disk would: includes, cycles, missing
/// files and imported calendars, all without touching the disk.
@Suite struct PlanSourcesTests {
    static func load(_ files: [String: String], root: String = "plan.yaml") -> PlanLoadResult {
        PlanLoader.load(root, from: .inMemory(files.mapValues { Data($0.utf8) }))
    }

    @Test func includesAreReadFromMemory() {
        let result = Self.load([
            "plan.yaml": calendarHeader
                + "include: [more/events.yaml]\nevents:\n  - {id: a, title: A, duration: 1d, window: 2021-05}\n",
            "more/events.yaml":
                "include: [../people.yaml]\nevents:\n"
                + "  - {id: b, title: B, duration: 1d, window: 2021-06, after: [a]}\n",
            "people.yaml": "people:\n  - {id: ana, name: Ana, zone: Europe/Paris}\n",
        ])
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.plan?.events.map(\.id.value) == ["a", "b"])
        #expect(result.plan?.files.count == 3)
    }

    @Test func missingIncludeIsReportedAtTheIncludeEntryAsOnDisk() throws {
        let files = ["plan.yaml": calendarHeader + "include:\n  - fora.yaml\n"]
        let fixture = try PlanFixture(files)
        let onDisk = fixture.messages()
        #expect(Self.load(files).diagnostics.map(\.description) == onDisk)
        #expect(
            onDisk == [
                "plan.yaml:7:5: error: no such file 'fora.yaml'; check the path; "
                    + "relative paths are read from the including file's folder"
            ])
    }

    @Test func includeCycleIsFoundThroughTidiedPaths() {
        let result = Self.load([
            "plan.yaml": calendarHeader + "include: [a.yaml]\n",
            "a.yaml": "include: [./sub/b.yaml]\n",
            "sub/b.yaml": "include: [../a.yaml]\n",
        ])
        #expect(
            result.diagnostics.map(\.description) == [
                "sub/b.yaml:1:11: error: include cycle: a.yaml → sub/b.yaml → a.yaml; "
                    + "remove one of these include: entries"
            ])
    }

    @Test func importedCalendarMustBeAmongTheFiles() {
        let plan = calendarHeader + "blackouts:\n  - {id: holidays, ics: holidays.ics}\n"
        #expect(
            Self.load(["plan.yaml": plan, "holidays.ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"]).diagnostics.isEmpty)
        #expect(
            Self.load(["plan.yaml": plan]).diagnostics.map(\.description) == [
                "plan.yaml:7:25: error: no such file 'holidays.ics'; "
                    + "paths are read from the folder of the file that names them"
            ])
    }

    @Test func bytesGetTheChecksAFileGets() {
        var bytes = Array("calendar:\n  id: caf".utf8)
        bytes.append(0xE9)
        let result = PlanLoader.load("plan.yaml", from: .inMemory(["plan.yaml": Data(bytes)]))
        #expect(
            result.diagnostics.map(\.description) == [
                "plan.yaml:2:10: error: file is not valid UTF-8 (bad byte here); save the file as UTF-8"
            ])
    }
}
