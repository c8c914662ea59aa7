import Diagnostics
import Scheduler

/// Penalties and objectives in the units a plan is written in: days and weeks for all-day
/// wishes, hours and minutes for timed ones, weighted days for a year's objective.
///
/// The solver adds minutes × weight (a day is 1440 minutes); these turn its sums back into
/// what a planner wrote.
public enum PlanUnits {
    /// `2 weeks`, `3 days`, `1 hour 30 minutes`, `45 minutes`.
    public static func amount(minutes: Int, scale: TimeScale) -> String {
        if scale == .days || (minutes >= 1440 && minutes % 1440 == 0) {
            let days = minutes / 1440
            if days >= 7 && days % 7 == 0 { return plural(days / 7, "week") }
            return plural(days, "day")
        }
        let (hours, rest) = (minutes / 60, minutes % 60)
        if hours == 0 { return plural(rest, "minute") }
        return rest == 0 ? plural(hours, "hour") : "\(plural(hours, "hour")) \(plural(rest, "minute"))"
    }

    /// An objective or bound: `241 weighted days` when it counts whole days, else
    /// `8,475 weighted minutes`.
    ///
    /// - Parameter unitOf: the value whose unit both use (the objective, so that a bound beside
    ///   it reads in the same unit); a bound that is not a whole number of days is rounded down,
    ///   which keeps it a bound.
    public static func weighted(_ value: Int, unitOf reference: Int? = nil) -> String {
        let inDays = (reference ?? value) % 1440 == 0 && (reference ?? value) != 0
        return inDays
            ? "\((value / 1440).groupedDigits) weighted day\(value / 1440 == 1 ? "" : "s")"
            : "\(value.groupedDigits) weighted minute\(value == 1 ? "" : "s")"
    }

    static func plural(_ n: Int, _ unit: String) -> String { "\(n) \(unit)\(n == 1 ? "" : "s")" }
}
