import Foundation
import Planning
import Scheduler
import Testing

/// Series, holidays written once and travel, solved: what the schedule does with each.
@Suite struct SeriesAndTravelRuleTests {
    @Test func occurrencesKeepTheirMinimumGapInOrder() throws {
        let s = try Solved(
            """
            events:
              - id: story
                title: Story {n}
                duration: 1d
                window: 2021-07
                prefer: early
                repeat: {count: 3, min-gap: 10d}
            """)
        // Ten clear days after each: 1 July, then 12 July, then 23 July.
        #expect(
            [s.start("story-01"), s.start("story-02"), s.start("story-03")] == [
                "2021-07-01", "2021-07-12", "2021-07-23",
            ])
    }

    @Test func aMonthlySeriesHasOneOccurrenceEachMonth() throws {
        let s = try Solved(
            """
            events:
              - id: newsletter
                title: Newsletter
                duration: 1d
                window: 2021-07..2021-09
                prefer: late
                repeat: {count: 3, every: monthly}
            """)
        #expect(
            [s.start("newsletter-01"), s.start("newsletter-02"), s.start("newsletter-03")] == [
                "2021-07-31", "2021-08-31", "2021-09-30",
            ])
    }

    @Test func aCadenceAndAGapThatCannotBothHoldAreInfeasible() throws {
        let s = try Solved(
            """
            events:
              - id: call
                title: Call
                duration: 1d
                window: 2021-07..2021-08
                repeat: {count: 2, every: monthly, min-gap: 62d}
            """)
        #expect(s.status == .infeasible)
        let conflict = ConflictFinder.minimalConflict(in: s.model.problem).rules.map {
            s.model.problem.rules[$0].origin
        }
        #expect(
            Set(conflict.map { "\($0.location.split(separator: "/").last ?? "") \($0.text)" }) == [
                "plan.yaml:12:31 'call-01' must lie within its window 2021-07-01..2021-07-31",
                "plan.yaml:12:31 'call-02' must lie within its window 2021-08-01..2021-08-31",
                "plan.yaml:12:13 'call-02' starts at least 62d after 'call-01' ends",
            ])
    }

    @Test func aBlackoutNamingAHolidayKeepsEventsOffIt() throws {
        let s = try Solved(
            """
            fixed:
              - {id: thanksgiving-2021, title: Thanksgiving, kind: holiday, dates: 2021-11-25}
            events:
              - {id: pledging, title: Pledging, duration: 1d, window: 2021-11-24..2021-11-26, prefer: 2021-11-25}
            blackouts:
              - {id: holidays, kind: holiday}
            """)
        #expect(s.start("pledging") == "2021-11-24")
    }

    /// Ana works 09:00–17:00 wherever she is; from 12 to 18 December she is in Seoul (UTC+9).
    static let traveller = """
        people:
          - id: ana
            name: Ana
            zone: America/New_York
            working-hours: 09:00-17:00
            travel: [{dates: TRIP, zone: Asia/Seoul}]
        audiences:
          - {id: team, members: [ana]}
        """

    /// The UTC hour of the call's start, on the given UTC date.
    func hour(_ s: Solved, on date: String) -> Int? {
        guard let utc = s.utc("call"), utc.hasPrefix(date + "T") else { return nil }
        return Int(utc.dropFirst(11).prefix(2))
    }

    @Test func workingHoursFollowATravellerAbroad() throws {
        let event = """

            events:
              - {id: call, title: Call, duration: 1h, window: 2021-12-14, participants: [ana]}
            """
        // At home: inside 09:00-17:00 in New York, 14:00-22:00 UTC; nothing outside her hours.
        let home = try Solved(Self.traveller.replacingOccurrences(of: "TRIP", with: "2021-11-01..2021-11-05") + event)
        #expect(home.result.objective == 0)
        let homeHour = hour(home, on: "2021-12-14")
        #expect(homeHour.map { (14...21).contains($0) } == true)
        // In Seoul: 09:00-17:00 there on the 14th is 00:00-08:00 UTC, and the window (14 December in
        // New York) opens at 05:00 UTC: a start from 05:00 to 07:00 UTC, midnight to 02:00 in New York.
        let away = try Solved(Self.traveller.replacingOccurrences(of: "TRIP", with: "2021-12-12..2021-12-18") + event)
        #expect(away.result.objective == 0)
        let awayHour = hour(away, on: "2021-12-14")
        #expect(awayHour.map { (5...7).contains($0) } == true)
    }

    @Test func localHoursOverAnAudienceFollowATravellingMember() throws {
        let event = """

            events:
              - id: call
                title: Call
                duration: 1h
                window: 2021-12-14
                audiences: [team]
                local-hours: [{between: 09:00-10:00, audiences: [team]}]
            """
        let away = try Solved(Self.traveller.replacingOccurrences(of: "TRIP", with: "2021-12-12..2021-12-18") + event)
        #expect(away.utc("call") == "2021-12-15T00:00:00Z")  // 09:00 in Seoul
        let home = try Solved(Self.traveller.replacingOccurrences(of: "TRIP", with: "2021-11-01..2021-11-05") + event)
        #expect(home.utc("call") == "2021-12-14T14:00:00Z")  // 09:00 in New York
    }

    /// Three-hour calls between New York and Seoul in December always leave someone an hour or
    /// more outside 08:00-20:00: the first call is New York's turn to take it, the second Seoul's.
    @Test func rotatingHoursSpareEachZoneInTurn() throws {
        let s = try Solved(
            """
            events:
              - id: call
                title: Call
                duration: 3h
                repeat:
                  windows: [2021-12-14, 2021-12-21]
                  rotate: [America/New_York, Asia/Seoul]
            """)
        let assignment = try #require(s.result.assignment)
        let shares = try #require(ZoneShares.all(model: s.model, assignment: assignment).first)
        #expect(shares.zones.map(\.identifier) == ["America/New_York", "Asia/Seoul"])
        // Minutes outside 08:00-20:00 in New York and Seoul: New York's turn, then Seoul's, an
        // hour each (18:00-21:00 in New York, then 07:00-10:00 in Seoul).
        #expect(shares.rows.map(\.minutes) == [[60, 0], [0, 60]])
        #expect(s.utc("call-01")?.hasPrefix("2021-12-14T23:00") == true, "\(s.utc("call-01") ?? "")")
        #expect(s.utc("call-02")?.hasPrefix("2021-12-21T22:00") == true, "\(s.utc("call-02") ?? "")")
        // No turn is broken; what is left is the shared hours' wish, the worst-off zone's hour.
        #expect(s.result.objective == 60)
    }

    /// Three zones share a quarterly meeting: the zone with the most minutes outside 08:00-20:00
    /// changes from one meeting to the next, so no zone takes the worst slot twice running.
    @Test func threeZonesShareAQuarterlyMeetingAndNoneTakesTheWorstSlotTwiceRunning() throws {
        let zones = ["America/New_York", "Europe/London", "Asia/Seoul"]
        let s = try Solved(
            """
            events:
              - id: sc
                title: Steering Committee {n}
                duration: 2h
                window: 2021
                repeat: {count: 4, every: quarterly, rotate: [\(zones.joined(separator: ", "))]}
            """)
        let clocks = zones.map { TimeZone(identifier: $0)! }
        var worst: [Int] = []
        for k in 1...4 {
            let start = try #require(s.utc("sc-0\(k)").flatMap { ISO8601DateFormatter().date(from: $0) })
            let minutes = clocks.map { zone -> Int in
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = zone
                return (0..<120).filter { m in
                    let hour = calendar.component(.hour, from: start.addingTimeInterval(Double(m) * 60))
                    return hour < 8 || hour >= 20
                }.count
            }
            worst.append(minutes.firstIndex(of: minutes.max()!)!)
        }
        for k in 1..<4 {
            #expect(worst[k] != worst[k - 1], "meetings \(k) and \(k + 1) are both hard on \(zones[worst[k]])")
        }
    }

    /// A series across two zones, without turns: each three-hour call on a winter evening in New
    /// York leaves an hour outside 08:00-20:00 in one zone or the other, and the worst-off zone's
    /// total over the series is the wish, so the four calls split those hours two and two.
    @Test func aSeriesAcrossZonesSharesItsInconvenientHoursEvenly() throws {
        let s = try Solved(
            """
            events:
              - id: call
                title: Call {n}
                duration: 3h
                local-hours: [{between: 06:00-23:00, zones: [America/New_York, Asia/Seoul]}]
                repeat:
                  windows: [2021-01-12, 2021-01-19, 2021-12-07, 2021-12-14]
            """, granularity: "1h")
        #expect(s.status == .optimal)
        let assignment = try #require(s.result.assignment)
        let shares = try #require(ZoneShares.all(model: s.model, assignment: assignment).first)
        #expect(shares.zones.map(\.identifier) == ["America/New_York", "Asia/Seoul"])
        #expect(shares.totals == [120, 120], "\(shares.rows.map(\.minutes))")
        // Nothing else is wished for: the objective is the worst-off zone's 120 minutes.
        #expect(s.result.objective == 120 && s.model.problem.sharePenalties.count == 1)
        let explained = Explanation.render(model: s.model, assignment: assignment, activity: 0)
        #expect(
            explained.contains(
                "for the whole series: the series 'call' shares its early and late hours among America/New_York, "
                    + "Asia/Seoul: the worst-off zones, America/New_York and Asia/Seoul, have 2 hours each outside "
                    + "08:00-20:00 in all (120 weighted minutes; "
            ),
            "\(explained)")
    }

    /// The table and `explain` show who took the inconvenient hours: each occurrence's minutes
    /// outside 08:00-20:00 in each rotating zone, whose turn it was, and each zone's total share.
    @Test func theTableShowsEachZonesShareOfASeriesInconvenientHours() throws {
        let s = try Solved(
            """
            events:
              - id: sc
                title: Steering Committee {n}
                duration: 2h
                window: 2021
                repeat: {count: 4, every: quarterly, rotate: [America/New_York, Asia/Seoul]}
            """)
        let assignment = try #require(s.result.assignment)
        let shares = try #require(ZoneShares.all(model: s.model, assignment: assignment).first)
        #expect(shares.series == "sc" && shares.zones.map(\.identifier) == ["America/New_York", "Asia/Seoul"])
        #expect(shares.rows.map(\.event) == ["sc-01", "sc-02", "sc-03", "sc-04"])
        #expect(
            shares.rows.map { $0.turn?.identifier } == [
                "America/New_York", "Asia/Seoul", "America/New_York", "Asia/Seoul",
            ])
        // Under US summer time (the second and third quarters) two hours between New York and
        // Seoul leave someone an hour outside 08:00-20:00, and it goes to the zone whose turn it
        // is; in winter 18:00-20:00 in New York is 08:00-10:00 in Seoul, which suits both.
        #expect(shares.rows.map(\.minutes) == [[0, 0], [0, 60], [60, 0], [0, 0]], "\(shares.rows.map(\.minutes))")
        #expect(shares.totals == [60, 60])
        #expect(s.result.status == .optimal && s.result.objective == 60)
        let table = ScheduleTable.render(model: s.model, result: s.result)
        #expect(table.contains("Inconvenient hours of the series 'sc' (minutes outside 08:00-20:00 local time):"))
        #expect(table.contains("(its turn)") && table.contains(" %)"))
        let explained = Explanation.render(model: s.model, assignment: assignment, activity: 1)
        #expect(explained.contains("  Inconvenient hours of the series 'sc'"))
        #expect(explained.contains("  total"))
    }
}
