import Chronology
import Foundation

/// Reads a `schedule.xml` (the c3voc XSD, as pretalx, frab and osem export it) into a
/// `Programme`, reporting schema breaks as errors at their line and column.
enum XMLProgrammeReader {
    static func read(_ data: Data, file: String, log: ImportLog) -> Programme? {
        let root: XMLElementNode
        switch XMLTreeBuilder.parse(data, file: file) {
        case .success(let node): root = node
        case .failure(let problem):
            log.error(problem.place, problem.message, hint: problem.hint)
            return nil
        }
        guard root.name == "schedule" else {
            log.error(root.place, "the root element must be <schedule>, found <\(root.name)>")
            return nil
        }
        if root.element("version") == nil { missing("version", in: root, log: log) }
        guard let conference = root.element("conference") else {
            missing("conference", in: root, log: log)
            return nil
        }
        var programme = Programme(
            acronymPlace: (conference.element("acronym") ?? conference).place,
            zonePlace: (conference.element("time_zone_name") ?? conference).place)
        programme.acronym = conference.element("acronym")?.value
        programme.title = conference.element("title")?.value
        programme.zoneName = conference.element("time_zone_name")?.value
        for key in ["start", "end"] {
            guard let element = conference.element(key), let text = element.value else { continue }
            guard let date = FrabValues.date(text) else {
                log.error(element.place, "<\(key)> must be a date or a date and time with an offset, found '\(text)'")
                continue
            }
            if key == "start" { programme.start = date } else { programme.end = date }
        }
        for track in conference.elements("track") {
            guard let name = track.attributes["name"].flatMap(blankToNil) ?? track.value else {
                log.warning(track.place, "a track without a name is left out")
                continue
            }
            programme.tracks.append(
                ProgrammeTrack(
                    name: name, slug: track.attributes["slug"].flatMap(blankToNil),
                    color: track.attributes["color"].flatMap(blankToNil), place: track.place))
        }
        let days = root.elements("day")
        if days.isEmpty { missing("day", in: root, log: log) }
        for day in days {
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

    static func readDay(_ day: XMLElementNode, into programme: inout Programme, log: ImportLog) {
        var date: CivilDate?
        if let text = day.attributes["date"] {
            date = FrabValues.date(text)
            if date == nil { log.error(day.place, "the day's date must be YYYY-MM-DD, found '\(text)'") }
        }
        for key in ["start", "end"] {
            guard let text = day.attributes[key] else {
                log.error(day.place, "<day> needs the attribute '\(key)', which the schedule schema requires")
                continue
            }
            if FrabValues.instant(text) == nil {
                log.error(day.place, "the day's '\(key)' must be a date and time with an offset, found '\(text)'")
            }
        }
        if let index = day.attributes["index"], Int(index.trimmingCharacters(in: .whitespaces)) == nil {
            log.error(day.place, "the day's 'index' must be a positive integer, found '\(index)'")
        } else if day.attributes["index"] == nil {
            log.error(day.place, "<day> needs the attribute 'index', which the schedule schema requires")
        }
        programme.days.append(ProgrammeDay(date: date, place: day.place))
        for room in day.elements("room") {
            guard let name = room.attributes["name"].flatMap(blankToNil) else {
                log.error(room.place, "<room> needs a 'name'")
                continue
            }
            if !programme.rooms.contains(where: { $0.name == name }) {
                programme.rooms.append(ProgrammeRoom(name: name, place: room.place))
            }
            for event in room.elements("event") {
                if let talk = readTalk(event, roomName: name, log: log) { programme.talks.append(talk) }
                if programme.talks.count > ImportLimits.talks { return }
            }
        }
    }

    /// The child elements every `<event>` must have (the XSD's `xs:all` without `minOccurs="0"`).
    static let required = ["room", "title", "type", "date", "start", "duration", "abstract", "track"]

    static func readTalk(_ event: XMLElementNode, roomName: String, log: ImportLog) -> Talk? {
        var complete = true
        for key in required where event.element(key) == nil {
            missing(key, in: event, log: log)
            complete = false
        }
        let number = event.attributes["id"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        if event.attributes["id"] == nil || number == nil || number ?? 0 < 1 {
            log.error(event.place, "<event> needs an 'id' attribute, a positive integer, which the schema requires")
            complete = false
        }
        let guid = event.attributes["guid"].flatMap(blankToNil)
        if guid == nil {
            log.error(event.place, "<event> needs a 'guid' attribute, which the schedule schema requires")
            complete = false
        }
        var fields = TalkFields()
        fields.code = event.attributes["code"].flatMap(blankToNil)
        fields.slug = event.element("slug")?.value
        fields.subtitle = event.element("subtitle")?.value
        fields.track = event.element("track")?.value
        fields.type = event.element("type")?.value
        fields.language = event.element("language")?.value
        fields.abstract = event.element("abstract")?.value
        fields.description = event.element("description")?.value
        var start: FrabInstant?
        if let date = event.element("date") {
            start = date.value.flatMap(FrabValues.instant)
            if start == nil {
                log.error(
                    date.place, "<date> must be a date and time with an offset, found '\(date.value ?? "")'",
                    hint: "write it as 2021-12-27T11:00:00+01:00")
            }
        }
        var minutes: Int?
        if let duration = event.element("duration") {
            minutes = TalkFields.minutes(duration.value ?? "", at: duration.place, log: log)
        }
        if let room = event.element("room")?.value, room != roomName {
            log.warning(
                (event.element("room") ?? event).place,
                "the event says it is in '\(room)' but is listed under '\(roomName)'", hint: "imported in '\(roomName)'"
            )
        }
        let persons = (event.element("persons")?.elements("person") ?? []).map { person in
            Speaker(
                name: person.value,
                key: person.attributes["guid"].flatMap(blankToNil)
                    ?? person.attributes["id"].flatMap(blankToNil).map { "id:\($0)" },
                place: person.place)
        }
        guard complete, let start, let minutes else { return nil }
        return fields.talk(
            place: event.place, guid: guid, number: number, title: event.element("title")?.value, room: roomName,
            start: start, minutes: minutes, durationPlace: (event.element("duration") ?? event).place, persons: persons)
    }

    static func missing(_ key: String, in element: XMLElementNode, log: ImportLog) {
        log.error(element.place, "<\(element.name)> needs a <\(key)>, which the schedule schema requires")
    }

    static func blankToNil(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
