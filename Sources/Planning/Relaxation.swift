import Scheduler

/// How one rule of the model could be relaxed, in the plan's words: the kind of change, the
/// event it is about, the value as written, and the rule it becomes after `n` steps.
///
/// `ModelBuilder` records these beside the rules a planner can change (windows, gaps, local
/// hours, blackouts, pins, `avoid`, pinned rooms); `RepairFinder` tries them.
public struct Relaxation: Sendable {
    public enum Kind: String, Sendable, Codable {
        /// Open the window earlier or later by whole days.
        case widenWindow = "widen-window"
        /// A smaller `min-gap` of a dependency.
        case lowerGap = "lower-gap"
        /// Earlier start or later end of a `local-hours` range.
        case widenLocalHours = "widen-local-hours"
        /// The blackout no longer applies to the event.
        case liftBlackout = "lift-blackout"
        /// The event loses its `pinned` date or time.
        case unpin
        /// The event loses its `pinned-room`.
        case unpinRoom = "unpin-room"
        /// The `avoid` entry goes.
        case dropAvoid = "drop-avoid"
    }

    public let kind: Kind
    public let event: String
    /// The value as the plan writes it now (`2021-05-10..2021-05-17`, `30d`, `08:00-17:00`).
    public let old: String
    /// How many steps can be tried; 0 for a change that removes the rule.
    public let steps: Int
    /// What one step is worth in minutes, so that changes of different kinds rank together.
    public let stepMinutes: Int
    /// The rule after `n` steps (1 ≤ n ≤ `steps`) and its value as the plan would write it.
    /// Nil for a change that removes the rule.
    let relaxed: (@Sendable (Int) -> (kind: Rule.Kind, new: String))?

    init(
        _ kind: Kind, event: String, old: String, steps: Int = 0, stepMinutes: Int = 0,
        relaxed: (@Sendable (Int) -> (kind: Rule.Kind, new: String))? = nil
    ) {
        self.kind = kind
        self.event = event
        self.old = old
        self.steps = steps
        self.stepMinutes = stepMinutes
        self.relaxed = relaxed
    }

    /// Whether the change removes the rule rather than moving a value.
    public var removes: Bool { relaxed == nil }
}
