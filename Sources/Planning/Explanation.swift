import Chronology
import Scheduler

/// Why an event is where it is: the rules that stop it moving earlier or later, and the
/// penalties it carries.
public enum Explanation {
    public static func render(model: PlanModel, assignment: [Int], activity a: Int) -> String {
        let event = model.plan.events[a]
        let slot = model.slot(a, assignment)
        let allDay = event.duration.value.isAllDay
        let clock = model.clock(event.venue.zone)
        var out = "\(event.id.value) — \(event.title)\n"
        if allDay {
            let days = ReadableDates.days(
                first: CivilDate(dayNumber: slot.firstDay), exclusiveEnd: CivilDate(dayNumber: slot.endDay))
            out += "  placed \(days) (all day, \(event.venue.zone))\n"
        } else {
            let start = ScheduleTable.local(slot.start, clock), end = ScheduleTable.local(slot.end, clock)
            out += "  placed \(start) to \(end) (\(event.venue.zone)); UTC \(Timestamp.utc(slot.start))\n"
        }
        out += "  window \(event.window.value) at \(event.window.location)\n"
        let slack = Slack(model: model, assignment: assignment, activity: a)
        out += describe("earlier", slack.earlier, slack.blockingEarlier, allDay: allDay, model: model)
        out += describe("later", slack.later, slack.blockingLater, allDay: allDay, model: model)
        out += penaltyLines(model: model, assignment: assignment, activity: a)
        if let series = event.occurrence?.series,
            let shares = ZoneShares.all(model: model, assignment: assignment).first(where: { $0.series == series })
        {
            out += shares.render().split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "  \($0)" }.joined(separator: "\n")
        }
        return out
    }

    /// The penalties the event carries where it is, each once and only when not zero, in the
    /// plan's units with its weight, and their total.
    static func penaltyLines(model: PlanModel, assignment: [Int], activity a: Int) -> String {
        var lines: [(origin: Origin, reading: String, value: Int)] = []
        for p in model.problem.penalties where p.activity == a {
            let value = p.values[assignment[a]]
            guard value != 0 else { continue }
            let amount = PlanUnits.amount(minutes: value / p.weight, scale: p.scale)
            lines.append((p.origin, "\(amount)\(p.measure.isEmpty ? "" : " \(p.measure)")\(weighted(p.weight))", value))
        }
        for p in model.problem.pairPenalties where p.a == a || p.b == a {
            let value = p.cost(model.slot(p.a, assignment), model.slot(p.b, assignment))
            guard value != 0 else { continue }
            switch p.measure {
            case .apart(let minimum, let scale):
                let unit = scale == .days ? 1440 : 1
                let short = PlanUnits.amount(minutes: value / p.weight, scale: scale)
                let wanted = PlanUnits.amount(minutes: minimum * unit, scale: scale)
                lines.append((p.origin, "\(short) short of \(wanted) apart\(weighted(p.weight))", value))
            case .close(let maximum, let scale):
                let unit = scale == .days ? 1440 : 1
                let over = PlanUnits.amount(minutes: value / p.weight, scale: scale)
                let wanted = PlanUnits.amount(minutes: maximum * unit, scale: scale)
                lines.append((p.origin, "\(over) beyond the wished \(wanted) together\(weighted(p.weight))", value))
            case .sameRoom:
                lines.append(
                    (
                        p.origin,
                        "in different rooms, counted as \(PlanUnits.amount(minutes: p.weight, scale: .minutes))", value
                    ))
            }
        }
        let shared = shareLines(model: model, assignment: assignment, activity: a)
        guard !lines.isEmpty || !shared.isEmpty else { return "  penalties: none\n" }
        var out = ""
        if !lines.isEmpty {
            out += "  penalties:\n"
            for line in lines {
                out += "    \(line.origin.text): \(line.reading) (\(line.origin.location))\n"
            }
            let total = lines.reduce(0) { $0 + $1.value }
            out += "  total: \(PlanUnits.weighted(total))\n"
        }
        return out + shared
    }

    /// The share penalties of the series the event belongs to: the worst-off zone's total over
    /// the whole series, which is the series' penalty and not the event's, so it is shown apart
    /// from the event's total.
    static func shareLines(model: PlanModel, assignment: [Int], activity a: Int) -> String {
        var out = ""
        for share in model.problem.sharePenalties where share.activities.contains(a) {
            let totals = share.totals(assignment)
            guard let worst = totals.max(), worst > 0 else { continue }
            let zones = share.parties.indices.filter { totals[$0] == worst }.map { share.parties[$0] }
            let who =
                zones.count == 1
                ? "the worst-off zone, \(zones[0]), has"
                : "the worst-off zones, \(zones.joined(separator: " and ")), have"
            let amount = PlanUnits.amount(minutes: worst, scale: .minutes) + (zones.count == 1 ? "" : " each")
            let cost = PlanUnits.weighted(share.cost(assignment))
            out +=
                "  for the whole series: \(share.origin.text): \(who) \(amount) outside 08:00-20:00 in all"
                + "\(weighted(share.weight)) (\(cost); \(share.origin.location))\n"
        }
        return out
    }

    static func weighted(_ weight: Int) -> String { weight == 1 ? "" : ", × weight \(weight)" }

    static func describe(_ way: String, _ minutes: Int, _ rules: [Int], allDay: Bool, model: PlanModel) -> String {
        var out = ""
        if minutes > 0 {
            out +=
                "  could start up to \(ScheduleTable.amount(minutes, allDay)) \(way) without breaking a rule; "
                + "it stays for its penalties or, at equal cost, because earlier slots are tried first\n"
        }
        if rules.isEmpty {
            out += "  nothing but the calendar's horizon stops it moving \(way)\n"
        } else {
            out += "  moving \(way)\(minutes > 0 ? " still" : "") would break:\n"
            for r in rules {
                let origin = model.problem.rules[r].origin
                out += "    \(origin.text) (\(origin.location))\n"
            }
        }
        return out
    }
}
