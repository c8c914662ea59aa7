/// A soft preference's penalty for each slot of one activity, in minutes × weight.
public struct Penalty: Sendable {
    public var activity: Int
    public var origin: Origin
    /// One value per slot of the activity.
    public var values: [Int]
    /// What each value was multiplied by, so that a value reads back in the plan's units.
    public var weight: Int
    /// Whether the measure counts whole days (values are days × 1440 × weight) or minutes.
    public var scale: TimeScale
    /// What the measure is, in the plan's words: "from the window's close".
    public var measure: String

    public init(
        activity: Int, origin: Origin, values: [Int], weight: Int = 1, scale: TimeScale = .minutes, measure: String = ""
    ) {
        self.activity = activity
        self.origin = origin
        self.values = values
        self.weight = max(1, weight)
        self.scale = scale
        self.measure = measure
    }
}

/// A soft wish about two activities together, in minutes × weight (or points × weight):
/// - `apart`: at least `minimum` apart (spacing between related events), `weight` for each
///   minute (or day × 1440) closer than that;
/// - `sameRoom`: `weight` when both have rooms and the rooms differ (a track's stable room, a
///   speaker's fewer room changes);
/// - `close`: both within `maximum` from the earlier start to the later end (a travelling
///   speaker's sessions together), `weight` for each minute (or day × 1440) beyond it.
public struct PairPenalty: Sendable {
    public enum Measure: Sendable, Hashable {
        case apart(minimum: Int, scale: TimeScale)
        case sameRoom
        case close(maximum: Int, scale: TimeScale)
    }

    public var a: Int
    public var b: Int
    public var origin: Origin
    public var measure: Measure
    public var weight: Int

    public init(a: Int, b: Int, origin: Origin, measure: Measure, weight: Int) {
        self.a = a
        self.b = b
        self.origin = origin
        self.measure = measure
        self.weight = weight
    }

    public init(a: Int, b: Int, origin: Origin, minimum: Int, scale: TimeScale, weight: Int) {
        self.init(a: a, b: b, origin: origin, measure: .apart(minimum: minimum, scale: scale), weight: weight)
    }

    /// The penalty for these two slots.
    public func cost(_ x: Slot, _ y: Slot) -> Int { term.cost(x, y) }

    /// The penalty without its origin.
    var term: PairTerm { PairTerm(a: a, b: b, measure: measure, weight: weight) }
}

/// A pair penalty as the search reads it at every node: plain values only, so that reading
/// one copies nothing reference-counted (a `PairPenalty`'s origin holds strings).
struct PairTerm {
    let a: Int
    let b: Int
    let measure: PairPenalty.Measure
    let weight: Int

    /// The penalty for these two slots.
    func cost(_ x: Slot, _ y: Slot) -> Int {
        switch measure {
        case .apart(let minimum, let scale):
            let gap = max(
                0, y.startCoordinate(scale) - x.endCoordinate(scale), x.startCoordinate(scale) - y.endCoordinate(scale))
            return weight * max(0, minimum - gap) * (scale == .days ? 1440 : 1)
        case .sameRoom:
            return x.room >= 0 && y.room >= 0 && x.room != y.room ? weight : 0
        case .close(let maximum, let scale):
            let span =
                max(x.endCoordinate(scale), y.endCoordinate(scale))
                - min(x.startCoordinate(scale), y.startCoordinate(scale))
            return weight * max(0, span - maximum) * (scale == .days ? 1440 : 1)
        }
    }
}

/// What the solver solves: activities with their possible slots, hard rules, and penalties.
/// It knows nothing of plan files, iCalendar or HTTP.
public struct Problem: Sendable {
    public var activities: [Activity]
    public var rules: [Rule]
    public var penalties: [Penalty]
    public var pairPenalties: [PairPenalty]
    public var sharePenalties: [SharePenalty]

    public init(
        activities: [Activity], rules: [Rule], penalties: [Penalty], pairPenalties: [PairPenalty] = [],
        sharePenalties: [SharePenalty] = []
    ) {
        self.activities = activities
        self.rules = rules
        self.penalties = penalties
        self.pairPenalties = pairPenalties
        self.sharePenalties = sharePenalties
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
            + pairPenalties.reduce(0) {
                $0 + $1.cost(activities[$1.a].slots[assignment[$1.a]], activities[$1.b].slots[assignment[$1.b]])
            }
            + sharePenalties.reduce(0) { $0 + $1.cost(assignment) }
    }

    /// The rules a complete assignment breaks.
    public func violations(_ assignment: [Int]) -> [Int] {
        rules.indices.filter { !rules[$0].holds(assignment, in: self) }
    }
}
