import Chronology
import Diagnostics

/// Merges a root plan file and its includes into one `Plan`, fills in what defaults to
/// the calendar (an event's home zone, a blackout's zone), expands series into their
/// occurrences and gives blackouts the dates of the fixed events they name.
enum PlanAssembler {
    static func assemble(root: PlanDocument, documents: [PlanDocument], log: DiagnosticLog) -> Plan? {
        for document in documents.dropFirst() {
            if let location = document.calendarLocation {
                log.error(
                    location, "only the root plan file may have a calendar section",
                    hint: "move it to \(root.path) or remove it")
            }
        }
        if root.calendar == nil && root.calendarLocation == nil {
            log.error(
                SourceLocation(path: root.path, line: 1, column: 1),
                "missing required field 'calendar' in the plan file",
                hint: "a plan starts with a calendar section: id, name, zone, horizon")
        }
        // A broken calendar section is already reported; a stand-in lets the rest be checked too.
        let calendar = root.calendar ?? standIn(root.path)
        var plan = Plan(calendar: calendar)
        plan.files = documents.map(\.path)
        for document in documents {
            plan.audiences += document.audiences
            plan.people += document.people
            plan.places += document.places
            plan.fixedEvents += document.fixedEvents
            plan.events += document.events
            plan.blackouts += document.blackouts
            plan.rooms += document.rooms
            plan.tracks += document.tracks
            if let summit = document.summit {
                if plan.summit != nil, let location = document.summitLocation {
                    log.error(location, "a plan has one summit section; another is already given")
                } else {
                    plan.summit = summit
                }
            }
        }
        let placeZones = Dictionary(plan.places.map { ($0.id.value, $0.zone.value) }, uniquingKeysWith: { a, _ in a })
        func resolve(_ venue: inout Venue) {
            if let declared = venue.declaredZone {
                venue.zone = declared.value
            } else if let place = venue.place, let zone = placeZones[place.value] {
                venue.zone = zone
            } else {
                venue.zone = calendar.zone
            }
        }
        // Series first: an occurrence may happen somewhere other than its series.
        plan.events = SeriesExpansion.expand(plan.events, log: log)
        for i in plan.events.indices { resolve(&plan.events[i].venue) }
        for i in plan.fixedEvents.indices { resolve(&plan.fixedEvents[i].venue) }
        for i in plan.blackouts.indices { plan.blackouts[i].zone = plan.blackouts[i].declaredZone ?? calendar.zone }
        SeriesReferences.resolve(&plan)
        BlackoutHolidays.resolve(&plan, log: log)
        return plan
    }

    private static func standIn(_ path: String) -> CalendarInfo {
        let start = SourceLocation(path: path, line: 1, column: 1)
        let everything = DateSpan(first: CivilDate(dayNumber: -719_162), last: CivilDate(dayNumber: 2_932_896))
        return CalendarInfo(
            id: Located("", at: start), name: "", organiser: nil, zone: .utc,
            horizon: Located(everything, at: start), granularity: .day, travelBuffer: nil,
            maxEventsPerWeek: nil, url: nil, description: nil,
            location: start)
    }
}
