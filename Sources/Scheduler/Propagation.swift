/// Narrowing domains by the rules between activities until nothing more follows.
///
/// Each rule kind has one propagator; all keep only slots that could still be part of a
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
            if case .allow = rule.kind { continue }
            relational.append(i)
            for a in Set(rule.activities) { rulesOf[a].append(i) }
        }
        self.relational = relational
        self.rulesOf = rulesOf
        slots = problem.activities.map(\.slots)
        longest = problem.activities.map { $0.slots.map { $0.end - $0.start }.max() ?? 0 }
    }

    /// Propagates from the activities in `changed`; false when some domain empties.
    ///
    /// - Complexity: each pass is linear in the sizes of the domains it touches.
    func run(_ d: inout Domains, changed: [Int]) -> Bool {
        var queue = changed
        var queued = Set(changed)
        while let a = queue.popLast() {
            queued.remove(a)
            for r in rulesOf[a] {
                var touched: [Int] = []
                guard apply(problem.rules[r].kind, changed: a, &d, &touched) else { return false }
                for t in touched where queued.insert(t).inserted { queue.append(t) }
            }
        }
        return true
    }

    private func slot(_ a: Int, _ index: Int32) -> Slot { slots[a][Int(index)] }

    /// Applies one rule after activity `changed` narrowed.
    private func apply(_ kind: Rule.Kind, changed: Int, _ d: inout Domains, _ touched: inout [Int]) -> Bool {
        switch kind {
        case .allow: return true
        case .precedence(let p): return precedence(p, &d, &touched)
        case .noOverlap(let a, let b, let padding, let scale): return noOverlap(a, b, padding, scale, changed: changed, &d, &touched)
        case .within(let i, let o, let scale): return within(i, o, scale, &d, &touched)
        case .weeklyCap(let list, let cap): return weeklyCap(list, cap, changed: changed, &d, &touched)
        case .roomsDisjoint(let list): return roomsDisjoint(list, changed: changed, &d, &touched)
        }
    }

    /// Keeps the slots of `a` at positions [lo, hi) and notes the change.
    private func keep(_ a: Int, _ lo: Int, _ hi: Int, _ d: inout Domains, _ touched: inout [Int]) -> Bool {
        let count = d[a].count
        guard lo > 0 || hi < count else { return true }
        touched.append(a)
        return d.trim(a, from: lo, to: hi)
    }

    private func precedence(_ p: Precedence, _ d: inout Domains, _ touched: inout [Int]) -> Bool {
        let (A, B) = (p.before, p.after)
        guard let aFirst = d[A].first, let bLast = d[B].last else { return false }
        // B starts no earlier than A's earliest reference + minGap; A's reference no later than B's latest start − minGap.
        let earliest = p.reference(slot(A, aFirst)) + p.minGap
        let latest = slot(B, bLast).startCoordinate(p.scale) - p.minGap
        var lo = 0
        while lo < d[B].count && slot(B, d[B][lo]).startCoordinate(p.scale) < earliest { lo += 1 }
        guard keep(B, lo, d[B].count, &d, &touched) else { return false }
        var hi = d[A].count
        while hi > 0 && p.reference(slot(A, d[A][hi - 1])) > latest { hi -= 1 }
        guard keep(A, 0, hi, &d, &touched) else { return false }
        if let maxGap = p.maxGap, let aLast2 = d[A].last, let bFirst2 = d[B].first {
            let latestB = p.reference(slot(A, aLast2)) + maxGap
            var bHi = d[B].count
            while bHi > 0 && slot(B, d[B][bHi - 1]).startCoordinate(p.scale) > latestB { bHi -= 1 }
            guard keep(B, 0, bHi, &d, &touched) else { return false }
            let earliestA = slot(B, bFirst2).startCoordinate(p.scale) - maxGap
            var aLo = 0
            while aLo < d[A].count && p.reference(slot(A, d[A][aLo])) < earliestA { aLo += 1 }
            guard keep(A, aLo, d[A].count, &d, &touched) else { return false }
        }
        return true
    }

    private func within(_ i: Int, _ o: Int, _ scale: TimeScale, _ d: inout Domains, _ touched: inout [Int]) -> Bool {
        guard let oFirst = d[o].first, let oLast = d[o].last, let iFirst = d[i].first, let iLast = d[i].last else { return false }
        let minStart = slot(o, oFirst).startCoordinate(scale), maxEnd = slot(o, oLast).endCoordinate(scale)
        let innerMaxStart = slot(i, iLast).startCoordinate(scale), innerMinEnd = slot(i, iFirst).endCoordinate(scale)
        var lo = 0, hi = d[i].count
        while lo < hi && slot(i, d[i][lo]).startCoordinate(scale) < minStart { lo += 1 }
        while hi > lo && slot(i, d[i][hi - 1]).endCoordinate(scale) > maxEnd { hi -= 1 }
        guard keep(i, lo, hi, &d, &touched) else { return false }
        lo = 0
        hi = d[o].count
        while lo < hi && slot(o, d[o][lo]).endCoordinate(scale) < innerMinEnd { lo += 1 }
        while hi > lo && slot(o, d[o][hi - 1]).startCoordinate(scale) > innerMaxStart { hi -= 1 }
        return keep(o, lo, hi, &d, &touched)
    }

    /// The other activity loses every slot that would overlap each remaining slot of the one
    /// that changed: once it is fixed, the slots overlapping it; before, those overlapping its
    /// compulsory part (from its latest start to its earliest end, which every slot left covers).
    ///
    /// Domains are sorted by start and ends grow with starts, so the compulsory part is read
    /// off the first and last slots.
    private func noOverlap(_ a: Int, _ b: Int, _ padding: Int, _ scale: TimeScale, changed: Int,
                           _ d: inout Domains, _ touched: inout [Int]) -> Bool {
        guard let first = d[changed].first, let last = d[changed].last else { return false }
        let from = slot(changed, last).startCoordinate(scale), to = slot(changed, first).endCoordinate(scale)
        guard from < to else { return true }
        let other = changed == a ? b : a
        let own = slots[other]
        let kept = d[other].filter {
            let s = own[Int($0)]
            return !(s.startCoordinate(scale) < to + padding && from < s.endCoordinate(scale) + padding)
        }
        if kept.count != d[other].count {
            touched.append(other)
            guard d.set(other, kept) else { return false }
        }
        return true
    }

    /// When the changed activity is fixed, count its week; a full week is closed to the others.
    ///
    /// - Complexity: O(n) per fixing, plus O(n · d) when a week fills.
    private func weeklyCap(_ list: [Int], _ cap: Int, changed: Int, _ d: inout Domains, _ touched: inout [Int]) -> Bool {
        guard d.isFixed(changed) else { return true }
        let week = slot(changed, d[changed][0]).week
        var count = 0
        for a in list where d.isFixed(a) && slot(a, d[a][0]).week == week { count += 1 }
        guard count <= cap else { return false }
        guard count == cap else { return true }
        for a in list where !d.isFixed(a) {
            let own = slots[a]
            let kept = d[a].filter { own[Int($0)].week != week }
            if kept.count != d[a].count {
                touched.append(a)
                guard d.set(a, kept) else { return false }
            }
        }
        return true
    }

    /// Once an activity is fixed in a room, no other may take that room while it runs.
    ///
    /// Domains are sorted by start, so the slots that could overlap the fixed one lie in one
    /// stretch, found by binary search; only those are looked at.
    /// - Complexity: O(n · (log d + k)) for the activity that just became fixed, k the slots
    ///   starting while it runs.
    private func roomsDisjoint(_ list: [Int], changed: Int, _ d: inout Domains, _ touched: inout [Int]) -> Bool {
        guard d.isFixed(changed) else { return true }
        let fixed = slot(changed, d[changed][0])
        guard fixed.room >= 0 else { return true }
        for a in list where a != changed {
            let own = slots[a], domain = d[a]
            // Slots starting after fixed.start − longest and before fixed.end may overlap.
            let earliest = fixed.start - longest[a]
            var lo = 0, hi = domain.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if own[Int(domain[mid])].start <= earliest { lo = mid + 1 } else { hi = mid }
            }
            var clash: [Int] = []
            var i = lo
            while i < domain.count, own[Int(domain[i])].start < fixed.end {
                let s = own[Int(domain[i])]
                if s.room == fixed.room && s.end > fixed.start { clash.append(i) }
                i += 1
            }
            guard !clash.isEmpty else { continue }
            var kept = domain
            for position in clash.reversed() { kept.remove(at: position) }
            touched.append(a)
            guard d.set(a, kept) else { return false }
        }
        return true
    }
}
