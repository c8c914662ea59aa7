import Chronology
import PlanFile
import Scheduler

/// The rules a session's room must satisfy beyond its size: the features and interpretation it
/// requires, a room it is pinned to, and the times each room is closed.
extension ModelBuilder {
    mutating func addRoomRules(_ a: Int, _ event: Event) {
        let rooms = plan.rooms
        for feature in event.session.requires {
            let offers = rooms.map { $0.has(feature.value) }
            allow(
                a,
                Origin(
                    "\(event.quoted) requires '\(feature.value)', so its room must have it (\(names(offers)))",
                    at: "\(feature.location)")
            ) { $0.room >= 0 && offers[$0.room] }
        }
        for language in event.session.interpretation {
            let offers = rooms.map { room in room.interpretation.contains { $0.value == language.value } }
            allow(
                a,
                Origin(
                    "\(event.quoted) is interpreted into '\(language.value)', so its room needs booths for it "
                        + "(\(names(offers)))",
                    at: "\(language.location)")
            ) { $0.room >= 0 && offers[$0.room] }
        }
        if let pinned = event.session.pinnedRoom, let r = plan.roomIndex(pinned.value) {
            allow(
                a, Origin("\(event.quoted) is pinned to the room '\(pinned.value)'", at: "\(pinned.location)")
            ) { $0.room == r }
            relaxLastRule(Relaxation(.unpinRoom, event: event.id.value, old: pinned.value))
        }
        let host = clock(plan.calendar.zone)
        for (r, room) in rooms.enumerated() {
            for period in room.closed {
                let closed = period.value.instants(on: host)
                allow(
                    a,
                    Origin(
                        "\(event.quoted) may not be in \(room.name) while it is closed (\(period.value), "
                            + "\(plan.calendar.zone))",
                        at: "\(period.location)")
                ) { $0.room != r || $0.end <= closed.lowerBound || closed.upperBound <= $0.start }
            }
        }
    }

    /// "only plenary-hall, room-namsan" for the rooms a rule leaves, or "no room has it".
    private func names(_ offers: [Bool]) -> String {
        let ids = plan.rooms.indices.filter { offers[$0] }.map { plan.rooms[$0].id.value }
        if ids.isEmpty { return "no room has it" }
        return "only " + ids.joined(separator: ", ")
    }
}
