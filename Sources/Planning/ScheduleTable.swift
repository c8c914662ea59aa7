import Chronology
import PlanFile
import Scheduler

/// The schedule as a table for the terminal: each event's local start and end with its zone,
/// the UTC start, its window and its slack; moved events marked.
public enum ScheduleTable {
    public static func render(
        model: PlanModel, result: SolveResult, announced: [String: Announced] = [:],
        unplaced: [SolvePipeline.Unplaced] = []
    ) -> String {
        var lines: [String] = []
        // In the plan's units (weighted days for a year of all-day events); schedule.json keeps
        // the solver's number.
        let objective = result.objective.map { PlanUnits.weighted($0) } ?? "–"
        // A schedule not proven optimal says how far from optimal it can be at most.
        let bound =
            result.status == .feasible ? ", bound \(PlanUnits.weighted(result.bound, unitOf: result.objective))" : ""
        lines.append(
            "\(model.plan.calendar.id.value): \(result.status.rawValue), objective \(objective)\(bound) "
                + "(\(String(format: "%.2f", result.seconds)) s, \(result.nodes) nodes"
                + (result.workers > 1 ? " on \(result.workers) workers" : "")
                + (result.secondsToFirstSolution.map { String(format: ", first schedule at %.2f s", $0) } ?? "")
                + (result.secondsToBest.map { String(format: ", best at %.2f s", $0) } ?? "") + ")"
                + (result.stoppedBy == "time-limit"
                    ? " — cut by the time limit, not the work limit: another machine may return another schedule"
                    : ""))
        guard let assignment = result.assignment else { return lines.joined(separator: "\n") + "\n" }
        let hasRooms = !model.plan.rooms.isEmpty
        var rows: [[String]] = [
            ["", "EVENT", "LOCAL START", "LOCAL END", "ZONE", "UTC START"] + (hasRooms ? ["ROOM"] : []) + [
                "WINDOW", "SLACK",
            ]
        ]
        let order = model.plan.events.indices.sorted {
            (model.slot($0, assignment).start, model.plan.events[$0].id.value) < (
                model.slot($1, assignment).start, model.plan.events[$1].id.value
            )
        }
        for a in order {
            let event = model.plan.events[a]
            let slot = model.slot(a, assignment)
            let clock = model.clock(event.venue.zone)
            let allDay = event.duration.value.isAllDay
            let start = allDay ? CivilDate(dayNumber: slot.firstDay).description : local(slot.start, clock)
            let end =
                allDay ? CivilDate(dayNumber: slot.endDay - 1).description + " (last day)" : local(slot.end, clock)
            let slack = Slack(model: model, assignment: assignment, activity: a)
            var mark = event.pinned != nil ? "📌" : " "
            if let before = announced[event.id.value], before.start != slot.start { mark = "moved" }
            let room = slot.room >= 0 ? model.plan.rooms[slot.room].id.value : "–"
            rows.append(
                [mark, event.id.value, start, end, event.venue.zone.identifier, Timestamp.utc(slot.start)]
                    + (hasRooms ? [room] : [])
                    + [
                        event.window.value.description,
                        "-\(amount(slack.earlier, allDay))/+\(amount(slack.later, allDay))",
                    ])
        }
        lines += TerminalWidth.columns(rows)
        if !model.plan.fixedEvents.isEmpty {
            lines.append("Fixed: " + model.plan.fixedEvents.map(\.id.value).joined(separator: ", "))
        }
        for shares in ZoneShares.all(model: model, assignment: assignment) {
            lines.append(String(shares.render().dropLast()))
        }
        for out in unplaced {
            let priority = out.event.priority.map { "priority \($0.value)" } ?? "optional"
            lines.append(
                "Left out: \(out.event.id.value) (\(priority)); these rules could not all hold with it placed:")
            for origin in out.keptOutBy { lines.append("  \(origin.location): \(origin.text)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func local(_ utc: Int, _ clock: ZoneClock) -> String {
        let l = clock.local(atUTCMinute: utc)
        let offset = Zone.formatOffset(clock.offset(atUTCMinute: utc), prefix: "UTC")
        return "\(CivilDate(dayNumber: l.day)) \(LocalTime(minutes: l.minute)!) \(offset)"
    }

    /// `3d` for all-day events, `2h30m` for timed ones.
    static func amount(_ minutes: Int, _ allDay: Bool) -> String {
        if allDay { return "\(minutes / 1440 + (minutes % 1440 >= 720 ? 1 : 0))d" }
        if minutes >= 2 * 1440 { return "\(minutes / 1440)d" }
        let (h, m) = (minutes / 60, minutes % 60)
        return m == 0 ? "\(h)h" : "\(h)h\(m)m"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
