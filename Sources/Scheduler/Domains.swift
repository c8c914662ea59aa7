/// The slots each activity may still take during search, with a trail to undo changes on
/// backtracking, and each domain's cheapest slot cost kept up to date for the lower bound.
///
/// Domains are arrays of slot indices in increasing order. Because an activity's slots are
/// sorted by start and its ends grow with its starts, every bound a rule imposes removes a
/// prefix or a suffix.
struct Domains {
    private(set) var values: [[Int32]]
    private(set) var minCost: [Int]
    private(set) var lowerBound: Int
    private let costs: [[Int]]
    private var trail: [(activity: Int, domain: [Int32], minCost: Int)] = []
    private var levels: [Int] = []

    init(_ initial: [[Int32]], costs: [[Int]]) {
        values = initial
        self.costs = costs
        minCost = initial.indices.map { a in initial[a].map { costs[a][Int($0)] }.min() ?? 0 }
        lowerBound = minCost.reduce(0, +)
    }

    subscript(_ a: Int) -> [Int32] { values[a] }

    func isFixed(_ a: Int) -> Bool { values[a].count == 1 }

    mutating func pushLevel() { levels.append(trail.count) }

    mutating func popLevel() {
        guard let mark = levels.popLast() else { return }
        while trail.count > mark {
            let entry = trail.removeLast()
            lowerBound += entry.minCost - minCost[entry.activity]
            values[entry.activity] = entry.domain
            minCost[entry.activity] = entry.minCost
        }
    }

    /// Replaces a domain (recording the old one); returns false when it becomes empty.
    mutating func set(_ a: Int, _ domain: [Int32]) -> Bool {
        assert(
            Invariants.domainIsOrdered(domain, slotCount: costs[a].count),
            "domain of activity \(a) out of order or range")
        trail.append((a, values[a], minCost[a]))
        values[a] = domain
        let newMin = domain.isEmpty ? minCost[a] : domain.reduce(Int.max) { min($0, costs[a][Int($1)]) }
        lowerBound += newMin - minCost[a]
        minCost[a] = newMin
        return !domain.isEmpty
    }

    /// Keeps the slots from index `from` to `to` (positions in the domain, half-open).
    mutating func trim(_ a: Int, from: Int, to: Int) -> Bool {
        assert(from >= 0 && to <= values[a].count, "trim of activity \(a) outside its domain")
        if from == 0 && to == values[a].count { return true }
        if from >= to { return set(a, []) }
        return set(a, Array(values[a][from..<to]))
    }
}
