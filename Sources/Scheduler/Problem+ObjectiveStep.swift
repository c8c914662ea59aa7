/// The step in which a plan's objective moves.
///
/// Every cost a schedule pays is a multiple of some whole number: slot costs of 30, 60 and 90
/// minutes, a room wish of weight 30, a spacing on a 15-minute grid. Then every schedule's
/// objective is a multiple of their greatest common divisor, a schedule cheaper than the best
/// costs at least one step less, and a lower bound can be rounded up to the next multiple.
/// A proof then closes when the bound comes within a step of the best schedule, instead of
/// reaching it. On the synthetic year of 50 events the bound came within 58 weighted minutes
/// of the optimum early, and closing those last 58 took a third of the search.
extension Problem {
    /// The greatest common divisor of every cost a schedule can pay, given each slot's cost
    /// (`slotCosts()`); 1 when nothing costs anything.
    ///
    /// - a slot's cost: its value;
    /// - `sameRoom`: the weight;
    /// - `apart` and `close`: the weight times the unit (1440 for days) times the step of the
    ///   shortfall, which is the minimum (or maximum) less a distance between two slots' starts
    ///   and ends — a multiple of the step of those coordinates and of the minimum itself;
    /// - a share: the weight times the step of its members' values.
    public func objectiveStep(costs: [[Int]]) -> Int {
        var step = 0
        for row in costs {
            for c in row { step = gcd(step, c) }
        }
        let spaced = pairPenalties.contains { if case .sameRoom = $0.measure { false } else { true } }
        let days = spaced ? activities.map { CoordinateGrid($0.slots, .days) } : []
        let minutes = spaced ? activities.map { CoordinateGrid($0.slots, .minutes) } : []
        for pair in pairPenalties {
            switch pair.measure {
            case .sameRoom:
                step = gcd(step, pair.weight)
            case .apart(let distance, let scale), .close(let distance, let scale):
                let grid = scale == .days ? days : minutes
                let coordinates = grid[pair.a].joined(with: grid[pair.b])
                step = gcd(step, pair.weight * gcd(distance, coordinates) * (scale == .days ? 1440 : 1))
            }
        }
        for share in sharePenalties {
            var values = 0
            for party in share.values {
                for member in party {
                    for v in member { values = gcd(values, v) }
                }
            }
            step = gcd(step, share.weight * values)
        }
        return max(1, step)
    }
}

/// The coordinates (starts and ends on one scale) of an activity's slots: the first start,
/// and the greatest common divisor of every coordinate's distance from it.
private struct CoordinateGrid {
    var origin: Int?
    var step = 0

    init(_ slots: [Slot], _ scale: TimeScale) {
        origin = slots.first?.startCoordinate(scale)
        guard let origin else { return }
        for s in slots {
            step = gcd(step, s.startCoordinate(scale) - origin)
            step = gcd(step, s.endCoordinate(scale) - origin)
        }
    }

    /// The step of the distances between this activity's coordinates and the other's.
    func joined(with other: CoordinateGrid) -> Int {
        guard let origin, let otherOrigin = other.origin else { return 0 }
        return gcd(gcd(step, other.step), otherOrigin - origin)
    }
}

/// The greatest common divisor of |a| and |b| (0 when both are 0).
private func gcd(_ a: Int, _ b: Int) -> Int {
    var (x, y) = (a.magnitude, b.magnitude)
    while y != 0 { (x, y) = (y, x % y) }
    return Int(x)
}
