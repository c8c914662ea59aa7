import Chronology
import Diagnostics

/// Checks of a timetabled summit: sessions refer to real tracks and rooms, fit some room, ask
/// for features some room has, and lie in the summit's days; rooms' closed times exist.
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
        checkRooms(plan, log: log)
        for event in sessions {
            if let track = event.session.track {
                PlanValidator.checkReference(track, in: tracks, what: "track", log: log)
            }
            checkRoomWishes(event, plan: plan, log: log)
            if let attendance = event.session.attendance {
                let limit = event.session.virtualOnly ? largestVirtual : largest
                if !plan.rooms.isEmpty && attendance.value > limit {
                    log.error(
                        attendance.location,
                        "no \(event.session.virtualOnly ? "virtual channel" : "room") holds \(attendance.value) "
                            + "people (the largest holds \(limit))",
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
                    "the run of show of '\(event.id.value)' has '\(item.item)' at \(item.at) minutes, "
                        + "after the session ends")
            }
        }
    }

    /// A pinned room exists; every required feature and interpreted language is offered by
    /// some room (a misspelt feature otherwise reads as an impossible plan).
    static func checkRoomWishes(_ event: Event, plan: Plan, log: DiagnosticLog) {
        if let room = event.session.pinnedRoom {
            PlanValidator.checkReference(room, in: Set(plan.rooms.map(\.id.value)), what: "room", log: log)
        }
        let features = Set(plan.rooms.flatMap { $0.features.map(\.value) + ($0.isVirtual ? ["stream"] : []) })
        for feature in event.session.requires where !features.contains(feature.value) {
            log.error(
                feature.location, "no room has the feature '\(feature.value)' that '\(event.id.value)' requires",
                hint: Suggestion.didYouMean(feature.value, among: features.sorted())
                    ?? "list it under a room's features:, or remove it from requires:")
        }
        let languages = Set(plan.rooms.flatMap { $0.interpretation.map(\.value) })
        for language in event.session.interpretation where !languages.contains(language.value) {
            log.error(
                language.location,
                "no room interprets into '\(language.value)', which '\(event.id.value)' needs",
                hint: Suggestion.didYouMean(language.value, among: languages.sorted())
                    ?? "list it under a room's interpretation:, or remove it from the session")
        }
    }

    /// A room's closed hours must be times the calendar's clock shows.
    static func checkRooms(_ plan: Plan, log: DiagnosticLog) {
        let zone = plan.calendar.zone
        for room in plan.rooms {
            for period in room.closed { PlanValidator.checkExists(period, in: zone, log: log) }
        }
    }
}
