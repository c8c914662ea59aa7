import Planning
import Scheduler
import Testing

/// Local-hours rules on the actual date: the weeks when the US and Europe change clocks on
/// different days, a half-hour zone, and both sides of the date line.
@Suite struct TimeZoneRuleTests {
    /// 08:00–18:00 in both New York and London leaves 5 hours most of the year but 6 hours
    /// between 14 and 28 March 2021, when New York is only 4 hours behind.
    static let sixHours = """
        events:
          - id: call
            title: Transatlantic call
            duration: 6h
            window: WINDOW
            prefer: early
            local-hours:
              - between: 08:00-18:00
                zones: [America/New_York, Europe/London]
        """

    @Test func sixHourCallFitsOnlyInTheSpringDaylightSavingGap() throws {
        let march = try Solved(Self.sixHours.replacingOccurrences(of: "WINDOW", with: "2021-03"))
        #expect(march.utc("call") == "2021-03-14T12:00:00Z")  // 08:00 EDT = 12:00 GMT, the first day of the gap
        let early = try Solved(Self.sixHours.replacingOccurrences(of: "WINDOW", with: "2021-03-01..2021-03-13"))
        #expect(early.status == .infeasible)
        let april = try Solved(Self.sixHours.replacingOccurrences(of: "WINDOW", with: "2021-03-28..2021-04-30"))
        #expect(april.status == .infeasible)
    }

    @Test func sixHourCallFitsInTheAutumnGapToo() throws {
        let s = try Solved(Self.sixHours.replacingOccurrences(of: "WINDOW", with: "2021-10-15..2021-11-30"))
        #expect(s.utc("call") == "2021-10-31T12:00:00Z")  // EU back on GMT on 31 October, US on 7 November
    }

    @Test func halfHourZoneKolkata() throws {
        // 09:00–17:00 in Kolkata (UTC+05:30) and London (UTC+01:00 in July) overlap 08:00–11:30 UTC.
        let s = try Solved(
            """
            events:
              - id: call
                title: Call
                duration: 3h
                window: 2021-07-13
                zone: Asia/Kolkata
                prefer: late
                local-hours:
                  - between: 09:00-17:00
                    zones: [Asia/Kolkata, Europe/London]
            """)
        #expect(s.start("call") == "2021-07-13T14:00:00+05:30")
        #expect(s.utc("call") == "2021-07-13T08:30:00Z")
    }

    @Test func acrossTheDateLine() throws {
        // Honolulu (UTC−10) and Auckland (UTC+12 in July): a Monday morning in Honolulu is a
        // Tuesday morning in Auckland; 09:00–17:00 in both overlap 21:00–03:00 UTC.
        let s = try Solved(
            """
            events:
              - id: call
                title: Pacific call
                duration: 2h
                window: 2021-07-12
                zone: Pacific/Honolulu
                prefer: early
                local-hours:
                  - between: 09:00-17:00
                    zones: [Pacific/Honolulu, Pacific/Auckland]
            """)
        #expect(s.start("call") == "2021-07-12T11:00:00-10:00")
        #expect(s.utc("call") == "2021-07-12T21:00:00Z")  // 09:00 on Tuesday 13 July in Auckland
    }

    @Test func apiaIsAheadOfAucklandInDecember() throws {
        // Samoa kept UTC+13 in December 2021 (no daylight saving from 2021); Auckland is UTC+13 too.
        let s = try Solved(
            """
            events:
              - id: call
                title: Call
                duration: 1h
                window: 2021-12-15
                zone: Pacific/Apia
                prefer: early
                local-hours:
                  - between: 08:00-18:00
                    zones: [Pacific/Apia, Pacific/Auckland, Asia/Seoul]
            """)
        // Seoul 08:00 is 12:00 in Apia and Auckland.
        #expect(s.start("call") == "2021-12-15T12:00:00+13:00")
    }
}
