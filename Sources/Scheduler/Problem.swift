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

/// A soft wish that two activities be at least `minimum` apart (spacing between related
/// events): `weight` for each minute (or day × 1440) they are closer than that.
public struct PairPenalty: Sendable {
    public var a: Int
    public var b: Int
    public var origin: Origin
    /// In the scale's unit: days or minutes.
    public var minimum: Int
    public var scale: TimeScale
    public var weight: Int

    public init(a: Int, b: Int, origin: Origin, minimum: Int, scale: TimeScale, weight: Int) {
        self.a = a
        self.b = b
        self.origin = origin
        self.minimum = minimum
        self.scale = scale
        self.weight = weight
    }

    /// The penalty for these two slots, in minutes × weight.
    public func cost(_ x: Slot, _ y: Slot) -> Int {
        let gap = max(0, y.startCoordinate(scale) - x.endCoordinate(scale), x.startCoordinate(scale) - y.endCoordinate(scale))
        return weight * max(0, minimum - gap) * (scale == .days ? 1440 : 1)
    }
}

/// What the solver solves: activities with their possible slots, hard rules, and penalties.
/// It knows nothing of plan files, iCalendar or HTTP.
public struct Problem: Sendable {
    public var activities: [Activity]
    public var rules: [Rule]
    public var penalties: [Penalty]
    public var pairPenalties: [PairPenalty]

    public init(activities: [Activity], rules: [Rule], penalties: [Penalty], pairPenalties: [PairPenalty] = []) {
        self.activities = activities
        self.rules = rules
        self.penalties = penalties
        self.pairPenalties = pairPenalties
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
            + pairPenalties.reduce(0) { $0 + $1.cost(activities[$1.a].slots[assignment[$1.a]], activities[$1.b].slots[assignment[$1.b]]) }
    }

    /// The rules a complete assignment breaks.
    public func violations(_ assignment: [Int]) -> [Int] {
        rules.indices.filter { !rules[$0].holds(assignment, in: self) }
    }
}
