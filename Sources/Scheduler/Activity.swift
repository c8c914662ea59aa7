/// Something the solver places: one of the plan's events, with every slot it could take.
public struct Activity: Sendable {
    /// The event's id in the plan.
    public var id: String
    /// Every slot in the horizon, sorted by start; rules narrow these down.
    public var slots: [Slot] { didSet { longest = Self.longest(slots) } }
    /// The longest slot, in minutes: how far back an overlapping start can lie. Kept here so
    /// that each solve (a feasibility check among many) does not read every slot again.
    public private(set) var longest: Int

    /// - Precondition: `slots` sorted by start, ends growing with starts (checked in debug builds).
    public init(id: String, slots: [Slot]) {
        assert(Invariants.slotsAreOrdered(slots), "the slots of '\(id)' are not sorted by start with growing ends")
        self.id = id
        self.slots = slots
        longest = Self.longest(slots)
    }

    static func longest(_ slots: [Slot]) -> Int { slots.reduce(0) { max($0, $1.end - $1.start) } }
}

/// Where a rule or a penalty comes from, in the planner's words: what it says and where it is
/// written (`path:line:col`).
public struct Origin: Sendable, Hashable {
    public var text: String
    public var location: String

    public init(_ text: String, at location: String) {
        self.text = text
        self.location = location
    }
}
