import Planning
import Scheduler
import Testing
import Foundation
import PlanFile

/// Each hard rule of a plan alone, on a minimal plan, read back from the schedule.
@Suite struct HardRuleTests {
    @Test func windowHoldsTheWholeEvent() throws {
        let s = try Solved("events:\n  - {id: a, title: A, duration: 5d, window: 2021-05, prefer: late}\n")
        #expect(s.start("a") == "2021-05-27")
        #expect(s.end("a") == "2021-06-01")  // exclusive
    }

    @Test func dependencyInDaysCountsFromTheDayAfterTheLastDay() throws {
        let s = try Solved(
            """
            events:
              - {id: a, title: A, duration: 1d, window: 2021-05-10}
              - {id: b, title: B, duration: 1d, window: 2021-05, after: [{event: a, min-gap: 7d}]}
            """)
        #expect(s.start("b") == "2021-05-18")
    }

    @Test func plainAfterAllowsTheNextDay() throws {
        let s = try Solved(
            """
            events:
              - {id: a, title: A, duration: 3d, window: 2021-05-10..2021-05-12}
              - {id: b, title: B, duration: 1d, window: 2021-05, after: [a]}
            """)
        #expect(s.start("b") == "2021-05-13")
    }

    @Test func startToStartDependency() throws {
        let s = try Solved(
            """
            events:
              - {id: a, title: A, duration: 5d, window: 2021-05-10..2021-05-14}
              - {id: b, title: B, duration: 1d, window: 2021-05, after: [{event: a, min-gap: 2d, from: start}]}
            """)
        #expect(s.start("b") == "2021-05-12")
    }

    @Test func maximumGapKeepsAnEventClose() throws {
        let s = try Solved(
            """
            events:
              - {id: a, title: A, duration: 1d, window: 2021-05-10}
              - {id: b, title: B, duration: 1d, window: 2021-05, prefer: late, after: [{event: a, max-gap: 3d}]}
            """)
        #expect(s.start("b") == "2021-05-14")
    }

    @Test func dependencyInHoursBetweenTimedEvents() throws {
        let s = try Solved(
            """
            events:
              - {id: a, title: A, duration: 2h, pinned: 2021-05-10T09:00}
              - {id: b, title: B, duration: 1h, window: 2021-05-10, after: [{event: a, min-gap: 90m}]}
            """)
        #expect(s.start("b") == "2021-05-10T12:30:00-04:00")
    }

    @Test func sharedPersonKeepsEventsApart() throws {
        let s = try Solved(
            """
            people:
              - {id: ana, name: Ana, zone: Europe/Paris}
            events:
              - {id: a, title: A, duration: 3d, window: 2021-05-03..2021-05-07, participants: [ana]}
              - {id: b, title: B, duration: 3d, window: 2021-05-03..2021-05-07, participants: [ana]}
            """)
        #expect(s.status == .infeasible)
    }

    @Test func sharedAudienceAndPlaceKeepEventsApart() throws {
        let s = try Solved(
            """
            audiences:
              - {id: sc, name: SC}
            places:
              - {id: seoul, name: Seoul, zone: Asia/Seoul}
            events:
              - {id: a, title: A, duration: 2d, window: 2021-05-03..2021-05-06, audiences: [sc]}
              - {id: b, title: B, duration: 2d, window: 2021-05-03..2021-05-06, audiences: [sc]}
              - {id: c, title: C, duration: 2d, window: 2021-05-03..2021-05-06, place: seoul}
              - {id: d, title: D, duration: 2d, window: 2021-05-03..2021-05-06, place: seoul}
            """)
        #expect(s.status == .optimal)
        #expect(Set([s.start("a"), s.start("b")]) == ["2021-05-03", "2021-05-05"])
        #expect(Set([s.start("c"), s.start("d")]) == ["2021-05-03", "2021-05-05"])
    }

    @Test func summitStaysClearOfG20AndCOP26() throws {
        let s = try Solved(
            """
            fixed:
              - {id: g20, title: G20 Rome, dates: 2021-10-30..2021-10-31, zone: Europe/Rome}
              - {id: cop26, title: COP26, dates: 2021-10-31..2021-11-12, zone: Europe/London}
            events:
              - {id: summit, title: Summit, duration: 3d, window: 2021-10-28..2021-11-30, zone: Asia/Seoul, \
            avoid: [g20, cop26]}
            """)
        #expect(s.start("summit") == "2021-11-13")
    }

    @Test func sideEventLiesInsideUNGAWeek() throws {
        let s = try Solved(
            """
            fixed:
              - {id: unga, title: UNGA, dates: 2021-09-21..2021-09-27}
            events:
              - {id: side, title: Side event, duration: 2h, window: 2021-09, during: unga, prefer: late}
            """)
        #expect(s.start("side") == "2021-09-27T22:00:00-04:00")
    }

    @Test func chuseokBlackoutInSeoul() throws {
        let s = try Solved(
            """
            events:
              - {id: summit, title: Summit, duration: 3d, window: 2021-09-18..2021-09-30, zone: Asia/Seoul}
            blackouts:
              - {id: chuseok, name: Chuseok, dates: 2021-09-20..2021-09-22, zone: Asia/Seoul}
            """)
        #expect(s.start("summit") == "2021-09-23")
    }

    @Test func weekendsAreTheEventsOwnWeekends() throws {
        // Monday 3 May in Seoul begins on Sunday 2 May in New York: it is still allowed.
        let s = try Solved(
            """
            events:
              - {id: a, title: A, duration: 2d, window: 2021-05-01..2021-05-09, zone: Asia/Seoul}
            blackouts:
              - {id: weekends, weekends: true}
            """)
        #expect(s.start("a") == "2021-05-03")
        #expect(s.utc("a") == "2021-05-02T15:00:00Z")
    }

    @Test func unavailablePersonBlocksTheirDates() throws {
        let s = try Solved(
            """
            people:
              - {id: ana, name: Ana, zone: Europe/Paris, unavailable: [2021-05-01..2021-05-20]}
            events:
              - {id: a, title: A, duration: 1d, window: 2021-05, participants: [ana]}
            """)
        #expect(s.start("a") == "2021-05-21")
    }

    @Test func pinnedEventStaysPut() throws {
        let s = try Solved("events:\n  - {id: a, title: A, duration: 1d, window: 2021-05, pinned: 2021-05-17}\n")
        #expect(s.start("a") == "2021-05-17")
    }

    @Test func travelBufferBetweenInPersonEventsInDifferentPlaces() throws {
        let s = try Solved(
            """
            places:
              - {id: ottawa, name: Ottawa, zone: America/Toronto}
              - {id: seoul, name: Seoul, zone: Asia/Seoul}
            people:
              - {id: ana, name: Ana, zone: Europe/Paris}
            events:
              - {id: a, title: A, duration: 2h, pinned: 2021-05-10T09:00, place: ottawa, participants: [ana]}
              - {id: b, title: B, duration: 2h, window: 2021-05, place: seoul, participants: [ana]}
            """, granularity: "60m")
        // Without a buffer b takes the window's first hour inside Ana's working day (09:00 in Paris).
        #expect(s.utc("b") == "2021-05-01T07:00:00Z")
        let buffered = try Solved(
            """
            places:
              - {id: ottawa, name: Ottawa, zone: America/Toronto}
              - {id: seoul, name: Seoul, zone: Asia/Seoul}
            people:
              - {id: ana, name: Ana, zone: Europe/Paris}
            events:
              - {id: a, title: A, duration: 2h, pinned: 2021-05-10T09:00, place: ottawa, participants: [ana]}
              - {id: b, title: B, duration: 2h, window: 2021-05-10..2021-05-31, place: seoul, participants: [ana]}
            """, granularity: "60m", travelBuffer: "2d")
        // a ends 2021-05-10T15:00Z; b may start 48 h later at the earliest, and then takes the
        // first hour inside Ana's working day.
        #expect(buffered.utc("b") == "2021-05-13T07:00:00Z")
    }

    @Test func weeklyCapSpreadsTheTeamsEvents() throws {
        let s = try Solved(
            """
            events:
              - {id: a, title: A, duration: 1d, window: 2021-05-03..2021-05-16}
              - {id: b, title: B, duration: 1d, window: 2021-05-03..2021-05-16}
              - {id: c, title: C, duration: 1d, window: 2021-05-03..2021-05-16}
            """, maxEventsPerWeek: 2)
        #expect([s.start("a"), s.start("b"), s.start("c")] == ["2021-05-03", "2021-05-03", "2021-05-10"])
    }

    @Test func monthlyCapOnTheCalendarSpreadsEventsOverMonths() throws {
        let s = try Solved(
            """
            events:
              - {id: a, title: A, duration: 1d, window: 2021-05-03..2021-06-30, prefer: early}
              - {id: b, title: B, duration: 1d, window: 2021-05-03..2021-06-30, prefer: early}
              - {id: c, title: C, duration: 1d, window: 2021-05-03..2021-06-30, prefer: early}
            """, maxEventsPerMonth: 2)
        // All three want to be early; only two may start in May, so the third waits for June.
        #expect([s.start("a"), s.start("b"), s.start("c")] == ["2021-05-03", "2021-05-03", "2021-06-01"])
    }

    @Test func monthlyCapOnAnAudienceCountsOnlyItsEvents() throws {
        let s = try Solved(
            """
            audiences:
              - {id: sc, name: Steering Committee, zones: [Europe/Paris], max-events-per-month: 2}
            events:
              - {id: a, title: A, duration: 1d, window: 2021-05-03..2021-06-30, audiences: [sc], prefer: early}
              - {id: b, title: B, duration: 1d, window: 2021-05-03..2021-06-30, audiences: [sc], prefer: early}
              - {id: c, title: C, duration: 1d, window: 2021-05-03..2021-06-30, audiences: [sc], prefer: early}
              - {id: d, title: D, duration: 1d, window: 2021-05-03..2021-06-30, prefer: early}
            """)
        // One audience's events never overlap, and only two of them may start in May.
        #expect([s.start("a"), s.start("b"), s.start("c")] == ["2021-05-03", "2021-05-04", "2021-06-01"])
        #expect(s.start("d") == "2021-05-03")  // not the Steering Committee's: not counted
        let cap = s.model.problem.rules.first { $0.origin.text.contains("Steering Committee") }
        #expect(cap?.origin.text == "at most 2 events for Steering Committee may start in one month")
        #expect(cap?.origin.location.hasSuffix("plan.yaml:8:85") == true, "\(cap?.origin.location ?? "")")
    }
}

@Suite struct ImportedCalendarTests {
    /// A plan in a new folder whose one blackout imports `ics`, loaded.
    static func plan(importing ics: String) throws -> (Plan, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("convene-ics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(ics.utf8).write(to: folder.appendingPathComponent("holidays.ics"))
        let plan = """
            calendar: {id: t, name: T, zone: Europe/Paris, horizon: 2021}
            events:
              - {id: a, title: A, duration: 1d, window: 2021-05-03..2021-05-31}
            blackouts:
              - {id: holidays, ics: holidays.ics}
            """
        try Data(plan.utf8).write(to: folder.appendingPathComponent("plan.yaml"))
        return (try #require(PlanLoader.load(folder.appendingPathComponent("plan.yaml").path).plan), folder)
    }

    @Test func importedHolidaysAreBlackedOut() throws {
        let ics =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
            + "BEGIN:VEVENT\r\nUID:h\r\nDTSTART;VALUE=DATE:20210503\r\nRRULE:FREQ=DAILY;COUNT=4\r\n"
            + "SUMMARY:Holiday\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let (imported, problems) = ImportedCalendars.apply(to: try Self.plan(importing: ics).0)
        #expect(problems.isEmpty)
        #expect(imported.blackouts.first?.dates.count == 4)
        let model = ModelBuilder.build(imported)
        let result = Solver(model.problem).solve()
        let document = ScheduleDocument(model: model, result: result, seed: 0)
        #expect(document.events.first { $0.id == "a" }?.start == "2021-05-07")
    }
}

extension ImportedCalendarTests {
    /// Apple's bare `X-APPLE-RADIUS=…` line is a warning at its line, and the calendar is still
    /// imported.
    @Test func clientQuirksAreWarningsAndTheCalendarIsImported() throws {
        let ics =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
            + "BEGIN:VEVENT\r\nUID:h\r\nDTSTART;VALUE=DATE:20210503\r\n"
            + "X-APPLE-RADIUS=49.91307046514149\r\nSUMMARY:Holiday\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let (plan, folder) = try Self.plan(importing: ics)
        let (imported, problems) = ImportedCalendars.apply(to: plan)
        #expect(
            problems.map(\.description) == [
                "\(folder.appendingPathComponent("holidays.ics").path):7:1: "
                    + "warning: 'X-APPLE-RADIUS=49.91307046514149' "
                    + "is not NAME:value; this vendor line is ignored"
            ])
        #expect(!problems.hasErrors)
        #expect(imported.blackouts.first?.dates.count == 1)
    }
}
