import Chronology
import Diagnostics

/// What one plan file contributes: its own sections, before includes are merged and
/// references are resolved.
struct PlanDocument {
    var path: String
    var calendar: CalendarInfo?
    var calendarLocation: SourceLocation?
    var includes: [PlanInclude] = []
    var audiences: [Audience] = []
    var people: [Person] = []
    var places: [Place] = []
    var fixedEvents: [FixedEvent] = []
    var events: [Event] = []
    var blackouts: [Blackout] = []
    var summit: SummitInfo?
    var summitLocation: SourceLocation?
    var rooms: [Room] = []
    var tracks: [Track] = []

    static let topLevelKeys = [
        "calendar", "include", "audiences", "people", "places", "fixed", "events", "blackouts",
        "summit", "rooms", "tracks",
    ]

    /// Reads the sections of one file's tree, reporting every problem to `log`.
    init(root: PlanNode, path: String, log: DiagnosticLog) {
        self.path = path
        guard let top = MappingReader(root, subject: "a plan file", keys: Self.topLevelKeys, log: log) else { return }
        if let node = top.optional("calendar") {
            calendarLocation = node.location
            calendar = CalendarReader.read(node, log: log)
        }
        includes = PlanInclude.read(top.optional("include"), log: log)
        audiences = top.list("audiences").compactMap { PeopleReader.audience($0, log: log) }
        people = top.list("people").compactMap { PeopleReader.person($0, log: log) }
        places = top.list("places").compactMap { PeopleReader.place($0, log: log) }
        fixedEvents = top.list("fixed").compactMap { FixedEventReader.read($0, log: log) }
        events = top.list("events").compactMap { EventReader.read($0, log: log) }
        blackouts = top.list("blackouts").compactMap { BlackoutReader.read($0, log: log) }
        if let node = top.optional("summit") {
            summitLocation = node.location
            summit = SummitReader.summit(node, log: log)
        }
        rooms = top.list("rooms").compactMap { SummitReader.room($0, log: log) }
        tracks = top.list("tracks").compactMap { SummitReader.track($0, log: log) }
    }
}

/// An id as plans write them: lowercase letters, digits and dashes, so that it can be part of a
/// UID, a file name and a URL unchanged.
public enum Identifier {
    static func check(_ id: Located<String>, log: DiagnosticLog) -> Bool {
        let ok = isValid(id.value)
        if !ok {
            log.error(
                id.location, "'\(id.value)' is not a valid id",
                hint: "use lowercase letters, digits and dashes, e.g. \(suggested(id.value))")
        }
        return ok
    }

    /// Whether `text` is an id a plan accepts: at most 64 of `a-z 0-9 - _ .`, not starting with
    /// `-` or `.`.
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64
            && text.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
            } && text.first != "-" && text.first != "."
    }

    /// `text` made into an id: lowercased, every run of other characters one dash.
    public static func suggested(_ text: String) -> String {
        let mapped = text.lowercased().map { $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII ? String($0) : "-" }
            .joined()
        let collapsed = mapped.split(separator: "-").joined(separator: "-")
        return collapsed.isEmpty ? "my-event" : collapsed
    }
}
