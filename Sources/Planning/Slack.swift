import Scheduler

/// How far an event could move, earlier and later, with every other event where it is and
/// every hard rule kept.
public struct Slack: Sendable {
    /// Minutes it could start earlier (or days × 1440 for all-day events).
    public var earlier: Int
    public var later: Int
    /// The rules that stop it moving one step further each way (empty when the horizon does).
    public var blockingEarlier: [Int]
    public var blockingLater: [Int]

    /// - Complexity: O(s · r) for the activity's s slots and the r rules that involve it.
    public init(model: PlanModel, assignment: [Int], activity a: Int) {
        let problem = model.problem
        let involved = problem.rules.indices.filter { problem.rules[$0].activities.contains(a) }
        var trial = assignment
        func broken(_ slot: Int) -> [Int] {
            trial[a] = slot
            return involved.filter { !problem.rules[$0].holds(trial, in: problem) }
        }
        let slots = problem.activities[a].slots
        let here = assignment[a]
        // Moving in time, in the same room (sessions have one slot per start and room).
        let sameRoom = slots.indices.filter { slots[$0].room == slots[here].room }
        let position = sameRoom.firstIndex(of: here) ?? 0
        var lo = position
        var stopEarlier: [Int] = []
        while lo > 0 {
            let rules = broken(sameRoom[lo - 1])
            if !rules.isEmpty { stopEarlier = rules; break }
            lo -= 1
        }
        var hi = position
        var stopLater: [Int] = []
        while hi < sameRoom.count - 1 {
            let rules = broken(sameRoom[hi + 1])
            if !rules.isEmpty { stopLater = rules; break }
            hi += 1
        }
        earlier = slots[here].start - slots[sameRoom[lo]].start
        later = slots[sameRoom[hi]].start - slots[here].start
        blockingEarlier = stopEarlier
        blockingLater = stopLater
    }
}
