import Chronology
import Scheduler

/// A schedule document checked against a plan: each event placed on a possible slot, and
/// every hard rule kept.
public struct ScheduleCheck: Sendable {
    /// Events missing from the schedule or placed where they cannot start.
    public var placementProblems: [String] = []
    /// Indices of the rules the schedule breaks.
    public var brokenRules: [Int] = []
    /// The slot chosen for each activity, when every event could be read.
    public var assignment: [Int]?

    public var isValid: Bool { placementProblems.isEmpty && brokenRules.isEmpty }

    public init(model: PlanModel, document: ScheduleDocument) {
        var assignment: [Int] = []
        for (a, event) in model.plan.events.enumerated() {
            guard let entry = document.events.first(where: { $0.id == event.id.value && !$0.fixed }) else {
                placementProblems.append("event '\(event.id.value)' is missing from the schedule")
                continue
            }
            let slots = model.problem.activities[a].slots
            // A session's slots differ by room as well as start: match the room the schedule
            // names (or no room, for events that need none).
            let room = entry.room.flatMap { name in model.plan.roomIndex(name) } ?? -1
            if let name = entry.room, room < 0 {
                placementProblems.append("event '\(event.id.value)' is in room '\(name)', which the plan does not have")
                continue
            }
            let found: Int?
            if event.duration.value.isAllDay {
                if case .success(let date) = CivilDate.parse(entry.start) {
                    found = slots.firstIndex { $0.firstDay == date.dayNumber && $0.room == room }
                } else {
                    found = nil
                }
            } else if let start = Timestamp.parseRFC3339(entry.start) {
                found = slots.firstIndex { $0.start == start && $0.room == room }
            } else {
                found = nil
            }
            guard let index = found else {
                let inRoom = entry.room.map { " in '\($0)'" } ?? ""
                let grid = event.duration.value.isAllDay ? "day" : "\(model.step)-minute"
                placementProblems.append(
                    "event '\(event.id.value)' starts at '\(entry.start)'\(inRoom), which is not a possible "
                        + "placement (inside the horizon, on the \(grid) grid)"
                )
                continue
            }
            assignment.append(index)
        }
        guard placementProblems.isEmpty else { return }
        self.assignment = assignment
        brokenRules = model.problem.violations(assignment)
    }
}
