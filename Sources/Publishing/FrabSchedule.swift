import Chronology
import PlanFile
import Planning
import ReleaseFormat

/// The summit's programme as conference apps (Giggity, EventFahrplan) read it: the c3voc
/// schedule, written as `frab/schedule.xml` and `frab/schedule.json` (docs/frab-export.md).
///
/// Built from the plan and its schedule document; only placed sessions with a room are in it,
/// never external fora or the year's other events. Every time is on the conference's clock (the
/// calendar's zone), and every GUID is a name-based UUID of a name that never changes (a
/// session's ledger UID, a person's or a room's id), so apps keep their favourites across
/// releases. The same inputs give the same document.
public struct FrabSchedule: Sendable, Equatable {
    public struct Conference: Sendable, Equatable {
        /// The calendar id, in the schema's acronym alphabet.
        public var acronym: String
        public var title: String
        public var description: String?
        /// The first and the last day, `YYYY-MM-DD`.
        public var start: String
        public var end: String
        public var daysCount: Int
        /// The calendar's granularity, `HH:MM`.
        public var timeslotDuration: String
        /// The conference zone, e.g. `Asia/Seoul`.
        public var timeZoneName: String
        public var tracks: [Track]
        public var rooms: [Room]
    }

    public struct Track: Sendable, Equatable {
        public var name: String
        /// The track's id, when it is a schema slug.
        public var slug: String?
        /// The track's colour, when it is `#RRGGBB`.
        public var color: String?
    }

    public struct Room: Sendable, Equatable {
        public var name: String
        public var guid: String
        public var isVirtual: Bool
        public var capacity: Int
    }

    public struct Day: Sendable, Equatable {
        /// 1 for the first day.
        public var index: Int
        public var date: String
        /// The summit's hours that day, RFC 3339 with the conference zone's offset.
        public var start: String
        public var end: String
        /// Every room, in the plan's order, each with its sessions that day in time order.
        public var rooms: [RoomDay]
    }

    /// One room on one day.
    public struct RoomDay: Sendable, Equatable {
        public var room: Room
        public var sessions: [Session]
    }

    public struct Session: Sendable, Equatable {
        /// The plan's event id.
        public var eventId: String
        /// A positive integer from the GUID, for readers that still want one.
        public var id: Int
        public var guid: String
        /// `ACRONYM-EVENTID`, lowercase.
        public var slug: String
        public var title: String
        /// The event's kind (`panel`, `roundtable`, `side-event`…).
        public var type: String
        /// The start, RFC 3339 with the conference zone's offset, and the same on the clock, `HH:MM`.
        public var date: String
        public var start: String
        public var end: String
        /// `HH:MM`.
        public var duration: String
        public var room: String
        public var track: String?
        public var language: String?
        public var abstract: String
        /// The objectives and the run of show, as text.
        public var description: String?
        public var persons: [Person]
        public var url: String?
    }

    public struct Person: Sendable, Equatable {
        public var id: Int
        public var guid: String
        public var name: String
    }

    /// Where the files are read: the release's or the agenda's address, and the page of a session.
    public struct Links: Sendable {
        /// Without a final slash, e.g. `https://calendar.example.org`.
        public var base: String
        /// The page of a session, relative to `base`.
        public var sessionPage: @Sendable (String) -> String
        /// Whether `frab/` is served under `base`, so the files can name their own address.
        public var servesFrab: Bool

        /// A release: sessions are on the summit's day grid.
        public static func release(_ base: String) -> Links {
            Links(base: base, sessionPage: { _ in ReleaseLayout.summitGrid }, servesFrab: true)
        }

        /// Agenda documents: each session has its page.
        public static func agenda(_ base: String) -> Links {
            Links(base: base, sessionPage: { "sessions/\($0).html" }, servesFrab: false)
        }
    }

    /// A digest of the programme: it changes when anything in it does.
    public var version: String
    /// `BASE/frab/schedule.xml` and `BASE/`, when known and http(s).
    public var xmlURL: String?
    public var jsonURL: String?
    public var baseURL: String?
    public var conference: Conference
    public var days: [Day]

    /// The programme of `plan` as `schedule` places it.
    ///
    /// - Parameters:
    ///   - uids: each event's published UID (from the ledger); an event missing here takes the
    ///     UID it would be published with, `FeedText.uid`.
    ///   - links: where the files and the sessions' pages are read; none leaves URLs out.
    public init(plan: Plan, schedule: ScheduleDocument, uids: [String: String] = [:], links: Links? = nil) {
        let calendar = plan.calendar.id.value
        let zone = plan.calendar.zone
        let span = plan.summit?.days.value ?? plan.calendar.horizon.value
        let clock = ZoneClock(zone, firstDay: span.first.dayNumber - 1, lastDay: span.last.dayNumber + 1)
        let acronym = Self.acronym(calendar)
        let base = links.map(\.base).flatMap(FrabText.httpURL)
        let rooms = Self.rooms(plan)

        var placed: [(entry: ScheduleDocument.Entry, event: Event, start: Int, end: Int, room: Room)] = []
        for entry in schedule.events where !entry.fixed && !entry.allDay {
            guard let event = plan.event(entry.id), event.session.isSession, let roomId = entry.room,
                let room = rooms.byId[roomId], let start = Timestamp.parseRFC3339(entry.startUTC),
                let end = Timestamp.parseRFC3339(entry.endUTC)
            else { continue }
            placed.append((entry, event, start, end, room))
        }
        let guids = placed.map { NameUUID.v5(uids[$0.entry.id] ?? FeedText.uid($0.entry.id, calendar: calendar)) }
        let ids = FrabText.uniqueIntegers(guids)
        let personIds = Set(placed.flatMap { Self.personIds($0.event) }).sorted()
        let personGuids = Dictionary(
            uniqueKeysWithValues: personIds.map { ($0, NameUUID.v5("acct:\($0)@\(calendar).convene")) })
        let personNumbers = FrabText.uniqueIntegers(personIds.compactMap { personGuids[$0] })

        var sessionsByDay: [Int: [(Int, Session)]] = [:]
        for (n, item) in placed.enumerated() {
            let local = clock.local(atUTCMinute: item.start)
            let persons = Self.personIds(item.event).compactMap { id -> Person? in
                guard let guid = personGuids[id] else { return nil }
                return Person(id: personNumbers[guid] ?? 1, guid: guid, name: plan.person(id)?.name ?? id)
            }
            let track = plan.tracks.first { $0.id.value == item.event.session.track?.value }
            let session = Session(
                eventId: item.event.id.value, id: ids[guids[n]] ?? 1, guid: guids[n],
                slug: FrabText.slug(acronym, item.event.id.value), title: item.event.title, type: item.event.kind,
                date: Timestamp.rfc3339(item.start, clock: clock), start: FrabText.clock(local.minute),
                end: Timestamp.rfc3339(item.end, clock: clock), duration: FrabText.clock(item.end - item.start),
                room: item.room.name, track: track?.name, language: item.event.session.language?.value,
                abstract: item.event.description ?? "",
                description: Self.details(item.event, startMinute: local.minute), persons: persons,
                url: base.map { "\($0)/\(links?.sessionPage(item.event.id.value) ?? "")" })
            sessionsByDay[local.day, default: []].append((item.start, session))
        }

        let dayNumbers = Set(Array(span.first.dayNumber...span.last.dayNumber) + sessionsByDay.keys).sorted()
        let hours = plan.summit?.hours.value
        days = dayNumbers.enumerated().map { index, day in
            let sessions = (sessionsByDay[day] ?? []).sorted { ($0.0, $0.1.eventId) < ($1.0, $1.1.eventId) }.map(\.1)
            return Day(
                index: index + 1, date: CivilDate(dayNumber: day).description,
                start: Timestamp.rfc3339(clock.utcMinute(day: day, minute: hours?.start.minutes ?? 0), clock: clock),
                end: Timestamp.rfc3339(clock.utcMinute(day: day, minute: hours?.end.minutes ?? 1440), clock: clock),
                rooms: rooms.ordered.map { room in
                    RoomDay(room: room, sessions: sessions.filter { $0.room == room.name })
                })
        }
        var step = 15
        if case .minutes(let n) = plan.calendar.granularity { step = n }
        conference = Conference(
            acronym: acronym, title: plan.calendar.name, description: plan.calendar.description,
            start: CivilDate(dayNumber: dayNumbers.first ?? span.first.dayNumber).description,
            end: CivilDate(dayNumber: dayNumbers.last ?? span.last.dayNumber).description,
            daysCount: dayNumbers.count, timeslotDuration: FrabText.clock(step), timeZoneName: zone.identifier,
            tracks: plan.tracks.map { track in
                Track(
                    name: track.name, slug: FrabText.isTrackSlug(track.id.value) ? track.id.value : nil,
                    color: track.color.flatMap { FrabText.isHexColor($0) ? $0.lowercased() : nil })
            },
            rooms: rooms.ordered)
        baseURL = base.map { $0 + "/" }
        xmlURL = links?.servesFrab == true ? base.map { "\($0)/\(ReleaseLayout.frabXML)" } : nil
        jsonURL = links?.servesFrab == true ? base.map { "\($0)/\(ReleaseLayout.frabJSON)" } : nil
        version = ""
        version = String(HexDigest.sha256(json().utf8).prefix(12))
    }

    /// Both files, by their paths in a release or an agenda folder.
    ///
    /// - Throws: what `xml()` throws.
    public func files() throws -> [String: String] {
        [ReleaseLayout.frabXML: try xml(), ReleaseLayout.frabJSON: json()]
    }

    /// The calendar id as an acronym: kept when the JSON schema's pattern takes it, else with
    /// `-` and `.` written `_` (at least four characters): `seoul-summit-2021` → `seoul_summit_2021`.
    static func acronym(_ id: String) -> String {
        if FrabText.isAcronym(id) { return id }
        var text = String(id.map { $0 == "-" || $0 == "." ? "_" : $0 })
        while text.count < 4 { text += "_" }
        return text
    }

    /// The plan's rooms with their frab names (a name two rooms share takes the room's id too)
    /// and GUIDs, by id and in the plan's order.
    static func rooms(_ plan: Plan) -> (ordered: [Room], byId: [String: Room]) {
        let counts = Dictionary(plan.rooms.map { ($0.name, 1) }, uniquingKeysWith: +)
        let ordered = plan.rooms.map { room in
            Room(
                name: counts[room.name, default: 0] > 1 ? "\(room.name) (\(room.id.value))" : room.name,
                guid: NameUUID.v5("room:\(room.id.value)@\(plan.calendar.id.value).convene"),
                isVirtual: room.isVirtual, capacity: room.capacity)
        }
        let byId = Dictionary(
            zip(plan.rooms.map(\.id.value), ordered).map { ($0, $1) }, uniquingKeysWith: { a, _ in a })
        return (ordered, byId)
    }

    /// The speakers, then the moderator, each once.
    static func personIds(_ event: Event) -> [String] {
        var seen = Set<String>()
        return (event.session.speakers + (event.session.moderator.map { [$0] } ?? [])).map(\.value).filter {
            seen.insert($0).inserted
        }
    }

    /// The objectives and the run of show (on the conference clock), or nil when there are none.
    static func details(_ event: Event, startMinute: Int) -> String? {
        var parts: [String] = []
        if !event.session.objectives.isEmpty {
            parts.append((["Objectives:"] + event.session.objectives.map { "- \($0)" }).joined(separator: "\n"))
        }
        if !event.session.runOfShow.isEmpty {
            let lines = event.session.runOfShow.map { "\(FrabText.clock((startMinute + $0.at) % 1440)) \($0.item)" }
            parts.append((["Run of show:"] + lines).joined(separator: "\n"))
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }
}
