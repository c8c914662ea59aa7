import Chronology
import Diagnostics
import Foundation
import ICal
import PlanFile

/// Reads the `.ics` files blackouts name (holidays, fora, a team's busy times) and turns every
/// occurrence inside the horizon into blacked-out dates.
public enum ImportedCalendars {
    static let sizeLimit = 10 * 1024 * 1024

    /// The plan with each imported calendar's dates added to its blackout, and every problem
    /// found, at the imported file's line: errors for what could not be read, warnings for what
    /// was skipped (a vendor's malformed line, an event with no DTSTART).
    public static func apply(to plan: Plan) -> (Plan, [Diagnostic]) {
        var plan = plan
        var diagnostics: [Diagnostic] = []
        let horizon = plan.calendar.horizon.value
        let from = (horizon.first.dayNumber - 1) * 86_400, until = (horizon.last.dayNumber + 2) * 86_400
        for i in plan.blackouts.indices {
            guard let ics = plan.blackouts[i].ics else { continue }
            let path = RelativePath.resolve(ics.value, from: ics.location.path)
            let start = SourceLocation(path: path, line: 1, column: 1)
            guard let data = FileManager.default.contents(atPath: path) else {
                diagnostics.append(
                    .error(at: ics.location, "cannot read the calendar '\(path)'", hint: "check the path"))
                continue
            }
            guard data.count <= sizeLimit else {
                diagnostics.append(
                    .error(at: start, "the calendar is over the 10 MB limit", hint: "import a smaller extract"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error(at: start, "the calendar is not valid UTF-8", hint: "save it as UTF-8"))
                continue
            }
            do {
                let imported = try ICalReader.read(text, from: from, until: until)
                for warning in imported.warnings {
                    diagnostics.append(
                        Diagnostic(
                            .warning, at: SourceLocation(path: path, line: warning.line, column: 1), warning.message))
                }
                let clock = ZoneClock(
                    plan.blackouts[i].zone, firstDay: horizon.first.dayNumber - 2, lastDay: horizon.last.dayNumber + 2)
                for occurrence in imported.occurrences {
                    if let span = days(of: occurrence.span, clock: clock) {
                        plan.blackouts[i].dates.append(Located(span, at: ics.location))
                    }
                }
            } catch {
                diagnostics.append(
                    .error(
                        at: SourceLocation(path: path, line: error.line, column: 1), error.message,
                        hint: "fix the file or export it again from its calendar"))
            }
        }
        return (plan, diagnostics)
    }

    /// The dates an occurrence covers: its own dates, or the local days its instants span.
    static func days(of span: ICalSpan, clock: ZoneClock) -> DateSpan? {
        switch span {
        case .dates(let start, let end):
            guard let first = CivilDate(year: start.year, month: start.month, day: start.day),
                let after = CivilDate(year: end.year, month: end.month, day: end.day)
            else { return nil }
            return DateSpan(first: first, last: after.dayNumber > first.dayNumber ? after.adding(days: -1) : first)
        case .instants(let start, let end):
            let first = clock.local(atUTCMinute: start / 60).day
            let last = clock.local(atUTCMinute: max(start, end - 1) / 60).day
            return DateSpan(first: CivilDate(dayNumber: first), last: CivilDate(dayNumber: last))
        }
    }
}
