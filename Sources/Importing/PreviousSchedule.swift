import Chronology
import Planning

/// The programme's own times as a Convene schedule document (docs/schedule-format.md), for
/// `convene plan PLAN --keep <id>.previous.json` to change as little as possible, and for
/// `convene verify` to check against the plan.
enum PreviousSchedule {
    static func document(_ draft: PlanDraft) -> ScheduleDocument {
        let days = draft.sessions.map { $0.startUTC / 1440 }
        let clock = ZoneClock(draft.zone, firstDay: (days.min() ?? 0) - 2, lastDay: (days.max() ?? 0) + 2)
        let entries = draft.sessions.map { s in
            var entry = ScheduleDocument.Entry(
                id: s.id, title: s.title, kind: s.kind ?? "event", allDay: false,
                start: Timestamp.rfc3339(s.startUTC, clock: clock),
                end: Timestamp.rfc3339(s.startUTC + s.minutes, clock: clock), timezone: draft.zone.identifier,
                room: s.isSession ? s.room : nil, fixed: false, startUTC: Timestamp.utc(s.startUTC),
                endUTC: Timestamp.utc(s.startUTC + s.minutes))
            entry.track = s.isSession ? s.track : nil
            return entry
        }
        return ScheduleDocument(
            calendar: draft.id, status: "feasible", objective: nil, bound: nil, seed: 0, events: entries)
    }
}
