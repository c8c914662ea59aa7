/// `within`: the inner activity lies inside the outer one (a session during the summit, a
/// side event during a forum).
enum WithinRule {
    static func holds(inner: Slot, outer: Slot, scale: TimeScale) -> Bool { inner.lies(inside: outer, scale: scale) }

    static func exportJSON(inner: Int, outer: Int, scale: TimeScale) -> String {
        "{\"type\": \"within\", \"inner\": \(inner), \"outer\": \(outer), \"scale\": \"\(scale.rawValue)\"}"
    }
}

extension Propagation {
    /// The inner activity keeps the slots inside the outer one's earliest start and latest end;
    /// the outer keeps those that can still hold the inner one's earliest end and latest start.
    func within(_ i: Int, _ o: Int, _ scale: TimeScale, _ d: inout Domains, _ touched: inout [Int]) -> Bool {
        guard let oFirst = d[o].first, let oLast = d[o].last, let iFirst = d[i].first, let iLast = d[i].last else {
            return false
        }
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
}
