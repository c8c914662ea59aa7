import Chronology
import Diagnostics
import Foundation

/// Turns each event with `repeat:` into its occurrences — ordinary events `<id>-01`, `<id>-02`, …
/// each with its own window, chained by `after` dependencies that carry the series' gaps — so
/// that nothing after the plan file knows series exist. Every value of an occurrence keeps the
/// position it was written at in the series.
enum SeriesExpansion {
    /// The events with every series replaced by its occurrences, in the series' place.
    static func expand(_ events: [Event], log: DiagnosticLog) -> [Event] {
        var expanded: [Event] = []
        expanded.reserveCapacity(events.count)
        for event in events {
            guard let repetition = event.repetition else {
                expanded.append(event)
                continue
            }
            if let pin = event.pinned {
                log.error(
                    pin.location, "a series is pinned occurrence by occurrence, not as a whole",
                    hint: "pin each announced occurrence under 'occurrences', e.g. - {pinned: \(pin.value.date)}")
            }
            if let first = repetition.rotate.first, event.duration.value.isAllDay {
                log.error(
                    first.location,
                    "'rotate' shares out the hours of timed events, but '\(event.id.value)' lasts whole days "
                        + "(\(event.duration.value))",
                    hint: "give the event a duration in hours, or remove 'rotate'")
            }
            guard let windows = windows(of: event, repetition, log: log) else { continue }
            checkRoom(event, repetition, windows: windows, log: log)
            expanded += occurrences(of: event, repetition, windows: windows)
        }
        return expanded
    }

    /// Occurrence `k`'s window: its own, its entry in `windows`, its cadence period within the
    /// series' window, or the series' window.
    static func windows(of event: Event, _ repetition: Repetition, log: DiagnosticLog) -> [Located<DateSpan>]? {
        let count = repetition.count.value, window = event.window
        var result: [Located<DateSpan>] = []
        for k in 0..<count {
            if k < repetition.occurrences.count, let own = repetition.occurrences[k].window {
                result.append(own)
            } else if k < repetition.windows.count {
                result.append(repetition.windows[k])
            } else if let cadence = repetition.cadence {
                let period = Self.period(k, of: cadence.value, from: window.value.first)
                guard period.first <= window.value.last else {
                    let held = (0..<count).prefix {
                        Self.period($0, of: cadence.value, from: window.value.first).first
                            <= window.value.last
                    }.count
                    log.error(
                        repetition.count.location,
                        "event '\(event.id.value)' repeats \(count) times \(describe(cadence.value)), but its window "
                            + "\(window.value) holds only \(held) such period\(held == 1 ? "" : "s")",
                        hint: "lower 'count' to \(held) or widen the window at \(window.location)")
                    return nil
                }
                let clipped = DateSpan(
                    first: max(period.first, window.value.first), last: min(period.last, window.value.last))
                result.append(Located(clipped, at: cadence.location))
            } else {
                result.append(window)
            }
        }
        return result
    }

    /// The `k`-th period (0 for the first) of a cadence, counted from the one holding `first`.
    static func period(_ k: Int, of cadence: Repetition.Cadence, from first: CivilDate) -> DateSpan {
        switch cadence {
        case .days(let n):
            let start = first.adding(days: k * n)
            return DateSpan(first: start, last: start.adding(days: n - 1))
        case .weeks:
            let monday = first.adding(days: 1 - first.weekday).adding(days: 7 * k)
            return DateSpan(first: monday, last: monday.adding(days: 6))
        case .months, .quarters:
            let months = cadence == .months ? 1 : 3
            let firstMonth = cadence == .months ? first.month - 1 : (first.month - 1) / 3 * 3
            let index = first.year * 12 + firstMonth + k * months
            let (year, month) = (index / 12, index % 12 + 1)
            let endIndex = index + months - 1
            let (endYear, endMonth) = (endIndex / 12, endIndex % 12 + 1)
            return DateSpan(
                first: CivilDate(year: year, month: month, day: 1)!,
                last: CivilDate(year: endYear, month: endMonth, day: CivilDate.daysIn(month: endMonth, year: endYear))!)
        }
    }

    static func describe(_ cadence: Repetition.Cadence) -> String {
        switch cadence {
        case .weeks: return "weekly"
        case .months: return "monthly"
        case .quarters: return "quarterly"
        case .days(let n): return n % 7 == 0 ? "every \(n / 7)w" : "every \(n)d"
        }
    }

    /// Every occurrence, with the least gaps between them, must fit in the series' window when
    /// they share it: a count × duration longer than the window can never be placed.
    static func checkRoom(_ event: Event, _ repetition: Repetition, windows: [Located<DateSpan>], log: DiagnosticLog) {
        guard Set(windows.map(\.value)).count == 1, let shared = windows.first?.value, !shared.endsBeforeItStarts
        else { return }
        let count = repetition.count.value, duration = event.duration.value
        let gap = repetition.minGap?.value
        let needed: Int, available: Int
        if duration.isAllDay && (gap?.isAllDay ?? true) {
            (needed, available) = (count * duration.days + (count - 1) * (gap?.days ?? 0), shared.dayCount)
        } else {
            let minutes = count * duration.totalMinutes + (count - 1) * (gap?.totalMinutes ?? 0)
            (needed, available) = ((minutes + 1439) / 1440, shared.dayCount)
        }
        guard needed > available else { return }
        let gaps = gap.map { " with \($0) between them" } ?? ""
        log.error(
            repetition.count.location,
            "\(count) occurrences of event '\(event.id.value)' lasting \(duration)\(gaps) need \(needed) days, "
                + "but its window \(shared) has only \(available)",
            hint: "lower 'count', shorten the event or widen the window at \(event.window.location)")
    }

    /// The events of one series.
    static func occurrences(of event: Event, _ repetition: Repetition, windows: [Located<DateSpan>]) -> [Event] {
        let count = repetition.count.value
        let ids = (0..<count).map { k in
            k < repetition.occurrences.count
                ? repetition.occurrences[k].id : nil
        }
        var result: [Event] = []
        for k in 0..<count {
            let details = k < repetition.occurrences.count ? repetition.occurrences[k] : nil
            let number = k + 1
            let id =
                ids[k]
                ?? Located(
                    SeriesOccurrence.id(event.id.value, number: number, count: count),
                    at: details?.location ?? event.id.location)
            var occurrence = event
            occurrence.repetition = nil
            occurrence.occurrence = SeriesOccurrence(
                series: event.id.value, number: number, count: count, rotation: repetition.rotate.map(\.value),
                rotationLocation: repetition.rotate.first?.location)
            occurrence.id = id
            occurrence.title = numbered(details?.title?.value ?? event.title, number)
            occurrence.description = (details?.description ?? event.description).map { numbered($0, number) }
            occurrence.window = windows[k]
            occurrence.pinned = details?.pinned
            occurrence.location = details?.location ?? event.location
            if let details {
                occurrence.avoid += details.avoid
                if let during = details.during { occurrence.during = during }
                if let venue = details.venue { occurrence.venue = venue }
            }
            if k > 0 {
                let previous = ids[k - 1]?.value ?? SeriesOccurrence.id(event.id.value, number: k, count: count)
                occurrence.after = [
                    Dependency(
                        event: Located(previous, at: repetition.location), minGap: repetition.minGap,
                        maxGap: repetition.maxGap, from: .end, location: repetition.location)
                ]
            }
            occurrence.after += details?.after ?? []
            result.append(occurrence)
        }
        return result
    }

    /// `{n}` in a title or description becomes the occurrence's number.
    static func numbered(_ text: String, _ number: Int) -> String {
        text.replacingOccurrences(of: "{n}", with: String(number))
    }
}
