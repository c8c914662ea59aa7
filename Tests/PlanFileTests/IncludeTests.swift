import Testing

@Suite struct IncludeTests {
    @Test func missingIncludeFileIsReportedAtTheIncludeEntry() throws {
        let fixture = try PlanFixture(["plan.yaml": calendarHeader + "include:\n  - fora.yaml\n"])
        #expect(
            fixture.messages()
                == [
                    "plan.yaml:7:5: error: no such file '\(fixture.folder.path)/fora.yaml'; check the path; "
                        + "relative paths are read from the including file's folder"
                ].map { $0.replacingOccurrences(of: fixture.folder.path + "/", with: "") })
    }

    @Test func includeCycleIsReportedWithItsPath() throws {
        let fixture = try PlanFixture([
            "plan.yaml": calendarHeader + "include: [a.yaml]\n",
            "a.yaml": "include: [sub/b.yaml]\n",
            "sub/b.yaml": "include: [../a.yaml]\n",
        ])
        #expect(
            fixture.messages() == [
                "sub/b.yaml:1:11: error: include cycle: a.yaml → sub/b.yaml → a.yaml; "
                    + "remove one of these include: entries"
            ])
    }

    @Test func errorsInAnIncludedFilePointIntoThatFile() throws {
        let fixture = try PlanFixture([
            "plan.yaml": calendarHeader + "include: [people.yaml]\n",
            "people.yaml": "people:\n  - id: ana\n    name: Ana\n    zone: Europe/Pariss\n",
        ])
        #expect(
            fixture.messages() == [
                "people.yaml:4:11: error: unknown time zone 'Europe/Pariss'; did you mean 'Europe/Paris'?"
            ])
    }

    @Test func includedFilesContributeToOnePlan() throws {
        let fixture = try PlanFixture([
            "plan.yaml": calendarHeader
                + "include: [more/events.yaml]\nevents:\n  - {id: a, title: A, duration: 1d, window: 2021-05}\n",
            "more/events.yaml": "events:\n  - {id: b, title: B, duration: 1d, window: 2021-06, after: [a]}\n",
        ])
        let result = fixture.load()
        #expect(result.diagnostics.isEmpty)
        #expect(result.plan?.events.map(\.id.value) == ["a", "b"])
        #expect(result.plan?.files.count == 2)
    }

    @Test func calendarSectionInAnIncludedFileIsRefused() throws {
        let fixture = try PlanFixture([
            "plan.yaml": calendarHeader + "include: [other.yaml]\n",
            "other.yaml": calendarHeader,
        ])
        #expect(
            fixture.messages()
                == [
                    "other.yaml:2:3: error: only the root plan file may have a calendar section; "
                        + "move it to \(fixture.folder.path)/plan.yaml or remove it"
                ].map { $0.replacingOccurrences(of: fixture.folder.path + "/", with: "") })
    }
}
