import Chronology
import PlanFile
import Testing

/// Blackouts that name holidays written once under `fixed:`, and people who travel. The body
/// starts on line 6, after the 5 lines of `calendarHeader`.
@Suite struct HolidayAndTravelTests {
    func load(_ body: String) throws -> PlanLoadResult {
        try PlanFixture(["plan.yaml": calendarHeader + body]).load()
    }

    func messages(_ body: String) throws -> [String] {
        try PlanFixture(["plan.yaml": calendarHeader + body]).messages()
    }

    static let holidays = """
        fixed:
          - {id: chuseok-2021, title: Chuseok, kind: holiday, dates: 2021-09-20..2021-09-22, zone: Asia/Seoul}
          - {id: eid-al-adha-2021, title: Eid al-Adha, kind: holiday, dates: 2021-07-20, zone: Asia/Riyadh}
          - {id: g20, title: G20, kind: forum, dates: 2021-10-30..2021-10-31, zone: Europe/Rome}
        events:
          - {id: summit, title: Summit, duration: 3d, window: 2021-Q3}

        """

    @Test func aBlackoutNamingAHolidayTakesItsDatesAndZone() throws {
        let plan = try #require(try load(Self.holidays + "blackouts:\n  - {id: chuseok, fixed: [chuseok-2021]}\n").plan)
        #expect(plan.blackouts[0].dates.map(\.value.description) == ["2021-09-20..2021-09-22"])
        #expect(plan.blackouts[0].zone == Zone("Asia/Seoul"))
        #expect("\(plan.blackouts[0].dates[0].location)".hasSuffix("plan.yaml:13:27"))
    }

    @Test func extraDatesJoinTheHolidaysIntoOneRange() throws {
        let plan = try #require(
            try load(Self.holidays + "blackouts:\n  - {id: eid, fixed: eid-al-adha-2021, dates: 2021-07-21}\n").plan)
        #expect(plan.blackouts[0].dates.map(\.value.description) == ["2021-07-20..2021-07-21"])
        #expect(plan.blackouts[0].zone == Zone("Asia/Riyadh"))
    }

    @Test func aKindBlacksOutEveryFixedEventOfIt() throws {
        let plan = try #require(
            try load(Self.holidays + "blackouts:\n  - {id: holidays, kind: holiday, zone: America/New_York}\n").plan)
        #expect(plan.blackouts[0].dates.map(\.value.description) == ["2021-07-20", "2021-09-20..2021-09-22"])
        #expect(plan.blackouts[0].zone == Zone("America/New_York"))
    }

    @Test func anUnknownHolidayOrKindSuggestsTheClosest() throws {
        #expect(
            try messages(Self.holidays + "blackouts:\n  - {id: b, fixed: [chusok-2021, summit], kind: holidy}\n") == [
                "plan.yaml:13:21: error: unknown fixed event 'chusok-2021'; did you mean 'chuseok-2021'?",
                "plan.yaml:13:34: error: 'summit' is placed by Convene; a blackout names fixed events only; "
                    + "to keep events apart use 'avoid'",
                "plan.yaml:13:49: error: no fixed event has the kind 'holidy'; did you mean 'holiday'?",
            ])
    }

    static let traveller = """
        people:
          - id: ana
            name: Ana
            zone: America/New_York
            travel:
              - {dates: 2021-12-12..2021-12-18, zone: Asia/Seoul}

        """

    @Test func aTripIsReadWithItsZone() throws {
        let plan = try #require(try load(Self.traveller).plan)
        let trip = try #require(plan.people.first?.travel.first)
        #expect(trip.dates.value.description == "2021-12-12..2021-12-18" && trip.zone.value == Zone("Asia/Seoul"))
    }

    @Test func aTripOutsideTheHorizonIsAnError() throws {
        #expect(
            try messages(Self.traveller.replacingOccurrences(of: "2021-12-18", with: "2022-01-04")) == [
                "plan.yaml:11:17: error: ana's trip 2021-12-12..2022-01-04 is not inside the calendar's horizon "
                    + "2021-01-01..2021-12-31; move the dates or widen the horizon at plan.yaml:5:12"
            ])
    }

    @Test func overlappingTripsAreAnError() throws {
        let body = Self.traveller + "      - {dates: 2021-12-18..2021-12-20, zone: Europe/Rome}\n"
        #expect(
            try messages(body) == [
                "plan.yaml:12:17: error: ana's trip 2021-12-18..2021-12-20 overlaps the trip 2021-12-12..2021-12-18 "
                    + "at plan.yaml:11:17; a person is in one zone a day; end one trip before the next begins"
            ])
    }
}
