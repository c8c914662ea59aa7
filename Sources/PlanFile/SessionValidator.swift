import Chronology
import Diagnostics

/// Checks of a timetabled summit: sessions refer to real tracks, fit some room, and lie in
/// the summit's days.
enum SessionValidator {
    static func validate(_ plan: Plan, log: DiagnosticLog) {
        let tracks = Set(plan.tracks.map(\.id.value))
        let largest = plan.rooms.map(\.capacity).max() ?? 0
        let largestVirtual = plan.rooms.filter(\.isVirtual).map(\.capacity).max() ?? 0
        let sessions = plan.events.filter(\.session.isSession)
        if !sessions.isEmpty && plan.summit == nil, let first = sessions.first {
            log.error(
                first.location, "event '\(first.id.value)' is a session, but the plan has no summit section",
                hint: "add summit: with days and hours (docs/plan-format.md)")
        }
        if let summit = plan.summit, !plan.calendar.horizon.value.contains(summit.days.value) {
            log.error(
                summit.days.location,
                "the summit's days \(summit.days.value) are not inside the horizon \(plan.calendar.horizon.value)")
        }
        for event in sessions {
            if let track = event.session.track {
                PlanValidator.checkReference(track, in: tracks, what: "track", log: log)
            }
            if let attendance = event.session.attendance {
                let limit = event.session.virtualOnly ? largestVirtual : largest
                if !plan.rooms.isEmpty && attendance.value > limit {
                    log.error(
                        attendance.location,
                        "no \(event.session.virtualOnly ? "virtual channel" : "room") holds \(attendance.value) people (the largest holds \(limit))",
                        hint: "add a larger room or lower the expected attendance")
                }
            }
            if event.session.virtualOnly && !plan.rooms.isEmpty && !plan.rooms.contains(where: \.isVirtual) {
                log.error(
                    event.location, "session '\(event.id.value)' is virtual-only but the plan has no virtual channel")
            }
            if event.duration.value.isAllDay {
                log.error(
                    event.duration.location,
                    "session '\(event.id.value)' lasts whole days; sessions are timed (90m, 1h30m)")
            }
            for item in event.session.runOfShow where item.at >= event.duration.value.totalMinutes {
                log.error(
                    event.location,
                    "the run of show of '\(event.id.value)' has '\(item.item)' at \(item.at) minutes, after the session ends"
                )
            }
        }
    }
}
