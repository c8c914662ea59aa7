/// "`after` starts at least `minGap` after `before` ends" and its variants.
public struct Precedence: Sendable, Hashable {
    public enum Anchor: String, Sendable, Hashable, Codable {
        case end
        case start
    }

    public var before: Int
    public var after: Int
    public var minGap: Int
    public var maxGap: Int?
    /// Measured from `before`'s end (the usual) or its start.
    public var anchor: Anchor
    /// Gaps in local days or in minutes.
    public var scale: TimeScale

    public init(before: Int, after: Int, minGap: Int, maxGap: Int?, anchor: Anchor, scale: TimeScale) {
        self.before = before
        self.after = after
        self.minGap = minGap
        self.maxGap = maxGap
        self.anchor = anchor
        self.scale = scale
    }

    /// The coordinate of `before` that gaps are measured from.
    @inlinable
    public func reference(_ slot: Slot) -> Int {
        anchor == .end ? slot.endCoordinate(scale) : slot.startCoordinate(scale)
    }

    public func holds(before b: Slot, after a: Slot) -> Bool {
        let gap = a.startCoordinate(scale) - reference(b)
        return gap >= minGap && (maxGap.map { gap <= $0 } ?? true)
    }
}

extension Precedence {
    func exportJSON() -> String {
        "{\"type\": \"precedence\", \"before\": \(before), \"after\": \(after), \"minGap\": \(minGap), "
            + "\"maxGap\": \(maxGap.map(String.init) ?? "null"), "
            + "\"anchor\": \"\(anchor.rawValue)\", \"scale\": \"\(scale.rawValue)\"}"
    }
}

extension Propagation {
    /// Bounds consistency on starts: `after` loses the slots that start too soon after
    /// `before`'s earliest reference, `before` those too late for `after`'s latest start, and
    /// with a maximum gap the same the other way round. Domains are sorted by start, and
    /// references grow with starts, so each side is trimmed from one end.
    func precedence(_ p: Precedence, _ d: inout Domains, _ touched: inout [Int]) -> Bool {
        let (A, B) = (p.before, p.after)
        guard let aFirst = d[A].first, let bLast = d[B].last else { return false }
        // B starts no earlier than A's earliest reference + minGap;
        // A's reference no later than B's latest start − minGap.
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
}
