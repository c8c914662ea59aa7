import Chronology
import Diagnostics

/// Blackouts that name fixed events (`fixed: [chuseok-2021]`) or kinds of them (`kind: holiday`)
/// black out those events' dates, so that a holiday is written once, under `fixed:`.
enum BlackoutHolidays {
    /// Adds the named fixed events' dates to each blackout (each at the name's position) and
    /// gives a blackout without `zone` the zone its fixed events share; reports names that
    /// resolve to nothing.
    static func resolve(_ plan: inout Plan, log: DiagnosticLog) {
        let fixedIds = plan.fixedEvents.map(\.id.value)
        let kinds = Set(plan.fixedEvents.map(\.kind)).sorted()
        for i in plan.blackouts.indices {
            let blackout = plan.blackouts[i]
            var named: [(Located<String>, FixedEvent)] = []
            for ref in blackout.fixed {
                if let fixed = plan.fixedEvent(ref.value) {
                    named.append((ref, fixed))
                } else if plan.event(ref.value) != nil {
                    log.error(
                        ref.location, "'\(ref.value)' is placed by Convene; a blackout names fixed events only",
                        hint: "to keep events apart use 'avoid'")
                } else {
                    log.error(
                        ref.location, "unknown fixed event '\(ref.value)'",
                        hint: Suggestion.didYouMean(ref.value, among: fixedIds) ?? "no fixed event has this id")
                }
            }
            for kind in blackout.kinds {
                let matching = plan.fixedEvents.filter { $0.kind == kind.value }
                if matching.isEmpty {
                    log.error(
                        kind.location, "no fixed event has the kind '\(kind.value)'",
                        hint: Suggestion.didYouMean(kind.value, among: kinds)
                            ?? "the kinds of fixed events here are: \(kinds.joined(separator: ", "))")
                }
                named += matching.map { (kind, $0) }
            }
            guard !named.isEmpty else { continue }
            plan.blackouts[i].dates = merged(blackout.dates + named.map { Located(days(of: $0.1), at: $0.0.location) })
            let zones = Set(named.map { $0.1.venue.zone })
            if blackout.declaredZone == nil, zones.count == 1, let zone = zones.first { plan.blackouts[i].zone = zone }
        }
    }

    /// The spans in date order, those that overlap or touch made one (at the first one's position),
    /// so that a holiday and the extra day written beside it read as one range.
    static func merged(_ spans: [Located<DateSpan>]) -> [Located<DateSpan>] {
        var result: [Located<DateSpan>] = []
        for span in spans.sorted(by: { $0.value.first < $1.value.first }) {
            if let last = result.last, span.value.first.dayNumber <= last.value.last.dayNumber + 1 {
                let joined = DateSpan(first: last.value.first, last: max(last.value.last, span.value.last))
                result[result.count - 1] = Located(joined, at: last.location)
            } else {
                result.append(span)
            }
        }
        return result
    }

    /// The local dates a fixed event touches in its own zone.
    static func days(of fixed: FixedEvent) -> DateSpan {
        switch fixed.when.value {
        case .days(let span): return span
        case .timed(let start, let duration):
            let lastMinute = start.time.minutes + duration.totalMinutes - 1
            return DateSpan(first: start.date, last: start.date.adding(days: lastMinute / 1440))
        }
    }
}
