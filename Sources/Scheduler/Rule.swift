/// One hard rule of a plan, as the solver sees it. Every rule has an `Origin` so that an
/// infeasible plan can be explained by the rules' own words and positions.
///
/// Each kind lives in one file with what it means (`holds`), how it narrows domains
/// (`propagate`) and how it is exported (`exportJSON`): `AllowRule.swift`,
/// `PrecedenceRule.swift`, `NoOverlapRule.swift`, `WithinRule.swift`, `CountingCapRule.swift`,
/// `RoomsDisjointRule.swift`. The switches below are the registry: adding a kind is a case
/// here, a file beside them, and the compiler lists every switch to extend.
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
        /// At most `cap` of these activities start in any one bucket (week, month, …).
        case countingCap(CountingCap)
        /// No two of these activities are in the same room at the same time.
        case roomsDisjoint(activities: [Int])
    }

    public var kind: Kind
    public var origin: Origin
    /// Whether the activity's slots were enumerated only around this rule (a timed event's
    /// window, with a margin for repairs): the model holds no slot beyond that, so a conflict
    /// search cannot test the rule's absence and keeps it while the activity is in the conflict.
    public var boundsSlots = false

    public init(_ kind: Kind, origin: Origin, boundsSlots: Bool = false) {
        self.kind = kind
        self.origin = origin
        self.boundsSlots = boundsSlots
    }

    /// The activities the rule constrains.
    public var activities: [Int] {
        switch kind {
        case .allow(let a, _): return [a]
        case .precedence(let p): return [p.before, p.after]
        case .noOverlap(let a, let b, _, _): return [a, b]
        case .within(let i, let o, _): return [i, o]
        case .countingCap(let cap): return cap.activities
        case .roomsDisjoint(let list): return list
        }
    }

    /// Whether the rule is about one activity alone: it is applied to the domains before any
    /// search (`Solver.initialDomains`) and never propagated.
    public var isUnary: Bool {
        if case .allow = kind { return true }
        return false
    }

    /// Whether the rule holds for a complete assignment (slot index per activity).
    public func holds(_ assignment: [Int], in problem: Problem) -> Bool {
        func slot(_ a: Int) -> Slot { problem.activities[a].slots[assignment[a]] }
        switch kind {
        case .allow(let a, let set): return AllowRule.holds(set, slot: assignment[a])
        case .precedence(let p): return p.holds(before: slot(p.before), after: slot(p.after))
        case .noOverlap(let a, let b, let padding, let scale):
            return NoOverlapRule.holds(slot(a), slot(b), padding: padding, scale: scale)
        case .within(let i, let o, let scale): return WithinRule.holds(inner: slot(i), outer: slot(o), scale: scale)
        case .countingCap(let cap): return cap.holds(cap.activities.map(slot))
        case .roomsDisjoint(let list): return RoomsDisjointRule.holds(list.map(slot))
        }
    }

    /// The same rule over renumbered activities (`map(old)` is the new index), for a problem
    /// made of some of the activities.
    ///
    /// - Precondition: `map` is defined for every activity the rule constrains.
    public func mapped(_ map: (Int) -> Int) -> Rule {
        let kind: Kind
        switch self.kind {
        case .allow(let a, let slots): kind = .allow(activity: map(a), slots: slots)
        case .precedence(var p):
            p.before = map(p.before)
            p.after = map(p.after)
            kind = .precedence(p)
        case .noOverlap(let a, let b, let padding, let scale):
            kind = .noOverlap(map(a), map(b), padding: padding, scale: scale)
        case .within(let inner, let outer, let scale):
            kind = .within(inner: map(inner), outer: map(outer), scale: scale)
        case .countingCap(var cap):
            cap.activities = cap.activities.map(map)
            kind = .countingCap(cap)
        case .roomsDisjoint(let list): kind = .roomsDisjoint(activities: list.map(map))
        }
        return Rule(kind, origin: origin, boundsSlots: boundsSlots)
    }

    /// The rule as a JSON object for `ModelExport` (docs/model-format.md); nil for rules
    /// about one activity, which the export applies to the slots it lists.
    func exportJSON() -> String? {
        switch kind {
        case .allow: return nil
        case .precedence(let p): return p.exportJSON()
        case .noOverlap(let a, let b, let padding, let scale):
            return NoOverlapRule.exportJSON(a, b, padding: padding, scale: scale)
        case .within(let i, let o, let scale): return WithinRule.exportJSON(inner: i, outer: o, scale: scale)
        case .countingCap(let cap): return cap.exportJSON()
        case .roomsDisjoint(let list): return RoomsDisjointRule.exportJSON(list)
        }
    }
}

extension Propagation {
    /// Applies one rule after activity `changed` narrowed; false when a domain empties.
    func apply(_ kind: Rule.Kind, changed: Int, _ d: inout Domains, _ touched: inout [Int]) -> Bool {
        switch kind {
        case .allow: return true  // applied once, to the initial domains
        case .precedence(let p): return precedence(p, &d, &touched)
        case .noOverlap(let a, let b, let padding, let scale):
            return noOverlap(a, b, padding, scale, changed: changed, &d, &touched)
        case .within(let i, let o, let scale): return within(i, o, scale, &d, &touched)
        case .countingCap(let cap): return countingCap(cap, changed: changed, &d, &touched)
        case .roomsDisjoint(let list): return roomsDisjoint(list, changed: changed, &d, &touched)
        }
    }
}
