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
            out += "  placed \(CivilDate(dayNumber: slot.firstDay)) to \(CivilDate(dayNumber: slot.endDay - 1)) (all day, \(event.venue.zone))\n"
        } else {
            out += "  placed \(ScheduleTable.local(slot.start, clock)) to \(ScheduleTable.local(slot.end, clock)) (\(event.venue.zone)); "
                + "UTC \(Timestamp.utc(slot.start))\n"
        }
        out += "  window \(event.window.value) at \(event.window.location)\n"
        let slack = Slack(model: model, assignment: assignment, activity: a)
        out += describe("earlier", slack.earlier, slack.blockingEarlier, allDay: allDay, model: model)
        out += describe("later", slack.later, slack.blockingLater, allDay: allDay, model: model)
        var carried = model.problem.penalties.filter { $0.activity == a }.map { ($0.values[assignment[a]], $0.origin) }
        for p in model.problem.pairPenalties where p.a == a || p.b == a {
            carried.append((p.cost(model.slot(p.a, assignment), model.slot(p.b, assignment)), p.origin))
        }
        if carried.isEmpty {
            out += "  penalties: none\n"
        } else {
            out += "  penalties (minutes × weight):\n"
            for (value, origin) in carried {
                out += "    \(value) — \(origin.text) (\(origin.location))\n"
            }
        }
        return out
    }

    static func describe(_ way: String, _ minutes: Int, _ rules: [Int], allDay: Bool, model: PlanModel) -> String {
        var out = ""
        if minutes > 0 {
            out += "  could start up to \(ScheduleTable.amount(minutes, allDay)) \(way) without breaking a rule; "
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
