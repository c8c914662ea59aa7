import Chronology
import PlanFile
import Scheduler

/// Rotating hours, two wishes about a timed series across zones:
/// - shared hours (every such series): the minutes outside 08:00–20:00 add up per zone over the
///   series, and the worst-off zone's total is the penalty (`SharePenalty`), so that the early
///   and late hours are shared rather than left to one zone. The zones are the series' `rotate:`
///   zones, else those its local-hours rules name (`ZoneShares.zones`), as in the table of shares.
/// - turns (`repeat: {rotate: [A, B, C]}`): the series gives its inconvenient hours to one zone
///   at a time, in turn, so that no zone has the early or late slot twice in a row. Occurrence k
///   is penalised for the minutes outside 08:00–20:00 in every listed zone but the k-th in turn
///   (the worst of them counts); the zone whose turn it is may be inconvenienced.
extension ModelBuilder {
    /// One share penalty per timed series across two or more zones.
    mutating func addSeriesShares() {
        var order: [String] = [], members: [String: [Int]] = [:]
        for (a, event) in plan.events.enumerated() {
            guard let series = event.occurrence?.series else { continue }
            if members[series] == nil { order.append(series) }
            members[series, default: []].append(a)
        }
        for series in order {
            if isPastDeadline() { return }
            let occurrences = members[series]!
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

    mutating func addRotation(_ a: Int, _ event: Event, _ occurrence: SeriesOccurrence) {
        guard let turn = occurrence.turn else { return }
        let spared = occurrence.rotation.filter { $0 != turn }.map { clock($0) }
        let weight = event.weight, hours = Self.audienceHours
        let location = occurrence.rotationLocation ?? event.location
        penalise(
            a,
            Origin(
                "\(event.quoted) leaves the early or late hours to \(turn) this time (rotating hours)",
                at: "\(location)"),
            weight: weight, measure: "outside 08:00-20:00 in a zone whose turn it is not"
        ) { slot in
            weight * spared.map { Self.minutesOutside(slot, hours, on: $0) }.reduce(0, max)
        }
    }
}
