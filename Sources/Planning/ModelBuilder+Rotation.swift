import Chronology
import PlanFile
import Scheduler

/// Rotating hours: a series across zones (`repeat: {rotate: [A, B, C]}`) gives its inconvenient
/// hours to one zone at a time, in turn, so that no zone has the early or late slot twice in a
/// row. Occurrence k is penalised for the minutes outside 08:00–20:00 in every listed zone but the
/// k-th in turn (the worst of them counts); the zone whose turn it is may be inconvenienced. The
/// wish for the whole series, its shared hours, is in `ModelBuilder+Shares.swift`.
extension ModelBuilder {
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
