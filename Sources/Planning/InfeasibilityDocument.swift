import ReleaseFormat
import Scheduler

extension Repair {
    /// The change in the planner's words: "widen the window of 'x' by 3 days, to 2021-05-10..2021-05-20".
    public var sentence: String {
        let amount = PlanUnits.amount(minutes: size, scale: .minutes)
        switch kind {
        case .widenWindow: return "widen the window of '\(event)' by \(amount), to \(new ?? old) (now \(old))"
        case .lowerGap: return "lower the min-gap of '\(event)' from \(old) to \(new ?? old)"
        case .widenLocalHours: return "widen the local hours of '\(event)' to \(new ?? old) (now \(old))"
        case .liftBlackout: return "lift the blackout '\(old)' for '\(event)'"
        case .unpin: return "unpin '\(event)' (pinned to \(old))"
        case .unpinRoom: return "let '\(event)' leave the room '\(old)' (its pinned-room)"
        case .dropAvoid: return "drop '\(old)' from the avoid list of '\(event)'"
        }
    }
}

/// What `convene plan --format json` prints for an infeasible plan (docs/cli.md): the status,
/// each conflict's rules with their positions, and each conflict's repairs.
public struct InfeasibilityDocument: Encodable {
    struct RuleText: Encodable {
        var text: String
        var location: String
    }

    struct RepairEntry: Encodable {
        var kind: String
        var event: String
        var rule: String
        var old: String
        var new: String?
        var size: String?
        var text: String

        enum CodingKeys: String, CodingKey { case kind, event, rule, old, new, size, text }

        /// `new` and `size` are written as null for a change that removes the rule.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(event, forKey: .event)
            try c.encode(rule, forKey: .rule)
            try c.encode(old, forKey: .old)
            try c.encode(new, forKey: .new)
            try c.encode(size, forKey: .size)
            try c.encode(text, forKey: .text)
        }
    }

    struct ConflictEntry: Encodable {
        var rules: [RuleText]
        var provenMinimal: Bool
        var repairs: [RepairEntry]
    }

    var calendar: String
    var status = "infeasible"
    /// The first conflict and its repairs, for tools that read one.
    var conflict: [RuleText]
    var repairs: [RepairEntry]
    /// Every conflict found, the first included.
    var conflicts: [ConflictEntry]

    public init(model: PlanModel, findings: [Finding]) {
        calendar = model.plan.calendar.id.value
        conflicts = findings.map { finding in
            ConflictEntry(
                rules: finding.conflict.rules.map {
                    let origin = model.problem.rules[$0].origin
                    return RuleText(text: origin.text, location: origin.location)
                },
                provenMinimal: finding.conflict.provenMinimal,
                repairs: finding.repairs.map {
                    RepairEntry(
                        kind: $0.kind.rawValue, event: $0.event, rule: $0.location, old: $0.old, new: $0.new,
                        size: $0.new == nil ? nil : PlanUnits.amount(minutes: $0.size, scale: .minutes),
                        text: $0.sentence)
                })
        }
        conflict = conflicts.first?.rules ?? []
        repairs = conflicts.first?.repairs ?? []
    }

    public func json() -> String { StableJSON.text(self) }
}
