/// The orderings the solver relies on, checked in debug builds (`assert`), as
/// swift-collections checks its heaps behind a flag: cheap to state, costly to hunt down when
/// broken, free in release builds.
enum Invariants {
    /// An activity's slots are sorted by start and their ends never fall as starts grow (equal
    /// starts, one per room, may come in any room order). Every propagator trims prefixes and
    /// suffixes on this promise.
    static func slotsAreOrdered(_ slots: [Slot]) -> Bool {
        zip(slots, slots.dropFirst()).allSatisfy { a, b in
            a.start <= b.start && a.end <= b.end && a.firstDay <= b.firstDay && a.endDay <= b.endDay
        }
    }

    /// A domain lists slot indices in increasing order, each inside the activity's slots.
    static func domainIsOrdered(_ domain: [Int32], slotCount: Int) -> Bool {
        guard let first = domain.first, let last = domain.last else { return true }
        return first >= 0 && Int(last) < slotCount && zip(domain, domain.dropFirst()).allSatisfy { $0 < $1 }
    }
}
