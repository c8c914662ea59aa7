import Chronology
import PlanFile
import Scheduler

/// Who takes a series' inconvenient hours: for each occurrence of a series across zones, the
/// minutes it lies outside 08:00–20:00 in each zone, and each zone's total share over the
/// series. The zones are the series' `rotate:` zones, else those its local-hours rules name.
public struct ZoneShares: Sendable {
    public struct Row: Sendable {
        public var event: String
        /// Minutes outside 08:00–20:00, one per zone, in `zones`' order.
        public var minutes: [Int]
        /// The zone whose turn it was, when the series rotates.
        public var turn: Zone?
    }

    public var series: String
    public var zones: [Zone]
    public var rows: [Row]

    /// Each zone's minutes over the whole series.
    public var totals: [Int] { zones.indices.map { z in rows.reduce(0) { $0 + $1.minutes[z] } } }

    /// The shares of every series in `model` across two or more zones, in the plan's order.
    public static func all(model: PlanModel, assignment: [Int]) -> [ZoneShares] {
        series(of: model.plan.events).compactMap { series, occurrences in
            let first = model.plan.events[occurrences[0]]
            let zones = Self.zones(of: first)
            guard !first.duration.value.isAllDay, zones.count > 1 else { return nil }
            let clocks = zones.map { model.clock($0) }
            let rows = occurrences.map { a in
                let slot = model.slot(a, assignment)
                return Row(
                    event: model.plan.events[a].id.value,
                    minutes: clocks.map { ModelBuilder.minutesOutside(slot, ModelBuilder.audienceHours, on: $0) },
                    turn: model.plan.events[a].occurrence?.turn)
            }
            return ZoneShares(series: series, zones: zones, rows: rows)
        }
    }

    /// Each series of `events` with its occurrences' positions, in the order the series first appear.
    static func series(of events: [Event]) -> [(series: String, occurrences: [Int])] {
        var order: [String] = [], members: [String: [Int]] = [:]
        for (a, event) in events.enumerated() {
            guard let series = event.occurrence?.series else { continue }
            if members[series] == nil { order.append(series) }
            members[series, default: []].append(a)
        }
        return order.map { ($0, members[$0]!) }
    }

    /// The zones a series' inconvenient hours are shared among, read from its first occurrence:
    /// its `rotate:` zones, else the zones its local-hours rules name (sorted).
    static func zones(of first: Event) -> [Zone] {
        let rotation = first.occurrence?.rotation ?? []
        return rotation.isEmpty ? Array(Set(first.localHours.flatMap { $0.zones.map(\.value) })).sorted() : rotation
    }

    /// The share as text: one line per occurrence, then the totals with each zone's percentage.
    public func render() -> String {
        let header = ["", "OCCURRENCE"] + zones.map(\.identifier)
        var table = [header]
        for row in rows {
            table.append(
                ["", row.event]
                    + zones.indices.map { z in "\(row.minutes[z]) min" + (row.turn == zones[z] ? " (its turn)" : "") })
        }
        let all = max(1, totals.reduce(0, +))
        table.append(["", "total"] + totals.map { "\($0) min (\(Int((Double($0) * 100 / Double(all)).rounded())) %)" })
        let lines = TerminalWidth.columns(table)
        return "Inconvenient hours of the series '\(series)' (minutes outside 08:00-20:00 local time):\n"
            + lines.joined(separator: "\n") + "\n"
    }
}
