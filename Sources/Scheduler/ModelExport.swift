import Foundation

/// The solver model as JSON, for an independent solver (the CP-SAT reference in
/// `benchmarks/`) to solve the very same problem. See docs/model-format.md.
///
/// Rules about one activity alone are applied first: each activity lists only the slots they
/// allow, with each slot's penalty.
public enum ModelExport {
    /// - Parameter rooms: the ids of the rooms slots refer to by index (a summit's), else empty.
    public static func json(_ problem: Problem, calendar: String, rooms: [String] = []) -> String {
        let domains = Solver.initialDomains(problem, enabled: nil)
        let costs = problem.slotCosts()
        var out = "{\n  \"calendar\": \(quote(calendar)),\n  \"rooms\": [\(rooms.map(quote).joined(separator: ", "))],\n  \"activities\": [\n"
        out += problem.activities.indices.map { a in
            let slots = domains[a].map { i -> String in
                let s = problem.activities[a].slots[Int(i)]
                return "[\(s.start),\(s.end),\(s.firstDay),\(s.endDay),\(s.week),\(costs[a][Int(i)]),\(s.room)]"
            }
            return "    {\"id\": \(quote(problem.activities[a].id)), \"slots\": [\(slots.joined(separator: ","))]}"
        }.joined(separator: ",\n")
        out += "\n  ],\n  \"rules\": [\n"
        var rules: [String] = []
        for rule in problem.rules {
            switch rule.kind {
            case .allow: continue
            case .precedence(let p):
                rules.append("{\"type\": \"precedence\", \"before\": \(p.before), \"after\": \(p.after), \"minGap\": \(p.minGap), "
                    + "\"maxGap\": \(p.maxGap.map(String.init) ?? "null"), \"anchor\": \"\(p.anchor.rawValue)\", \"scale\": \"\(p.scale.rawValue)\"}")
            case .noOverlap(let a, let b, let padding, let scale):
                rules.append("{\"type\": \"noOverlap\", \"a\": \(a), \"b\": \(b), \"padding\": \(padding), \"scale\": \"\(scale.rawValue)\"}")
            case .within(let i, let o, let scale):
                rules.append("{\"type\": \"within\", \"inner\": \(i), \"outer\": \(o), \"scale\": \"\(scale.rawValue)\"}")
            case .weeklyCap(let list, let cap):
                rules.append("{\"type\": \"weeklyCap\", \"activities\": [\(list.map(String.init).joined(separator: ","))], \"cap\": \(cap)}")
            case .roomsDisjoint(let list):
                rules.append("{\"type\": \"roomsDisjoint\", \"activities\": [\(list.map(String.init).joined(separator: ","))]}")
            }
        }
        out += rules.map { "    " + $0 }.joined(separator: ",\n")
        out += "\n  ],\n  \"pairPenalties\": [\n"
        out += problem.pairPenalties.map { p -> String in
            switch p.measure {
            case .apart(let minimum, let scale):
                return "    {\"type\": \"apart\", \"a\": \(p.a), \"b\": \(p.b), \"minimum\": \(minimum), \"scale\": \"\(scale.rawValue)\", \"weight\": \(p.weight)}"
            case .sameRoom:
                return "    {\"type\": \"sameRoom\", \"a\": \(p.a), \"b\": \(p.b), \"weight\": \(p.weight)}"
            }
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
