import Chronology
import PlanFile
import Planning
import ReleaseFormat
import Scheduler

/// The summit as a day grid: one column per room or channel, one grid per day, times down the
/// side in the host zone with a second zone beside it (UTC unless another is chosen), sessions
/// coloured by track and labelled with their track and speakers. Reads without JavaScript; a
/// small inline script only switches the second zone.
public struct SummitGrid {
    let model: PlanModel
    let assignment: [Int]

    public init(model: PlanModel, assignment: [Int]) {
        self.model = model
        self.assignment = assignment
    }

    static let step = 15  // minutes a grid row stands for

    public func html() -> String {
        let plan = model.plan
        guard let summit = plan.summit else { return "" }
        let host = plan.calendar.zone, clock = model.clock(host)
        let sessions = plan.events.indices.filter {
            plan.events[$0].session.isSession && model.slot($0, assignment).room >= 0
        }
        var zones = [Zone.utc]
        for audience in plan.audiences {
            for z in audience.zones.map(\.value) where !zones.contains(z) && z != host { zones.append(z) }
        }
        let trackIds = plan.tracks.map(\.id.value)
        let hours = summit.hours.value
        var days = ""
        for dayNumber in summit.days.value.first.dayNumber...summit.days.value.last.dayNumber {
            let daySessions = sessions.filter {
                clock.local(atUTCMinute: model.slot($0, assignment).start).day == dayNumber
            }
            let rowsCount = (hours.end.minutes - hours.start.minutes) / Self.step
            var cells = ""
            // Header: time columns, then one column per room.
            cells += "<div class=\"head\" style=\"grid-column: 1; grid-row: 1\">\(host.identifier)</div>"
            let zoneNames = zones.map { "<span class=\"zone zone-\(zoneClass($0))\">\($0.identifier)</span>" }.joined()
            cells += "<div class=\"head\" style=\"grid-column: 2; grid-row: 1\">\(zoneNames)</div>"
            for (r, room) in plan.rooms.enumerated() {
                let kind = room.isVirtual ? "virtual channel" : "hybrid room"
                cells += """
                    <div class="head" style="grid-column: \(r + 3); grid-row: 1">\(Markup.escape(room.name))\
                    <br><small>\(kind), \(room.capacity)</small></div>
                    """
            }
            for row in 0..<rowsCount where row % 4 == 0 {
                let minute = hours.start.minutes + row * Self.step
                let instant = clock.utcMinute(day: dayNumber, minute: minute)
                let gridRow = "grid-row: \(row + 2) / span 4"
                let hostTime = LocalTime(minutes: minute % 1440)!
                cells += "<div class=\"time\" style=\"grid-column: 1; \(gridRow)\">\(hostTime)</div>"
                let others = zones.map { zone -> String in
                    let local = model.clock(zone).local(atUTCMinute: instant)
                    let mark = local.day != dayNumber ? (local.day > dayNumber ? " +1d" : " −1d") : ""
                    let time = LocalTime(minutes: local.minute)!
                    return "<span class=\"zone zone-\(zoneClass(zone))\">\(time)\(mark)</span>"
                }
                cells += "<div class=\"time second\" style=\"grid-column: 2; \(gridRow)\">\(others.joined())</div>"
            }
            for a in daySessions {
                let event = plan.events[a], slot = model.slot(a, assignment)
                let local = clock.local(atUTCMinute: slot.start)
                let row = (local.minute - hours.start.minutes) / Self.step + 2
                let span = max(1, (slot.end - slot.start) / Self.step)
                let track = event.session.track.flatMap { plan.track($0.value) }
                let color = track?.color ?? Palette.color(for: track?.id.value ?? "", among: trackIds)
                let speakers = event.people.compactMap { id in plan.person(id.value)?.name }
                let end = clock.local(atUTCMinute: slot.end)
                let placement = "grid-column: \(slot.room + 3); grid-row: \(row) / span \(span)"
                let colors = "background: \(color); color: \(Palette.text(on: color))"
                let roomId = plan.rooms[slot.room].id.value
                let times = "\(LocalTime(minutes: local.minute)!)–\(LocalTime(minutes: end.minute % 1440)!)"
                let trackName = track?.name ?? event.session.role?.value.rawValue ?? "session"
                cells += """
                    <div class="session" style="\(placement); \(colors)" \
                    data-session="\(Markup.escape(event.id.value))" data-room="\(Markup.escape(roomId))" \
                    data-start-utc="\(Timestamp.utc(slot.start))" data-end-utc="\(Timestamp.utc(slot.end))">\
                    <strong>\(times) \(Markup.escape(event.title))</strong>\
                    <span class="track">\(Markup.escape(trackName))</span>\
                    <span class="who">\(Markup.escape(speakers.joined(separator: ", ")))</span></div>

                    """
            }
            let columns = "4.5rem 7rem repeat(\(plan.rooms.count), minmax(9rem, 1fr))"
            let rows = "3rem repeat(\(rowsCount), 0.9rem)"
            days += """
                <section class="day"><h2>\(Self.dayLabel(dayNumber))</h2>
                <div class="grid" style="grid-template-columns: \(columns); grid-template-rows: \(rows)">
                \(cells)</div></section>

                """
        }
        let options = zones.map { "<option value=\"\(zoneClass($0))\">\($0.identifier)</option>" }.joined()
        let hideAll = zones.dropFirst().map { ".zone-\(zoneClass($0))" }.joined(separator: ", ")
        let showChosenZone = "el.style.display = el.classList.contains('zone-' + e.target.value) ? 'inline' : 'none';"
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(Markup.escape(plan.calendar.name)) — day grid</title>
            <style>
              body { font-family: "Noto Sans", system-ui, sans-serif; margin: 1rem; color: #1a1a1a; }
              .grid { display: grid; gap: 1px; background: #e0e0e0; border: 1px solid #bdbdbd; margin-bottom: 2rem; }
              .head { background: #263238; color: #fff; font-size: .8rem; padding: .3rem; }
              .time { background: #fafafa; font-size: .75rem; padding: 0 .3rem; border-top: 1px solid #bbb; }
              .second { color: #37474f; }
              .session { color: #fff; font-size: .72rem; padding: .2rem .3rem; overflow: hidden; border-radius: 3px; }
              .session strong { display: block; }
              .session .track { display: block; font-style: italic; }
              .session .who { display: block; opacity: .95; }
              \(hideAll.isEmpty ? "" : "\(hideAll) { display: none; }")
              @media print { @page { size: A4 landscape; } .picker { display: none; } .day { break-after: page; } }
            </style>
            </head>
            <body>
            <h1>\(Markup.escape(plan.calendar.name)): day grid</h1>
            <p class="picker"><label>Second time zone: <select id="zone">\(options)</select></label> \
            (times on the left are \(host.identifier))</p>
            \(days)
            <script>
            document.getElementById('zone').addEventListener('change', function (e) {
              document.querySelectorAll('.zone').forEach(function (el) { \(showChosenZone) });
            });
            </script>
            </body>
            </html>

            """
    }

    func zoneClass(_ zone: Zone) -> String {
        zone.identifier.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    static func dayLabel(_ day: Int) -> String {
        let d = CivilDate(dayNumber: day)
        let weekday = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][d.weekday - 1]
        return "\(weekday) \(d.day) \(CivilDate.monthName(d.month)) \(d.year)"
    }
}
