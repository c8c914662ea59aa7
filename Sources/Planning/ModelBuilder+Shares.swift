import Chronology
import PlanFile
import Scheduler

/// Shared hours: a timed series across zones (its `rotate:` zones, else those its local-hours
/// rules name, as in the table of shares: `ZoneShares.zones`) shares its early and late hours
/// rather than leaving them to one zone. Each zone's minutes outside 08:00–20:00 add up over
/// the series, and the worst-off zone's total, in minutes × the event's weight, is one penalty
/// for the whole series (`SharePenalty`).
extension ModelBuilder {
    /// One share penalty per timed series across two or more zones.
    mutating func addSeriesShares() {
        for (series, occurrences) in ZoneShares.series(of: plan.events) {
            if isPastDeadline() { return }
            let first = plan.events[occurrences[0]]
            let zones = ZoneShares.zones(of: first)
            guard !first.duration.value.isAllDay, zones.count > 1, occurrences.count > 1 else { continue }
            let clocks = zones.map { clock($0) }
            let allowed = occurrences.map { allowedSlots($0) }
            let values = clocks.map { zoneClock in
                occurrences.indices.map { m in
                    activities[occurrences[m]].slots.enumerated().map { i, slot in
                        allowed[m].contains(i) ? Self.minutesOutside(slot, Self.audienceHours, on: zoneClock) : 0
                    }
                }
            }
            guard values.contains(where: { $0.contains { $0.contains { $0 != 0 } } }) else { continue }
            let location = first.occurrence?.rotationLocation ?? first.location
            sharePenalties.append(
                SharePenalty(
                    activities: occurrences, values: values, parties: zones.map(\.identifier),
                    origin: Origin(
                        "the series '\(series)' shares its early and late hours among "
                            + zones.map(\.identifier).joined(separator: ", "),
                        at: "\(location)"),
                    weight: first.weight))
        }
    }
}
