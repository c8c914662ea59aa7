import Chronology
import Testing

/// Offsets on real dates: the US and EU change clocks on different days, India is on a
/// half-hour offset, and Samoa and New Zealand sit by the date line.
@Suite struct ZoneTests {
    func utc(_ date: String, _ h: Int, _ m: Int = 0) throws -> Int {
        try CivilDate.parse(date).get().dayNumber * 1440 + h * 60 + m
    }

    @Test func newYorkIsFourHoursBehindLondonBetweenTheTwoSpringChanges() throws {
        let ny = try #require(Zone("America/New_York")), london = try #require(Zone("Europe/London"))
        let before = try utc("2021-03-10", 15), between = try utc("2021-03-20", 15), after = try utc("2021-04-01", 15)
        #expect(london.offsetMinutes(atUTCMinute: before) - ny.offsetMinutes(atUTCMinute: before) == 300)
        #expect(london.offsetMinutes(atUTCMinute: between) - ny.offsetMinutes(atUTCMinute: between) == 240)
        #expect(london.offsetMinutes(atUTCMinute: after) - ny.offsetMinutes(atUTCMinute: after) == 300)
        let autumn = try utc("2021-11-03", 15)
        #expect(london.offsetMinutes(atUTCMinute: autumn) - ny.offsetMinutes(atUTCMinute: autumn) == 240)
    }

    @Test func aReadingInTheSpringGapMovesForwardByTheGap() throws {
        let ny = try #require(Zone("America/New_York"))
        let date = try CivilDate.parse("2021-03-14").get()
        // 02:30 does not exist on 14 March 2021 in New York; it is read as 03:30 EDT = 07:30Z.
        #expect(ny.utcMinute(of: date, minuteOfDay: 150) == (try utc("2021-03-14", 7, 30)))
        #expect(ny.utcMinute(of: date, minuteOfDay: 60) == (try utc("2021-03-14", 6)))
    }

    @Test func aReadingInTheAutumnOverlapIsTheEarlierInstant() throws {
        let ny = try #require(Zone("America/New_York"))
        let date = try CivilDate.parse("2021-11-07").get()
        #expect(ny.utcMinute(of: date, minuteOfDay: 90) == (try utc("2021-11-07", 5, 30)))
    }

    @Test func kolkataIsFiveAndAHalfHoursAhead() throws {
        let kolkata = try #require(Zone("Asia/Kolkata"))
        let instant = kolkata.utcMinute(of: try CivilDate.parse("2021-07-13").get(), minuteOfDay: 9 * 60)
        #expect(instant == (try utc("2021-07-13", 3, 30)))
        #expect(kolkata.offsetLabel(atUTCMinute: instant) == "UTC+05:30")
    }

    @Test func aucklandAndApiaAreOnTheNextDay() throws {
        let auckland = try #require(Zone("Pacific/Auckland")), apia = try #require(Zone("Pacific/Apia"))
        let instant = try utc("2021-12-15", 10)  // the Summit's opening, 19:00 in Seoul
        #expect(auckland.local(atUTCMinute: instant).date.description == "2021-12-15")
        #expect(auckland.local(atUTCMinute: instant).minuteOfDay == 23 * 60)  // NZDT, UTC+13
        #expect(apia.local(atUTCMinute: instant).date.description == "2021-12-15")
        #expect(apia.local(atUTCMinute: instant).minuteOfDay == 23 * 60)  // Samoa dropped DST in 2021: UTC+13
        let late = try utc("2021-12-15", 12)
        #expect(auckland.local(atUTCMinute: late).date.description == "2021-12-16")
        let honolulu = try #require(Zone("Pacific/Honolulu"))
        #expect(honolulu.local(atUTCMinute: late).date.description == "2021-12-15")
    }

    @Test func abbreviationsAndTyposAreNotZones() {
        #expect(Zone("Asia/Seol") == nil)
        #expect(Zone("KST") == nil)
        #expect(Zone("Asia/Seoul") != nil)
        #expect(Zone("UTC") != nil)
    }
}

@Suite struct ZoneClockTests {
    @Test(arguments: [
        "America/New_York", "Europe/London", "Asia/Kolkata", "Pacific/Apia", "Pacific/Auckland", "Australia/Lord_Howe",
        "Asia/Seoul",
    ])
    func agreesWithTheTzDatabaseEveryHourOf2021(name: String) throws {
        let zone = try #require(Zone(name))
        let first = try CivilDate.parse("2021-01-01").get().dayNumber
        let clock = ZoneClock(zone, firstDay: first, lastDay: first + 364)
        for hour in stride(from: first * 1440, to: (first + 365) * 1440, by: 37) {
            #expect(clock.offset(atUTCMinute: hour) == zone.offsetMinutes(atUTCMinute: hour))
        }
        for day in stride(from: first, to: first + 365, by: 1) {
            for minute in [0, 90, 150, 600, 1410] {
                #expect(
                    clock.utcMinute(day: day, minute: minute)
                        == zone.utcMinute(of: CivilDate(dayNumber: day), minuteOfDay: minute))
            }
        }
    }
}
