import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test(arguments: ["calendars/ogp-2021.yaml", "calendars/ogp-2019.yaml"])
    func shippedCalendarsAreValid(plan: String) throws {
        let outcome = try ConveneBinary.run(["check", plan])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
        #expect(outcome.stdout.hasPrefix("\(plan): ok"))
    }

    @Test func invalidPlanExitsOneWithEveryProblemOnStderr() throws {
        let folder = try scratchFolder()
        let plan = folder.appendingPathComponent("bad.yaml")
        let text =
            "calendar:\n  id: x\n  name: X\n  zone: Asia/Seol\n  horizon: 2021\n"
            + "events:\n  - {id: a, title: A, duraton: 1d}\n"
        try Data(text.utf8).write(to: plan)
        let outcome = try ConveneBinary.run(["check", "bad.yaml"], in: folder)
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr == """
                bad.yaml:4:9: error: unknown time zone 'Asia/Seol'; did you mean 'Asia/Seoul'?
                bad.yaml:7:5: error: missing required field 'duration' in event 'a'
                bad.yaml:7:5: error: missing required field 'window' in event 'a'
                bad.yaml:7:23: error: unknown key 'duraton' in event 'a'; did you mean 'duration'?
                4 errors

                """)
    }

    /// Whatever a user types, `convene check` answers with a diagnostic, never a trap.
    @Test(arguments: [
        "\u{0}\u{1}\u{2}", "[[[[[[[[", "- - - -", "calendar: 5", "calendar:\n  horizon: 2021-99", "? [a]\n: b",
        "calendar: &a [*a]", "events: [[], {}, 3, ~]", "calendar:\n  id: \"\\u0000\"",
        "calendar: {id: x, name: x, zone: UTC, horizon: 0000-02-30..9999-12}\n"
            + "events: [{id: a, title: a, duration: 99999999999d, window: 2021}]",
        "calendar: {id: x, name: x, zone: UTC, horizon: 2021}\n"
            + "events: [{id: a, title: a, duration: 1d, window: 2021, after: [{event: a, min-gap: -1d}]}]",
        "include: [/dev/zero]", "include: [/]", "include: [\"\"]",
    ])
    func hostileInputNeverCrashes(text: String) throws {
        let folder = try scratchFolder()
        try Data(text.utf8).write(to: folder.appendingPathComponent("plan.yaml"))
        let outcome = try ConveneBinary.run(["check", "plan.yaml"], in: folder)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("plan.yaml:"))
        #expect(!outcome.stderr.contains("Fatal error"))
    }

    @Test func deeplyNestedYAMLIsRefusedNotOverflowed() throws {
        let folder = try scratchFolder()
        try Data(String(repeating: "[", count: 200_000).utf8).write(to: folder.appendingPathComponent("plan.yaml"))
        let outcome = try ConveneBinary.run(["check", "plan.yaml"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("plan.yaml:1:1: error: YAML syntax error: Maximum nesting level reached"))
    }

    /// A warning about an imported calendar is printed as `path:line:col: warning: …` and the
    /// plan still checks clean; an error in one fails the check.
    @Test func importedCalendarWarningsDoNotFailTheCheck() throws {
        let folder = try scratchFolder()
        let plan =
            "calendar: {id: t, name: T, zone: Europe/Paris, horizon: 2021}\n"
            + "events:\n  - {id: a, title: A, duration: 1d, window: 2021-05}\n"
            + "blackouts:\n  - {id: holidays, ics: holidays.ics}\n"
        try Data(plan.utf8).write(to: folder.appendingPathComponent("plan.yaml"))
        let quirk =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
            + "BEGIN:VEVENT\r\nUID:h\r\nDTSTART;VALUE=DATE:20210503\r\n"
            + "X-APPLE-RADIUS=49.91307046514149\r\nSUMMARY:Holiday\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        try Data(quirk.utf8).write(to: folder.appendingPathComponent("holidays.ics"))
        let warned = try ConveneBinary.run(["check", "plan.yaml"], in: folder)
        #expect(warned.status == 0, "\(warned.stderr)")
        #expect(
            warned.stderr
                == "holidays.ics:7:1: warning: 'X-APPLE-RADIUS=49.91307046514149' is not NAME:value; "
                + "this vendor line is ignored\n"
        )
        #expect(warned.stdout.hasPrefix("plan.yaml: ok"))

        let endless = quirk.replacingOccurrences(of: "X-APPLE-RADIUS=49.91307046514149", with: "RRULE:FREQ=SECONDLY")
            .replacingOccurrences(of: ";VALUE=DATE:20210503", with: ":20210503T000000Z")
        try Data(endless.utf8).write(to: folder.appendingPathComponent("holidays.ics"))
        let refused = try ConveneBinary.run(["check", "plan.yaml"], in: folder)
        #expect(refused.status == 1)
        #expect(
            refused.stderr.hasPrefix(
                "holidays.ics:7:1: error: the calendar expands to more than 200,000 occurrences by this RRULE"))
    }

    func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("convene-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

@Suite struct ImportedCalendarCheckTests {
    @Test func malformedImportedCalendarIsReportedAtItsLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("convene-ics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20210920\r\nEND:VCALENDAR\r\n".utf8
        )
        .write(to: folder.appendingPathComponent("busy.ics"))
        try Data(
            "calendar: {id: x, name: X, zone: UTC, horizon: 2021}\nblackouts:\n  - {id: busy, ics: busy.ics}\n".utf8
        )
        .write(to: folder.appendingPathComponent("plan.yaml"))
        let outcome = try ConveneBinary.run(["check", "plan.yaml"], in: folder)
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr.hasPrefix(
                "busy.ics:5:1: error: END:VCALENDAR closes BEGIN:VEVENT of line 3; "
                    + "fix the file or export it again from its calendar"
            ))
    }
}
