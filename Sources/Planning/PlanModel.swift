import Chronology
import PlanFile
import Scheduler

/// A plan turned into a solver problem, with what is needed to read a solution back in the
/// plan's terms: activity `i` is `plan.events[i]`.
public struct PlanModel: Sendable {
    public let plan: Plan
    public let problem: Problem
    /// Clocks for every zone the plan names, covering the horizon.
    public let clocks: [Zone: ZoneClock]
    /// The fixed events' placements, by id.
    public let fixedSlots: [String: Slot]
    /// Minutes between the possible starts of timed events.
    public let step: Int
    /// How each rule a planner can change could be relaxed, by rule index (for repairs).
    public var relaxations: [Int: [Relaxation]] = [:]

    public func clock(_ zone: Zone) -> ZoneClock {
        clocks[zone]
            ?? ZoneClock(
                zone, firstDay: plan.calendar.horizon.value.first.dayNumber,
                lastDay: plan.calendar.horizon.value.last.dayNumber)
    }

    /// The activity index of an event id.
    public func activity(_ id: String) -> Int? { plan.eventIndex(id) }

    /// The slot of an event in an assignment.
    public func slot(_ activity: Int, _ assignment: [Int]) -> Slot {
        problem.activities[activity].slots[assignment[activity]]
    }
}
