import Chronology
import Diagnostics
import Foundation

/// Reads a `schedule.json` (the c3voc JSON schema, as pretalx, frab and osem export it) into a
/// `Programme`, reporting schema breaks as errors at their JSON path.
enum JSONProgrammeReader {
    static func read(_ data: Data, file: String, log: ImportLog) -> Programme? {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            log.error(.position(syntaxPosition(error, data: data, file: file)), "not JSON: \(syntaxMessage(error))")
            return nil
        }
        guard let top = JSONObjectReader(root, at: JSONPath(), file: file, what: "the document", log: log),
            let schedule = top.member("schedule", required: true, what: "'schedule'")
        else { return nil }
        _ = schedule.string("version", required: true, nullable: false)
        guard let conference = schedule.member("conference", required: true, what: "'conference'") else { return nil }
        var programme = Programme(
            acronymPlace: conference.place("acronym"), zonePlace: conference.place("time_zone_name"))
        programme.acronym = conference.string("acronym", required: true, nullable: false)
        programme.title = conference.string("title", required: true, nullable: false)
        programme.zoneName = conference.string("time_zone_name")
        programme.start = conferenceDate(conference, "start")
        programme.end = conferenceDate(conference, "end")
        _ = conference.integer("daysCount", required: true)
        _ = conference.string("timeslot_duration", required: true, nullable: false)
        for (i, item) in (conference.array("rooms") ?? []).enumerated() {
            guard
                let room = JSONObjectReader(
                    item, at: conference.path.member("rooms").element(i), file: file,
                    what: "a room", log: log)
            else { continue }
            guard let name = room.string("name", required: true, nullable: false) else { continue }
            _ = room.value("guid", required: true)
            programme.rooms.append(
                ProgrammeRoom(
                    name: name, slug: room.string("slug"), capacity: room.integer("capacity", nullable: true),
                    type: room.string("type"), place: room.place))
        }
        for (i, item) in (conference.array("tracks") ?? []).enumerated() {
            guard
                let track = JSONObjectReader(
                    item, at: conference.path.member("tracks").element(i), file: file,
                    what: "a track", log: log)
            else { continue }
            guard let name = track.string("name") else {
                log.warning(track.place, "a track without a name is left out")
                continue
            }
            programme.tracks.append(
                ProgrammeTrack(name: name, slug: track.string("slug"), color: track.string("color"), place: track.place)
            )
        }
        guard let days = conference.array("days", required: true) else { return nil }
        for (d, item) in days.enumerated() {
            guard
                let day = JSONObjectReader(
                    item, at: conference.path.member("days").element(d), file: file,
                    what: "a day", log: log)
            else { continue }
            readDay(day, into: &programme, log: log)
            if programme.talks.count > ImportLimits.talks {
                log.error(
                    day.place, "more than \(ImportLimits.talks) talks, the most one import reads",
                    hint: "import the programme in parts")
                return nil
            }
        }
        return log.hasErrors ? nil : programme
    }

    static func conferenceDate(_ conference: JSONObjectReader, _ key: String) -> CivilDate? {
        guard let text = conference.string(key, required: true, nullable: false) else { return nil }
        guard let date = FrabValues.date(text) else {
            conference.log.error(
                conference.place(key), "'\(key)' must be a date or a date and time with an offset, found '\(text)'")
            return nil
        }
        return date
    }

    static func readDay(_ day: JSONObjectReader, into programme: inout Programme, log: ImportLog) {
        _ = day.integer("index", required: true)
        var date: CivilDate?
        if let text = day.string("date", required: true, nullable: false) {
            date = FrabValues.date(text)
            if date == nil { log.error(day.place("date"), "'date' must be a date (YYYY-MM-DD), found '\(text)'") }
        }
        for key in ["day_start", "day_end"] {
            if let text = day.string(key, required: true, nullable: false), FrabValues.instant(text) == nil {
                log.error(day.place(key), "'\(key)' must be a date and time with an offset, found '\(text)'")
            }
        }
        programme.days.append(ProgrammeDay(date: date, place: day.place))
        guard let rooms = day.member("rooms", required: true, what: "'rooms'") else { return }
        // JSON objects have no order: rooms are read by name, so the result does not depend on it.
        for name in rooms.object.keys.sorted() {
            guard let talks = rooms.array(name) else { continue }
            if !programme.rooms.contains(where: { $0.name == name }) {
                programme.rooms.append(ProgrammeRoom(name: name, place: rooms.place(name)))
            }
            for (t, item) in talks.enumerated() {
                guard
                    let event = JSONObjectReader(
                        item, at: rooms.path.member(name).element(t), file: day.file,
                        what: "an event", log: log),
                    let talk = readTalk(event, roomKey: name, log: log)
                else { continue }
                programme.talks.append(talk)
                if programme.talks.count > ImportLimits.talks { return }
            }
        }
    }

    /// The keys every event must have (the schema's `required`), beyond those read below.
    static let otherRequired = ["links", "url"]

    static func readTalk(_ event: JSONObjectReader, roomKey: String, log: ImportLog) -> Talk? {
        for key in otherRequired { _ = event.value(key, required: true) }
        let guid = event.string("guid", required: true, nullable: false)
        let number = event.integer("id", required: true)
        let room = event.string("room", required: true, nullable: false)
        _ = event.string("start", required: true, nullable: false)
        let title = event.string("title", required: true, nullable: false)
        let date = event.string("date", required: true, nullable: false)
        let duration = event.string("duration", required: true, nullable: false)
        let persons = event.array("persons", required: true)
        var talk = TalkFields()
        talk.slug = event.string("slug", required: true, nullable: false)
        for key in ["subtitle", "track", "language", "abstract"] { _ = event.value(key, required: true) }
        talk.subtitle = event.string("subtitle")
        talk.track = event.string("track")
        talk.type = event.string("type", required: true, nullable: false)
        talk.language = event.string("language")
        talk.abstract = event.string("abstract")
        talk.description = event.string("description")
        talk.code = event.string("code")
        var start: FrabInstant?
        if let date {
            start = FrabValues.instant(date)
            if start == nil {
                log.error(
                    event.place("date"), "'date' must be a date and time with an offset, found '\(date)'",
                    hint: "write it as 2021-12-27T11:00:00+01:00")
            }
        }
        var minutes: Int?
        if let duration {
            minutes = TalkFields.minutes(duration, at: event.place("duration"), log: log)
        }
        var speakers: [Speaker] = []
        for (p, item) in (persons ?? []).enumerated() {
            guard
                let person = JSONObjectReader(
                    item, at: event.path.member("persons").element(p), file: event.file,
                    what: "a person", log: log)
            else { continue }
            speakers.append(speaker(person, log: log))
        }
        if let room, room != roomKey {
            log.warning(
                event.place("room"), "the event says it is in '\(room)' but is listed under '\(roomKey)'",
                hint: "imported in '\(roomKey)'")
        }
        guard let start, let minutes, persons != nil, guid != nil || number != nil else { return nil }
        return talk.talk(
            place: event.place, guid: guid, number: number, title: title, room: roomKey, start: start,
            minutes: minutes, durationPlace: event.place("duration"), persons: speakers)
    }

    /// A person: pretalx gives `name` (and a `code`), frab `public_name` and an integer `id`.
    static func speaker(_ person: JSONObjectReader, log: ImportLog) -> Speaker {
        if !person.has("name") && !person.has("public_name") {
            log.error(person.place, "a person needs 'name' (pretalx) or 'public_name' and 'id' (frab)")
        }
        let name = person.string("name") ?? person.string("public_name")
        let key = person.string("code") ?? person.string("guid") ?? person.integer("id").map { "id:\($0)" }
        return Speaker(name: name, key: key, place: person.place)
    }

    /// Foundation's message says where: "… around line 3, column 7." or "… around character 33.".
    static func syntaxPosition(_ error: Error, data: Data, file: String) -> SourceLocation {
        let text = syntaxMessage(error)
        func number(after word: String) -> Int? {
            text.range(of: word).flatMap { Int(text[$0.upperBound...].prefix(while: \.isNumber)) }
        }
        if let line = number(after: "line "), let column = number(after: "column ") {
            return SourceLocation(path: file, line: line, column: column)
        }
        if let offset = number(after: "character ") {
            return TextPosition.location(ofByte: offset, in: data, file: file)
        }
        return SourceLocation(path: file, line: 1, column: 1)
    }

    static func syntaxMessage(_ error: Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
    }
}
