/// A soft preference's penalty for each slot of one activity, in minutes × weight.
public struct Penalty: Sendable {
    public var activity: Int
    public var origin: Origin
    /// One value per slot of the activity.
    public var values: [Int]

    public init(activity: Int, origin: Origin, values: [Int]) {
        self.activity = activity
        self.origin = origin
        self.values = values
    }
}

/// What the solver solves: activities with their possible slots, hard rules, and penalties.
/// It knows nothing of plan files, iCalendar or HTTP.
public struct Problem: Sendable {
    public var activities: [Activity]
    public var rules: [Rule]
    public var penalties: [Penalty]

    public init(activities: [Activity], rules: [Rule], penalties: [Penalty]) {
        self.activities = activities
        self.rules = rules
        self.penalties = penalties
    }

    /// The total penalty of each slot of each activity.
    public func slotCosts() -> [[Int]] {
        var costs = activities.map { [Int](repeating: 0, count: $0.slots.count) }
        for p in penalties {
            for (i, v) in p.values.enumerated() { costs[p.activity][i] += v }
        }
        return costs
    }

    /// The objective of a complete assignment.
    public func objective(_ assignment: [Int]) -> Int {
        penalties.reduce(0) { $0 + $1.values[assignment[$1.activity]] }
    }

    /// The rules a complete assignment breaks.
    public func violations(_ assignment: [Int]) -> [Int] {
        rules.indices.filter { !rules[$0].holds(assignment, in: self) }
    }
}
