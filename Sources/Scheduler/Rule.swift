/// One hard rule of a plan, as the solver sees it. Every rule has an `Origin` so that an
/// infeasible plan can be explained by the rules' own words and positions.
public struct Rule: Sendable {
    public enum Kind: Sendable {
        /// The activity may only take the slots in the set (windows, blackouts, local hours,
        /// pins, people's unavailability, relations to fixed events).
        case allow(activity: Int, slots: SlotSet)
        /// `after` starts at least `minGap` (and at most `maxGap`) after `before` ends (or starts).
        case precedence(Precedence)
        /// The two activities share no instant (or no local day), with `padding` between them (travel).
        case noOverlap(Int, Int, padding: Int, scale: TimeScale)
        /// `inner` lies inside `outer`.
        case within(inner: Int, outer: Int, scale: TimeScale)
        /// At most `cap` of these activities start in any one week.
        case weeklyCap(activities: [Int], cap: Int)
        /// No two of these activities are in the same room at the same time.
        case roomsDisjoint(activities: [Int])
    }

    public var kind: Kind
    public var origin: Origin

    public init(_ kind: Kind, origin: Origin) {
        self.kind = kind
        self.origin = origin
    }

    /// The activities the rule constrains.
    public var activities: [Int] {
        switch kind {
        case .allow(let a, _): return [a]
        case .precedence(let p): return [p.before, p.after]
        case .noOverlap(let a, let b, _, _): return [a, b]
        case .within(let i, let o, _): return [i, o]
        case .weeklyCap(let list, _): return list
        case .roomsDisjoint(let list): return list
        }
    }
}

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

extension Rule {
    /// Whether the rule holds for a complete assignment (slot index per activity).
    public func holds(_ assignment: [Int], in problem: Problem) -> Bool {
        func slot(_ a: Int) -> Slot { problem.activities[a].slots[assignment[a]] }
        switch kind {
        case .allow(let a, let set): return set.contains(assignment[a])
        case .precedence(let p): return p.holds(before: slot(p.before), after: slot(p.after))
        case .noOverlap(let a, let b, let padding, let scale): return !slot(a).overlaps(slot(b), padding: padding, scale: scale)
        case .within(let i, let o, let scale):
            return slot(i).lies(inside: slot(o), scale: scale)
        case .weeklyCap(let list, let cap):
            var perWeek: [Int: Int] = [:]
            for a in list { perWeek[slot(a).week, default: 0] += 1 }
            return perWeek.values.allSatisfy { $0 <= cap }
        case .roomsDisjoint(let list):
            let slots = list.map(slot).filter { $0.room >= 0 }.sorted { ($0.room, $0.start) < ($1.room, $1.start) }
            return zip(slots, slots.dropFirst()).allSatisfy { $0.room != $1.room || $0.end <= $1.start }
        }
    }
}
