/// Narrowing domains by the rules between activities until nothing more follows.
///
/// Each rule kind's propagator lives in that kind's file (`PrecedenceRule.swift`, …) and is
/// reached through `apply` in `Rule.swift`; all keep only slots that could still be part of a
/// schedule that keeps the rule.
struct Propagation {
    let problem: Problem
    /// Rules between activities (not `allow`), by index into `problem.rules`.
    let relational: [Int]
    /// For each activity, the relational rules that involve it.
    let rulesOf: [[Int]]
    /// The activities' slots, held directly: the innermost loops read them.
    let slots: [[Slot]]
    /// Each activity's longest slot, in minutes: how far back an overlapping start can lie.
    let longest: [Int]

    init(problem: Problem, enabled: [Bool]?) {
        self.problem = problem
        var relational: [Int] = []
        var rulesOf = Array(repeating: [Int](), count: problem.activities.count)
        for (i, rule) in problem.rules.enumerated() where enabled?[i] ?? true {
            if rule.isUnary { continue }
            relational.append(i)
            for a in Set(rule.activities) { rulesOf[a].append(i) }
        }
        self.relational = relational
        self.rulesOf = rulesOf
        slots = problem.activities.map(\.slots)
        longest = problem.activities.map(\.longest)
    }

    /// Propagates from the activities in `changed`; false when some domain empties.
    ///
    /// - Complexity: each pass is linear in the sizes of the domains it touches.
    func run(_ d: inout Domains, changed: [Int]) -> Bool {
        var queue = changed
        var queued = Set(changed)
        var touched: [Int] = []  // one buffer for every rule applied
        while let a = queue.popLast() {
            queued.remove(a)
            for r in rulesOf[a] {
                touched.removeAll(keepingCapacity: true)
                guard apply(problem.rules[r].kind, changed: a, &d, &touched) else { return false }
                for t in touched where queued.insert(t).inserted { queue.append(t) }
            }
        }
        return true
    }

    func slot(_ a: Int, _ index: Int32) -> Slot { slots[a][Int(index)] }

    /// Keeps the slots of `a` at positions [lo, hi) and notes the change.
    func keep(_ a: Int, _ lo: Int, _ hi: Int, _ d: inout Domains, _ touched: inout [Int]) -> Bool {
        let count = d[a].count
        guard lo > 0 || hi < count else { return true }
        touched.append(a)
        return d.trim(a, from: lo, to: hi)
    }
}
