/// `allow`: the activity may only take the slots in a set — windows, blackouts, local hours,
/// pins, people's unavailability, relations to fixed events, all reduced to slots.
///
/// Applied once, to the initial domains (`Solver.initialDomains`); never propagated, and not
/// exported as a rule: the export lists only the slots every `allow` keeps.
enum AllowRule {
    static func holds(_ set: SlotSet, slot: Int) -> Bool { set.contains(slot) }
}
