import Scheduler

/// Small hand-made problems: activities on a grid of whole days (one slot per start day,
/// lasting `length` days), so tests read in days.
struct TinyProblem {
    var activities: [Activity] = []
    var rules: [Rule] = []
    var penalties: [Penalty] = []

    /// Adds an activity that can start on days `0..<days` and lasts `length` days.
    @discardableResult
    mutating func add(_ id: String, days: Int = 10, length: Int = 1) -> Int {
        let slots = (0..<days).map { d in
            Slot(start: d * 1440, end: (d + length) * 1440, firstDay: d, endDay: d + length)
        }
        activities.append(Activity(id: id, slots: slots))
        return activities.count - 1
    }

    mutating func allow(_ a: Int, _ text: String = "allow", _ predicate: (Int) -> Bool) {
        rules.append(
            Rule(
                .allow(activity: a, slots: SlotSet(capacity: activities[a].slots.count, where: predicate)),
                origin: Origin(text, at: "test")))
    }

    /// At most `cap` of `list` start in one week of the grid (days 0–6, 7–13, …).
    func weeklyCap(activities list: [Int], cap: Int) -> Rule.Kind {
        let days = activities.map(\.slots.count).max() ?? 0
        return .countingCap(
            CountingCap(activities: list, cap: cap, unit: "week", firstDay: 0, bucketOfDay: (0..<days).map { $0 / 7 }))
    }

    mutating func rule(_ kind: Rule.Kind, _ text: String = "rule") {
        rules.append(Rule(kind, origin: Origin(text, at: "test")))
    }

    /// Penalises each start day by `cost(day)`.
    mutating func penalise(_ a: Int, _ cost: (Int) -> Int) {
        penalties.append(
            Penalty(activity: a, origin: Origin("penalty", at: "test"), values: activities[a].slots.indices.map(cost)))
    }

    var problem: Problem { Problem(activities: activities, rules: rules, penalties: penalties) }

    func solve(seed: UInt64 = 0) -> SolveResult {
        var options = SolverOptions()
        options.seed = seed
        return Solver(problem, options: options).solve()
    }
}
