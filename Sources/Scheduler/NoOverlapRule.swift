/// `noOverlap`: two activities share no instant (or no local day), with `padding` between
/// them — shared people, audiences and places, `avoid`, travel.
enum NoOverlapRule {
    static func holds(_ a: Slot, _ b: Slot, padding: Int, scale: TimeScale) -> Bool {
        !a.overlaps(b, padding: padding, scale: scale)
    }

    static func exportJSON(_ a: Int, _ b: Int, padding: Int, scale: TimeScale) -> String {
        "{\"type\": \"noOverlap\", \"a\": \(a), \"b\": \(b), \"padding\": \(padding), \"scale\": \"\(scale.rawValue)\"}"
    }
}

extension Propagation {
    /// The other activity loses every slot that would overlap each remaining slot of the one
    /// that changed: once it is fixed, the slots overlapping it; before, those overlapping its
    /// compulsory part (from its latest start to its earliest end, which every slot left covers).
    ///
    /// Domains are sorted by start and ends grow with starts, so the compulsory part is read
    /// off the first and last slots.
    func noOverlap(
        _ a: Int, _ b: Int, _ padding: Int, _ scale: TimeScale, changed: Int,
        _ d: inout Domains, _ touched: inout [Int]
    ) -> Bool {
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
}
