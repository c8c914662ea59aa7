import Chronology
import Foundation

/// Makes a programme into a plan draft: the conference becomes the calendar, its days the
/// summit's, rooms, tracks and speakers the plan's, and each talk a session at the time it had.
enum ProgrammeMapping {
    /// The capacity of a room whose programme gives none: talks carry no attendance, so any
    /// capacity fits them; this one is written so the planner can correct it.
    static let defaultCapacity = 100
    /// Longer descriptions are cut: a plan file holds at most 10 MB.
    static let descriptionLimit = 4000

    static func draft(_ programme: Programme, pin: Bool, log: ImportLog) -> PlanDraft? {
        let zone = ZoneChoice.zone(for: programme, log: log)
        let talks = usableTalks(programme, log: log)
        let instants = talks.flatMap { [$0.start.utcMinute, $0.start.utcMinute + $0.minutes] }
        let dates = programme.days.compactMap(\.date) + [programme.start, programme.end].compactMap { $0 }
        let firstDay = min(instants.min().map { $0 / 1440 } ?? Int.max, dates.map(\.dayNumber).min() ?? Int.max)
        let lastDay = max(instants.max().map { $0 / 1440 } ?? Int.min, dates.map(\.dayNumber).max() ?? Int.min)
        guard firstDay != Int.max, lastDay != Int.min else {
            log.error(programme.acronymPlace, "the programme has no dates: no days, no start and no talks")
            return nil
        }
        let clock = ZoneClock(zone, firstDay: firstDay - 2, lastDay: lastDay + 2)

        var roomIds = IdMint(), rooms: [PlanDraft.Room] = [], roomByName: [String: String] = [:]
        for room in programme.rooms where roomByName[room.name] == nil {
            let id = roomIds.mint(room.slug ?? room.name, fallback: "room")
            roomByName[room.name] = id
            let virtual = ["online", "bbb"].contains(room.type ?? "")
            rooms.append(
                PlanDraft.Room(
                    id: id, name: room.name, capacity: room.capacity.flatMap { $0 > 0 ? $0 : nil } ?? defaultCapacity,
                    isVirtual: virtual))
        }
        var trackIds = IdMint(), tracks: [PlanDraft.Track] = [], trackByName: [String: String] = [:]
        func track(_ name: String, slug: String?, color: String?) -> String {
            if let id = trackByName[name] { return id }
            let id = trackIds.mint(slug ?? name, fallback: "track")
            trackByName[name] = id
            let css = color.flatMap {
                $0.range(of: "^#[0-9A-Fa-f]{3,8}$", options: .regularExpression) != nil ? $0 : nil
            }
            tracks.append(PlanDraft.Track(id: id, name: name, color: css))
            return id
        }
        for t in programme.tracks { _ = track(t.name, slug: t.slug, color: t.color) }

        var personIds = IdMint(), people: [PlanDraft.Person] = [], personByKey: [String: String] = [:]
        var eventIds = IdMint(), sessions: [PlanDraft.Session] = []
        for talk in talks {
            let local = clock.local(atUTCMinute: talk.start.utcMinute)
            let endLocal = clock.local(atUTCMinute: talk.start.utcMinute + talk.minutes - 1)
            let offset = clock.offset(atUTCMinute: talk.start.utcMinute)
            let start = LocalDateTime(
                date: CivilDate(dayNumber: local.day), time: LocalTime(minutes: local.minute) ?? LocalTime.midnight)
            if talk.start.offset != offset {
                log.warning(
                    talk.place,
                    "its date has the offset \(Zone.formatOffset(talk.start.offset)), not \(zone.identifier)'s "
                        + "\(Zone.formatOffset(offset)); imported at the instant it names, "
                        + "\(start) in \(zone.identifier)"
                )
            }
            let title = talk.title ?? "Untitled talk \(talk.code ?? talk.number.map(String.init) ?? "")"
            if talk.title == nil { log.warning(talk.place, "the event has a blank title; imported as '\(title)'") }
            let id = eventIds.mint(
                talk.code?.lowercased() ?? talk.slug ?? talk.number.map { "talk-\($0)" } ?? talk.title,
                fallback: "talk")
            var speakers: [String] = []
            for person in talk.persons {
                guard let name = person.name else {
                    log.warning(person.place, "a person without a name is left out")
                    continue
                }
                let key = person.key ?? "name:\(name)"
                let pid: String
                if let known = personByKey[key] {
                    pid = known
                } else {
                    pid = personIds.mint(name, fallback: "speaker")
                    personByKey[key] = pid
                    people.append(PlanDraft.Person(id: pid, name: name))
                }
                if !speakers.contains(pid) { speakers.append(pid) }
            }
            let crossesMidnight = endLocal.day != local.day
            if crossesMidnight {
                log.warning(
                    talk.place,
                    "'\(title)' runs past midnight in \(zone.identifier); summit sessions lie within one day, so it is "
                        + "imported as an event without a room or track")
            }
            sessions.append(
                PlanDraft.Session(
                    id: id, title: title, kind: talk.type, description: description(of: talk, log: log),
                    minutes: talk.minutes,
                    window: DateSpan(first: start.date, last: CivilDate(dayNumber: endLocal.day)),
                    start: start, startUTC: talk.start.utcMinute, isSession: !crossesMidnight,
                    room: roomByName[talk.room] ?? rooms.first?.id ?? "room",
                    track: crossesMidnight ? nil : talk.track.map { track($0, slug: nil, color: nil) },
                    speakers: speakers, language: talk.language))
        }
        let pause = ProgrammeFeasibility.makeFeasible(&sessions, tracks: tracks, talks: talks, log: log)
        let sessionSpans = sessions.filter(\.isSession).map { s in
            (s.start.time.minutes, s.start.time.minutes + s.minutes)
        }
        let hours = LocalTimeRange(
            start: LocalTime(minutes: sessionSpans.map(\.0).min() ?? 0) ?? LocalTime.midnight,
            end: LocalTime(minutes: sessionSpans.map(\.1).max() ?? 1440) ?? LocalTime.midnight)
        let sessionDates = sessions.flatMap { [$0.window.first, $0.window.last] }
        let allDates = sessionDates + dates
        guard let first = allDates.min(), let last = allDates.max() else { return nil }
        if last.dayNumber - first.dayNumber > 3650 {
            log.error(programme.acronymPlace, "the programme spans \(first) to \(last), more than ten years")
            return nil
        }
        let id = IdMint().mintCalendar(programme.acronym ?? programme.title)
        return PlanDraft(
            id: id, name: programme.title ?? programme.acronym ?? id, zone: zone,
            horizon: DateSpan(first: first, last: last),
            granularity: ProgrammeFeasibility.granularity(sessions.map(\.start.time.minutes)),
            summitDays: DateSpan(first: first, last: last), hours: hours, minPause: pause, rooms: rooms,
            tracks: tracks, people: people, sessions: sessions, pinned: pin)
    }

    /// The talks a plan can hold, in a fixed order (by start, room, then their ids) so JSON and
    /// XML of one programme give the same plan; those that last no time are left out.
    static func usableTalks(_ programme: Programme, log: ImportLog) -> [Talk] {
        var talks: [Talk] = []
        for talk in programme.talks {
            guard talk.minutes > 0 else {
                log.warning(talk.durationPlace, "the event lasts no time (00:00); it is left out")
                continue
            }
            talks.append(talk)
        }
        return talks.sorted {
            ($0.start.utcMinute, $0.room, $0.code ?? "", $0.number ?? 0, $0.guid ?? "")
                < ($1.start.utcMinute, $1.room, $1.code ?? "", $1.number ?? 0, $1.guid ?? "")
        }
    }

    /// The subtitle, abstract and description, each once, cut at `descriptionLimit`.
    static func description(of talk: Talk, log: ImportLog) -> String? {
        var parts: [String] = []
        for part in [talk.subtitle, talk.abstract, talk.description].compactMap({ $0 }) where !parts.contains(part) {
            parts.append(part)
        }
        guard !parts.isEmpty else { return nil }
        let text = parts.joined(separator: "\n\n")
        guard text.count > descriptionLimit else { return text }
        log.warning(talk.place, "the description is longer than \(descriptionLimit) characters; it is cut there")
        return String(text.prefix(descriptionLimit)) + "…"
    }
}

extension IdMint {
    /// The calendar's id: the acronym made valid (`36c3`, `divoc-ptt`), else `conference`.
    func mintCalendar(_ acronym: String?) -> String {
        var mint = IdMint()
        return mint.mint(acronym, fallback: "conference")
    }
}

extension LocalTime {
    static let midnight = LocalTime(minutes: 0)!
}
