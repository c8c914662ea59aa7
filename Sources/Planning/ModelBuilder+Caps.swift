import Chronology
import PlanFile
import Scheduler

/// Counting caps: at most so many events may start in one period — the team's capacity per
/// week (`max-events-per-week`) and per month (`max-events-per-month` on the calendar), and
/// an audience's per month (`max-events-per-month` on an audience: "at most two Steering
/// Committee events in any month").
///
/// Each is the solver's one `CountingCap` over buckets of local days; a new period or grouping
/// is a bucket function here.
extension ModelBuilder {
    mutating func addCountingCaps() {
        guard !plan.events.isEmpty else { return }
        let everyone = Array(plan.events.indices)
        if let cap = plan.calendar.maxEventsPerWeek {
            addCap(
                everyone, cap, unit: "week", bucket: Self.week,
                Origin("at most \(cap.value) events may start in one week", at: "\(cap.location)"))
        }
        if let cap = plan.calendar.maxEventsPerMonth {
            addCap(
                everyone, cap, unit: "month", bucket: Self.month,
                Origin("at most \(cap.value) events may start in one month", at: "\(cap.location)"))
        }
        for audience in plan.audiences {
            guard let cap = audience.maxEventsPerMonth else { continue }
            let following = plan.events.indices.filter {
                plan.events[$0].audiences.contains { $0.value == audience.id.value }
            }
            guard following.count > cap.value else { continue }  // it cannot bind
            addCap(
                following, cap, unit: "month", bucket: Self.month,
                Origin("at most \(cap.value) events for \(audience.name) may start in one month", at: "\(cap.location)")
            )
        }
    }

    /// A cap over `activities` with one bucket per local day of the horizon (and a day either
    /// side, where timed events in other zones may start).
    private mutating func addCap(
        _ activities: [Int], _ cap: Located<Int>, unit: String, bucket: (Int) -> Int, _ origin: Origin
    ) {
        let first = horizon.first.dayNumber - 2, last = horizon.last.dayNumber + 2
        let rule = CountingCap(
            activities: activities, cap: cap.value, unit: unit, firstDay: first,
            bucketOfDay: (first...last).map(bucket))
        rules.append(Rule(.countingCap(rule), origin: origin))
    }

    /// The calendar month of a day: months since year 0.
    static func month(_ day: Int) -> Int {
        let date = CivilDate(dayNumber: day)
        return date.year * 12 + date.month - 1
    }
}
