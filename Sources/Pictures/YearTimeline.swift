import Chronology
import Foundation
import PlanFile
import Planning
import ReleaseFormat
import Scheduler

/// The year as a picture: months across, one row per event grouped by kind, each event's
/// window drawn faintly behind its placed dates, the fixed fora as labelled bands, dependencies
/// as arrows, pinned events marked, blackouts shaded, today's line, and the changes of the
/// latest release highlighted. Self-contained HTML with inline SVG; no script, no fetches.
public struct YearTimeline {
    public struct Change: Sendable {
        public var id: String
        /// new, moved, changed, cancelled, restored.
        public var kind: String
        public var title: String
        public var before: (start: String, end: String)?

        public init(id: String, kind: String, title: String, before: (start: String, end: String)?) {
            self.id = id
            self.kind = kind
            self.title = title
            self.before = before
        }
    }

    let model: PlanModel
    let assignment: [Int]
    let today: CivilDate?
    let changes: [Change]

    public init(model: PlanModel, assignment: [Int], today: CivilDate?, changes: [Change] = []) {
        self.model = model
        self.assignment = assignment
        self.today = today
        self.changes = changes
    }

    // Layout, in SVG units.
    static let labelWidth = 250.0, dayWidth = 3.2, rowHeight = 22.0, top = 76.0, kindGap = 18.0

    var plan: Plan { model.plan }
    var first: Int { plan.calendar.horizon.value.first.dayNumber }
    var dayCount: Int { plan.calendar.horizon.value.dayCount }
    func x(_ day: Int) -> Double { Self.labelWidth + Double(day - first) * Self.dayWidth }

    /// The position attributes of a text: `x="…" y="…"`.
    static func at(_ x: Double, _ y: Double) -> String { "x=\"\(Markup.n(x))\" y=\"\(Markup.n(y))\"" }

    /// The position and size attributes of a rectangle: `x="…" y="…" width="…" height="…"`.
    static func box(x: Double, y: Double, width: Double, height: Double) -> String {
        "\(at(x, y)) width=\"\(Markup.n(width))\" height=\"\(Markup.n(height))\""
    }

    /// The end points of a vertical line at `x` from `y1` down to `y2`: `x1="…" y1="…" x2="…" y2="…"`.
    static func vertical(x: Double, from y1: Double, to y2: Double) -> String {
        "x1=\"\(Markup.n(x))\" y1=\"\(Markup.n(y1))\" x2=\"\(Markup.n(x))\" y2=\"\(Markup.n(y2))\""
    }

    public func html() -> String {
        let svg = svgBody()
        let todayKey = today.map { "<span>│ today, \($0)</span>" } ?? ""
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(Markup.escape(plan.calendar.name)) — the year</title>
            <style>
              body { font-family: "Noto Sans", system-ui, sans-serif; margin: 1rem; color: #1a1a1a; }
              h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
              p { margin: .2rem 0 .6rem; }
              svg text { font-size: 11px; fill: #1a1a1a; }
              svg .bar-label { fill: #ffffff; font-size: 10px; }
              svg .band-label { font-size: 9px; fill: #4a3b00; }
              .legend span { display: inline-block; margin-right: 1rem; }
              @page { size: A4 landscape; margin: 8mm; }
              @media print { body { margin: 0; } svg { width: 100%; height: auto; } }
            </style>
            </head>
            <body>
            <h1>\(Markup.escape(plan.calendar.name)): the year</h1>
            <p class="legend"><span>▮ placed dates (solid)</span><span>▯ window (faint)</span>\
            <span>▒ fixed forum (yellow band)</span><span>░ blackout (grey)</span><span>→ dependency</span>\
            <span>📌 pinned</span><span>NEW / MOVED / CANCELLED: changes of the latest release</span>\(todayKey)</p>
            \(svg)
            </body>
            </html>

            """
    }

    struct Row {
        var id: String
        var y: Double
        var start: Int
        var end: Int
    }

    func svgBody() -> String {
        let kinds = Array(Set(plan.events.map(\.kind))).sorted()
        var rows: [String: Row] = [:]
        var y = Self.top
        var body: [String] = []
        var labels: [String] = []
        // Rows, grouped by kind.
        for kind in kinds {
            labels.append(
                "<text x=\"4\" y=\"\(Markup.n(y + 12))\" font-weight=\"bold\">\(Markup.escape(kind.capitalized))</text>"
            )
            y += Self.kindGap
            let events = plan.events.indices.filter { plan.events[$0].kind == kind }
                .sorted {
                    (model.slot($0, assignment).start, plan.events[$0].id.value) < (
                        model.slot($1, assignment).start, plan.events[$1].id.value
                    )
                }
            for a in events {
                let slot = model.slot(a, assignment)
                rows[plan.events[a].id.value] = Row(
                    id: plan.events[a].id.value, y: y, start: slot.firstDay, end: slot.endDay)
                body.append(eventRow(a, y: y, color: Palette.color(for: kind, among: kinds)))
                y += Self.rowHeight
            }
        }
        let cancelled = changes.filter { $0.kind == "cancelled" }
        if !cancelled.isEmpty {
            labels.append("<text x=\"4\" y=\"\(Markup.n(y + 12))\" font-weight=\"bold\">Cancelled</text>")
            y += Self.kindGap
            for change in cancelled { body.append(cancelledRow(change, y: y)); y += Self.rowHeight }
        }
        let height = y + 10
        let width = x(first + dayCount) + 10
        var background: [String] = [monthGrid(height: height)]
        background += blackoutBands(height: height)
        background += foraBands(height: height)
        var arrows: [String] = []
        for (a, event) in plan.events.enumerated() {
            for dependency in event.after {
                guard let from = rows[dependency.event.value], let to = rows[event.id.value] else { continue }
                let x1 = x(dependency.from == .end ? from.end : from.start), x2 = x(to.start)
                let curve =
                    "M\(Markup.n(x1)) \(Markup.n(from.y + 8)) C\(Markup.n(x1 + 12)) \(Markup.n(from.y + 8)) "
                    + "\(Markup.n(x2 - 12)) \(Markup.n(to.y + 8)) \(Markup.n(x2)) \(Markup.n(to.y + 8))"
                let earlier = Markup.escape(dependency.event.value)
                arrows.append(
                    """
                    <path d="\(curve)" fill="none" stroke="#555" stroke-width="1" marker-end="url(#arrow)" \
                    data-from="\(earlier)" data-to="\(Markup.escape(event.id.value))">\
                    <title>\(Markup.escape(event.title)) comes after \(earlier)</title></path>
                    """
                )
            }
            _ = a
        }
        var overlay: [String] = []
        if let today, plan.calendar.horizon.value.contains(today) {
            let tx = x(today.dayNumber)
            let todayLine = Self.vertical(x: tx, from: Self.top - 20, to: height)
            overlay.append("<line \(todayLine) stroke=\"#c62828\" stroke-width=\"1.5\" data-today=\"\(today)\"/>")
            overlay.append("<text \(Self.at(tx + 3, Self.top - 22)) fill=\"#c62828\">today \(today)</text>")
        }
        let name = Markup.escape(plan.calendar.name), w = Markup.n(width), h = Markup.n(height)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" \
            aria-label="\(name) timeline" viewBox="0 0 \(w) \(h)" width="\(w)" height="\(h)">
            <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" \
            orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#555"/></marker></defs>
            \((background + labels + body + arrows + overlay).joined(separator: "\n"))
            </svg>
            """
    }

    func monthGrid(height: Double) -> String {
        var parts: [String] = []
        var date = plan.calendar.horizon.value.first
        let last = plan.calendar.horizon.value.last
        while date <= last {
            let start = CivilDate(year: date.year, month: date.month, day: 1)!
            let x0 = x(max(start.dayNumber, first))
            parts.append("<line \(Self.vertical(x: x0, from: Self.top - 40, to: height)) stroke=\"#ddd\"/>")
            let month = "\(CivilDate.monthName(date.month).prefix(3)) \(date.year)"
            parts.append("<text \(Self.at(x0 + 3, Self.top - 44))>\(month)</text>")
            let next =
                date.month == 12
                ? CivilDate(year: date.year + 1, month: 1, day: 1)!
                : CivilDate(year: date.year, month: date.month + 1, day: 1)!
            date = next
        }
        return parts.joined(separator: "\n")
    }

    func blackoutBands(height: Double) -> [String] {
        var parts: [String] = []
        for blackout in plan.blackouts {
            for span in blackout.dates {
                let s = max(span.value.first.dayNumber, first), e = min(span.value.last.dayNumber + 1, first + dayCount)
                guard e > s else { continue }
                let band = Self.box(
                    x: x(s), y: Self.top - 10, width: Double(e - s) * Self.dayWidth, height: height - Self.top + 10)
                parts.append(
                    """
                    <rect \(band) fill="#9e9e9e" fill-opacity="0.18" \
                    data-blackout="\(Markup.escape(blackout.id.value))">\
                    <title>Blackout: \(Markup.escape(blackout.name)) \(span.value)</title></rect>
                    """
                )
            }
        }
        return parts
    }

    func foraBands(height: Double) -> [String] {
        var parts: [String] = []
        for (i, fixed) in plan.fixedEvents.enumerated() {
            guard let slot = model.fixedSlots[fixed.id.value] else { continue }
            let s = max(slot.firstDay, first), e = min(slot.endDay, first + dayCount)
            guard e > s else { continue }
            let x0 = x(s), w = max(Self.dayWidth, Double(e - s) * Self.dayWidth)
            let labelY = Self.top - 16 + Double(i % 4) * 8
            let firstDate = CivilDate(dayNumber: slot.firstDay), endDate = CivilDate(dayNumber: slot.endDay)
            let lastDate = CivilDate(dayNumber: slot.endDay - 1)
            let band = Self.box(x: x0, y: Self.top - 10, width: w, height: height - Self.top + 10)
            let label = Markup.escape(String(fixed.title.prefix(18)))
            parts.append(
                """
                <g data-forum="\(Markup.escape(fixed.id.value))" data-start="\(firstDate)" data-end="\(endDate)">\
                <rect \(band) fill="#f9a825" fill-opacity="0.22"/>\
                <text class="band-label" \(Self.at(x0, labelY))>\(label)</text>\
                <title>\(Markup.escape(fixed.title)): \(firstDate) to \(lastDate) (\(fixed.venue.zone))</title></g>
                """
            )
        }
        return parts
    }

    func eventRow(_ a: Int, y: Double, color: String) -> String {
        let event = plan.events[a]
        let slot = model.slot(a, assignment)
        let window = event.window.value
        let change = changes.first { $0.id == event.id.value }
        let clock = model.clock(event.venue.zone)
        let allDay = event.duration.value.isAllDay
        let local =
            allDay
            ? "\(CivilDate(dayNumber: slot.firstDay)) to \(CivilDate(dayNumber: slot.endDay - 1))"
            : "\(ScheduleTable.local(slot.start, clock)) to \(ScheduleTable.local(slot.end, clock))"
        let slack = Slack(model: model, assignment: assignment, activity: a)
        let why = (slack.blockingEarlier + slack.blockingLater).prefix(4).map { model.problem.rules[$0].origin.text }
        let utc = "UTC \(Timestamp.utc(slot.start)) to \(Timestamp.utc(slot.end))"
        let tooltip =
            "\(event.title)\n\(local) (\(event.venue.zone))\n\(utc)\nwindow \(window)"
            + (why.isEmpty ? "" : "\nheld by: " + why.joined(separator: "; "))
        let wx = x(window.first.dayNumber), ww = Double(window.dayCount) * Self.dayWidth
        let bx = x(slot.firstDay), bw = max(Self.dayWidth * 1.5, Double(slot.endDay - slot.firstDay) * Self.dayWidth)
        let firstDate = CivilDate(dayNumber: slot.firstDay), endDate = CivilDate(dayNumber: slot.endDay)
        let changeAttribute = change.map { " data-change=\"\($0.kind)\"" } ?? ""
        let pin = event.pinned != nil ? "📌 " : ""
        var parts = [
            """
            <g class="event" data-event-id="\(Markup.escape(event.id.value))" data-start="\(firstDate)" \
            data-end="\(endDate)" data-start-utc="\(Timestamp.utc(slot.start))"\(changeAttribute)>
            """,
            "<title>\(Markup.escape(tooltip))</title>",
            "<text x=\"4\" y=\"\(Markup.n(y + 12))\">\(pin)\(Markup.escape(String(event.title.prefix(38))))</text>",
            """
            <rect \(Self.box(x: wx, y: y + 2, width: ww, height: 14)) fill="\(color)" fill-opacity="0.13" \
            stroke="\(color)" stroke-opacity="0.35" stroke-dasharray="3 2"/>
            """,
            "<rect \(Self.box(x: bx, y: y + 2, width: bw, height: 14)) fill=\"\(color)\" rx=\"2\"/>",
        ]
        // The start date: inside a long bar in white, beside a short one in dark text.
        let label = CivilDate(dayNumber: slot.firstDay).description.dropFirst(5)
        if bw > 40 {
            parts.append(
                "<text class=\"bar-label\" x=\"\(Markup.n(bx + 2))\" y=\"\(Markup.n(y + 13))\">\(label)</text>")
        } else {
            parts.append(
                "<text x=\"\(Markup.n(bx + bw + 3))\" y=\"\(Markup.n(y + 13))\" font-size=\"10\">\(label)</text>")
        }
        if let change {
            let mark = change.kind.uppercased()
            parts.append("<text \(Self.at(bx + bw + 34, y + 13)) font-weight=\"bold\" fill=\"#c62828\">\(mark)</text>")
            let frame = Self.box(x: bx - 2, y: y, width: bw + 4, height: 18)
            parts.append("<rect \(frame) fill=\"none\" stroke=\"#c62828\" stroke-width=\"2\"/>")
        }
        parts.append("</g>")
        return parts.joined()
    }

    func cancelledRow(_ change: Change, y: Double) -> String {
        guard let before = change.before, case .success(let s) = CivilDate.parse(String(before.start.prefix(10))),
            case .success(let e) = CivilDate.parse(String(before.end.prefix(10)))
        else { return "" }
        let bx = x(s.dayNumber), bw = max(Self.dayWidth * 1.5, Double(e.dayNumber - s.dayNumber) * Self.dayWidth)
        let was = ReadableDates.placement(start: before.start, end: before.end)
        let label = Markup.escape(String(change.title.prefix(38)))
        return """
            <g data-event-id="\(Markup.escape(change.id))" data-change="cancelled">\
            <title>Cancelled: \(Markup.escape(change.title)), was \(was)</title>\
            <text x="4" y="\(Markup.n(y + 12))"><tspan text-decoration="line-through">\(label)</tspan></text>\
            <rect \(Self.box(x: bx, y: y + 2, width: bw, height: 14)) \
            fill="none" stroke="#c62828" stroke-dasharray="2 2"/>\
            <text \(Self.at(bx + bw + 4, y + 13)) font-weight="bold" fill="#c62828">CANCELLED</text></g>
            """
    }
}
