import Chronology
import Testing

@Suite struct CivilDateTests {
    @Test func dayNumbersRoundTripAcrossCenturies() {
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(dayNumber: n).dayNumber == n)
        }
        #expect(CivilDate(year: 1970, month: 1, day: 1)?.dayNumber == 0)
        #expect(CivilDate(year: 2021, month: 5, day: 17)?.dayNumber == 18764)
    }

    @Test func weekdaysAreRight() {
        #expect(CivilDate(year: 2021, month: 5, day: 17)?.weekday == 1)  // Monday, Open Gov Week
        #expect(CivilDate(year: 2021, month: 12, day: 15)?.weekday == 3)  // Wednesday, the Summit
        #expect(CivilDate(year: 2021, month: 9, day: 25)?.isWeekend == true)
    }

    @Test func impossibleDatesAreRefusedWithAReason() {
        #expect(
            CivilDate.parse("2021-02-30")
                == .failure(ChronologyProblem("impossible date '2021-02-30': February 2021 has 28 days")))
        #expect(CivilDate.parse("2020-02-29") == .success(CivilDate(year: 2020, month: 2, day: 29)!))
        #expect(CivilDate.parse("1900-02-29").isFailure)
        #expect(CivilDate.parse("2000-02-29").isSuccess)
        #expect(CivilDate.parse("2021-5-17").isFailure)
        #expect(CivilDate.parse("17/05/2021").isFailure)
    }

    @Test func periodsCoverWholeMonthsAndQuarters() throws {
        let q4 = try DateSpan.parse("2021-Q4").get()
        #expect(q4.first.description == "2021-10-01" && q4.last.description == "2021-12-31")
        let feb = try DateSpan.parse("2020-02").get()
        #expect(feb.dayCount == 29)
        let range = try DateSpan.parse("2021-07..2021-09").get()
        #expect(range.description == "2021-07-01..2021-09-30")
        #expect(try DateSpan.parse("2021-09-30..2021-07-01").get().endsBeforeItStarts)
        #expect(DateSpan.parse("2021-Q5").isFailure)
        #expect(DateSpan.parse("2021-13").isFailure)
    }

    @Test func durationsHaveOneSyntax() throws {
        #expect(try PlanDuration.parse("5d").get() == PlanDuration(days: 5))
        #expect(try PlanDuration.parse("2w").get() == PlanDuration(days: 14))
        #expect(try PlanDuration.parse("1h30m").get() == PlanDuration(minutes: 90))
        #expect(try PlanDuration.parse("90m").get().description == "1h30m")
        #expect(PlanDuration.parse("1d2h").isFailure)
        #expect(PlanDuration.parse("0d").isFailure)
        #expect(PlanDuration.parse("5").isFailure)
        #expect(PlanDuration.parse("h").isFailure)
        #expect(PlanDuration.parse("2h2h").isFailure)
    }

    @Test func timesAndRanges() throws {
        #expect(try LocalTime.parse("08:00").get().minutes == 480)
        #expect(try LocalTime.parse("24:00").get().minutes == 1440)
        #expect(LocalTime.parse("24:01").isFailure)
        #expect(LocalTime.parse("8h").isFailure)
        #expect(try LocalTimeRange.parse("18:00-08:00").get().isEmpty)
        #expect(try !LocalTimeRange.parse("08:00-18:00").get().isEmpty)
    }
}

extension Result {
    var isFailure: Bool { if case .failure = self { return true } else { return false } }
    var isSuccess: Bool { !isFailure }
}
