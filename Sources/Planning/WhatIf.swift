import Chronology
import Diagnostics
import PlanFile
import Scheduler

/// A change to try on a plan without editing any file (`convene what-if`), written as planners
/// say it:
///
/// - `move EVENT to DATE` (or `to DATE THH:MM` for a timed event) — pin it there, opening its
///   window to the date if needed;
/// - `drop EVENT` — take it out, with every reference to it;
/// - `widen EVENT to SPAN` — a new window (`2021-07..2021-09`);
/// - `lift BLACKOUT` — the blackout no longer applies; `lift BLACKOUT for EVENT` — not to it;
/// - `gap EVENT after OTHER to DURATION` — the dependency's `min-gap` becomes DURATION.
public enum PlanChange: Sendable, Hashable, CustomStringConvertible {
    case move(event: String, to: Event.Pin)
    case drop(event: String)
    case widen(event: String, to: DateSpan)
    case lift(blackout: String, for: String?)
    case gap(event: String, after: String, to: PlanDuration)

    public var description: String {
        switch self {
        case .move(let e, let pin):
            switch pin {
            case .date(let d): return "move \(e) to \(d)"
            case .dateTime(let t): return "move \(e) to \(t)"
            }
        case .drop(let e): return "drop \(e)"
        case .widen(let e, let span): return "widen \(e) to \(span)"
        case .lift(let b, let e): return "lift \(b)" + (e.map { " for \($0)" } ?? "")
        case .gap(let e, let other, let d): return "gap \(e) after \(other) to \(d)"
        }
    }

    /// Reads one change; the message says what is wrong and how to write it.
    public static func parse(_ text: String) -> Result<PlanChange, ChronologyProblem> {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let usage =
            "write 'move EVENT to DATE', 'drop EVENT', 'widen EVENT to SPAN', 'lift BLACKOUT [for EVENT]' "
            + "or 'gap EVENT after OTHER to DURATION'"
        func fail(_ why: String) -> Result<PlanChange, ChronologyProblem> {
            .failure(ChronologyProblem("'\(text)': \(why); \(usage)"))
        }
        switch (words.first, words.count) {
        case ("move", 4) where words[2] == "to", ("pin", 4) where words[2] == "to":
            if words[3].contains("T") {
                return LocalDateTime.parse(words[3]).map { .move(event: words[1], to: .dateTime($0)) }
            }
            return CivilDate.parse(words[3]).map { .move(event: words[1], to: .date($0)) }
        case ("drop", 2):
            return .success(.drop(event: words[1]))
        case ("widen", 4) where words[2] == "to":
            return DateSpan.parse(words[3]).map { .widen(event: words[1], to: $0) }
        case ("lift", 2):
            return .success(.lift(blackout: words[1], for: nil))
        case ("lift", 4) where words[2] == "for":
            return .success(.lift(blackout: words[1], for: words[3]))
        case ("gap", 6) where words[2] == "after" && words[4] == "to":
            return PlanDuration.parse(words[5]).map { .gap(event: words[1], after: words[3], to: $0) }
        default:
            return fail("not a change Convene knows")
        }
    }

    /// The plan with the change made, or why it cannot be made (an unknown id, with the closest).
    ///
    /// - Parameter at: where the change was written (the command line), for the rules it makes.
    public func applied(to plan: Plan, at location: SourceLocation) -> Result<Plan, ChronologyProblem> {
        var plan = plan
        func index(_ id: String) -> Result<Int, ChronologyProblem> {
            if let a = plan.eventIndex(id) { return .success(a) }
            let hint = Suggestion.didYouMean(id, among: plan.events.map(\.id.value)) ?? "no event Convene places has it"
            return .failure(ChronologyProblem("unknown event '\(id)'; \(hint)"))
        }
        switch self {
        case .move(let id, let pin):
            switch index(id) {
            case .failure(let p): return .failure(p)
            case .success(let a):
                let allDay = plan.events[a].duration.value.isAllDay
                if case .dateTime = pin, allDay {
                    return .failure(ChronologyProblem("'\(id)' lasts whole days: move it to a date, not a time"))
                }
                if case .date = pin, !allDay {
                    return .failure(
                        ChronologyProblem("'\(id)' is timed: move it to a date and time, e.g. 2021-06-14T15:00"))
                }
                var window = plan.events[a].window.value
                let date = pin.date
                if !window.contains(date) {
                    window = DateSpan(first: min(window.first, date), last: max(window.last, date))
                }
                plan.events[a].window = Located(window, at: location)
                plan.events[a].pinned = Located(pin, at: location)
            }
        case .drop(let id):
            switch index(id) {
            case .failure(let p): return .failure(p)
            case .success(let a):
                plan.events.remove(at: a)
                for i in plan.events.indices {
                    plan.events[i].after.removeAll { $0.event.value == id }
                    plan.events[i].avoid.removeAll { $0.value == id }
                    plan.events[i].near.removeAll { $0.event.value == id }
                    plan.events[i].spacing.removeAll { $0.event.value == id }
                    if plan.events[i].during?.value == id { plan.events[i].during = nil }
                }
                for b in plan.blackouts.indices { plan.blackouts[b].appliesTo.removeAll { $0.value == id } }
            }
        case .widen(let id, let span):
            switch index(id) {
            case .failure(let p): return .failure(p)
            case .success(let a):
                guard plan.calendar.horizon.value.contains(span) else {
                    return .failure(
                        ChronologyProblem("the window \(span) is not inside the horizon \(plan.calendar.horizon.value)")
                    )
                }
                plan.events[a].window = Located(span, at: location)
            }
        case .lift(let blackoutId, let eventId):
            guard let b = plan.blackouts.firstIndex(where: { $0.id.value == blackoutId }) else {
                let hint =
                    Suggestion.didYouMean(blackoutId, among: plan.blackouts.map(\.id.value)) ?? "no blackout has it"
                return .failure(ChronologyProblem("unknown blackout '\(blackoutId)'; \(hint)"))
            }
            guard let eventId else {
                plan.blackouts.remove(at: b)
                break
            }
            if case .failure(let p) = index(eventId) { return .failure(p) }
            let applies = plan.blackouts[b].appliesTo.map(\.value)
            let targets = applies.isEmpty ? plan.events.map(\.id.value) : applies
            plan.blackouts[b].appliesTo = targets.filter { $0 != eventId }.map { Located($0, at: location) }
            if plan.blackouts[b].appliesTo.isEmpty { plan.blackouts.remove(at: b) }
        case .gap(let id, let other, let duration):
            switch index(id) {
            case .failure(let p): return .failure(p)
            case .success(let a):
                guard let d = plan.events[a].after.firstIndex(where: { $0.event.value == other }) else {
                    return .failure(ChronologyProblem("'\(id)' has no 'after: \(other)' whose gap could change"))
                }
                plan.events[a].after[d].minGap = Located(duration, at: location)
            }
        }
        return .success(plan)
    }
}

/// What a set of changes does to a schedule: the events that move (least change from the
/// current schedule), those that go, and the cost before and after.
public struct WhatIfReport: Sendable {
    public struct Move: Sendable, Hashable {
        public let id: String
        public let title: String
        /// Where it is now and where it would be, as people read them (last days of all-day events).
        public let from: String?
        public let to: String?
    }

    public let moves: [Move]
    /// The plan's penalties (without the least-change ones) for the current and the new schedule.
    public let costBefore: Int
    public let costAfter: Int

    /// Compares two schedule documents of the same calendar, entry by entry.
    public init(before: ScheduleDocument, after: ScheduleDocument, costBefore: Int, costAfter: Int) {
        let old = Dictionary(before.events.filter { !$0.fixed }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let new = Dictionary(after.events.filter { !$0.fixed }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func text(_ e: ScheduleDocument.Entry?) -> String? {
            e.map { ReadableDates.placement(start: $0.start, end: $0.end) + ($0.room.map { ", \($0)" } ?? "") }
        }
        var moves: [Move] = []
        for id in Set(old.keys).union(new.keys).sorted() {
            let (a, b) = (old[id], new[id])
            guard a?.startUTC != b?.startUTC || a?.room != b?.room || (a == nil) != (b == nil) else { continue }
            moves.append(Move(id: id, title: (b ?? a)?.title ?? id, from: text(a), to: text(b)))
        }
        self.moves = moves
        self.costBefore = costBefore
        self.costAfter = costAfter
    }
}
