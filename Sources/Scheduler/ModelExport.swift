import Foundation

/// The solver model as JSON, for an independent solver (the CP-SAT reference in
/// `benchmarks/`) to solve the very same problem. See docs/model-format.md.
///
/// Rules about one activity alone are applied first: each activity lists only the slots they
/// allow, with each slot's penalty. Each other rule writes itself (`Rule.exportJSON`, in its
/// kind's file).
public enum ModelExport {
    /// - Parameter rooms: the ids of the rooms slots refer to by index (a summit's), else empty.
    public static func json(_ problem: Problem, calendar: String, rooms: [String] = []) -> String {
        let domains = Solver.initialDomains(problem, enabled: nil)
        let costs = problem.slotCosts()
        var out = "{\n  \"calendar\": \(quote(calendar)),\n"
        out += "  \"rooms\": [\(rooms.map(quote).joined(separator: ", "))],\n  \"activities\": [\n"
        out += problem.activities.indices.map { a in
            let slots = domains[a].map { i -> String in
                let s = problem.activities[a].slots[Int(i)]
                return "[\(s.start),\(s.end),\(s.firstDay),\(s.endDay),\(costs[a][Int(i)]),\(s.room)]"
            }
            return "    {\"id\": \(quote(problem.activities[a].id)), \"slots\": [\(slots.joined(separator: ","))]}"
        }.joined(separator: ",\n")
        out += "\n  ],\n  \"rules\": [\n"
        let rules = problem.rules.compactMap { $0.exportJSON() }
        out += rules.map { "    " + $0 }.joined(separator: ",\n")
        out += "\n  ],\n  \"pairPenalties\": [\n"
        out += problem.pairPenalties.map { p -> String in
            switch p.measure {
            case .apart(let minimum, let scale):
                return "    {\"type\": \"apart\", \"a\": \(p.a), \"b\": \(p.b), \"minimum\": \(minimum), "
                    + "\"scale\": \"\(scale.rawValue)\", \"weight\": \(p.weight)}"
            case .sameRoom:
                return "    {\"type\": \"sameRoom\", \"a\": \(p.a), \"b\": \(p.b), \"weight\": \(p.weight)}"
            case .close(let maximum, let scale):
                return "    {\"type\": \"close\", \"a\": \(p.a), \"b\": \(p.b), \"maximum\": \(maximum), "
                    + "\"scale\": \"\(scale.rawValue)\", \"weight\": \(p.weight)}"
            }
        }.joined(separator: ",\n")
        out += "\n  ],\n  \"sharePenalties\": [\n"
        out += problem.sharePenalties.map { share -> String in
            // Each party's values for each member's exported slots, in the members' slot order.
            let values = share.values.map { party in
                "["
                    + share.activities.indices.map { m in
                        "[" + domains[share.activities[m]].map { String(party[m][Int($0)]) }.joined(separator: ",")
                            + "]"
                    }.joined(separator: ",") + "]"
            }
            return "    {\"activities\": [\(share.activities.map(String.init).joined(separator: ", "))], "
                + "\"parties\": [\(share.parties.map(quote).joined(separator: ", "))], \"weight\": \(share.weight), "
                + "\"values\": [\(values.joined(separator: ","))]}"
        }.joined(separator: ",\n")
        out += "\n  ]\n}\n"
        return out
    }

    static func quote(_ s: String) -> String {
        var r = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": r += "\\\""
            case "\\": r += "\\\\"
            case "\n": r += "\\n"
            default:
                if ch.value < 0x20 { r += String(format: "\\u%04x", ch.value) } else { r.unicodeScalars.append(ch) }
            }
        }
        return r + "\""
    }
}
