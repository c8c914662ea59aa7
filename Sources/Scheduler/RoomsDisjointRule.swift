/// `roomsDisjoint`: no two of the activities are in the same room at the same time (a
/// summit's sessions and its rooms and channels).
enum RoomsDisjointRule {
    static func holds(_ slots: [Slot]) -> Bool {
        let roomed = slots.filter { $0.room >= 0 }.sorted { ($0.room, $0.start) < ($1.room, $1.start) }
        return zip(roomed, roomed.dropFirst()).allSatisfy { $0.room != $1.room || $0.end <= $1.start }
    }

    static func exportJSON(_ list: [Int]) -> String {
        "{\"type\": \"roomsDisjoint\", \"activities\": [\(list.map(String.init).joined(separator: ","))]}"
    }
}

extension Propagation {
    /// Once an activity is fixed in a room, no other may take that room while it runs.
    ///
    /// Domains are sorted by start, so the slots that could overlap the fixed one lie in one
    /// stretch, found by binary search; only those are looked at.
    /// - Complexity: O(n · (log d + k)) for the activity that just became fixed, k the slots
    ///   starting while it runs.
    func roomsDisjoint(_ list: [Int], changed: Int, _ d: inout Domains, _ touched: inout [Int]) -> Bool {
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
