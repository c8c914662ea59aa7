import ReleaseFormat

extension FrabSchedule {
    /// `frab/schedule.json`, valid against the c3voc schema (docs/frab/schedule.schema.json):
    /// stable JSON, keys sorted, so the same programme gives the same bytes.
    public func json() -> String {
        StableJSON.text(JSONDocument(self))
    }
}

/// The JSON shapes of the c3voc schema. The keys it requires that Convene has no value for
/// (`subtitle`, `language`, a session's `track` outside any track) are written as null, as the
/// schema allows, rather than left out.
private struct JSONDocument: Encodable {
    let schedule: FrabSchedule

    init(_ schedule: FrabSchedule) { self.schedule = schedule }

    enum Keys: String, CodingKey {
        case schema = "$schema", generator, schedule, version, baseURL = "base_url", url, conference
        case acronym, title, description, start, end, daysCount, timeslotDuration = "timeslot_duration"
        case timeZoneName = "time_zone_name", tracks, rooms, days, name, slug, color, guid, type, capacity
        case index, date, dayStart = "day_start", dayEnd = "day_end"
    }

    func encode(to encoder: Encoder) throws {
        var top = encoder.container(keyedBy: Keys.self)
        try top.encode("https://c3voc.de/schedule/schema.json", forKey: .schema)
        var generator = top.nestedContainer(keyedBy: Keys.self, forKey: .generator)
        try generator.encode("Convene", forKey: .name)
        var body = top.nestedContainer(keyedBy: Keys.self, forKey: .schedule)
        try body.encode(schedule.version, forKey: .version)
        try body.encodeIfPresent(schedule.baseURL, forKey: .baseURL)
        try body.encodeIfPresent(schedule.jsonURL, forKey: .url)
        let c = schedule.conference
        var conference = body.nestedContainer(keyedBy: Keys.self, forKey: .conference)
        try conference.encode(c.acronym, forKey: .acronym)
        try conference.encode(c.title, forKey: .title)
        try conference.encodeIfPresent(c.description, forKey: .description)
        try conference.encode(c.start, forKey: .start)
        try conference.encode(c.end, forKey: .end)
        try conference.encode(c.daysCount, forKey: .daysCount)
        try conference.encode(c.timeslotDuration, forKey: .timeslotDuration)
        if FrabText.isTimeZoneName(c.timeZoneName) { try conference.encode(c.timeZoneName, forKey: .timeZoneName) }
        try conference.encodeIfPresent(schedule.baseURL, forKey: .url)
        var tracks = conference.nestedUnkeyedContainer(forKey: .tracks)
        for track in c.tracks {
            var t = tracks.nestedContainer(keyedBy: Keys.self)
            try t.encode(track.name, forKey: .name)
            try t.encodeIfPresent(track.slug, forKey: .slug)
            try t.encodeIfPresent(track.color, forKey: .color)
        }
        var rooms = conference.nestedUnkeyedContainer(forKey: .rooms)
        for room in c.rooms {
            var r = rooms.nestedContainer(keyedBy: Keys.self)
            try r.encode(room.name, forKey: .name)
            try r.encode(room.guid, forKey: .guid)
            try r.encode(room.isVirtual ? "online" : "other", forKey: .type)
            try r.encode(room.capacity, forKey: .capacity)
            try r.encode(room.isVirtual ? "virtual channel" : "hybrid room", forKey: .description)
        }
        var days = conference.nestedUnkeyedContainer(forKey: .days)
        for day in schedule.days {
            var d = days.nestedContainer(keyedBy: Keys.self)
            try d.encode(day.index, forKey: .index)
            try d.encode(day.date, forKey: .date)
            try d.encode(day.start, forKey: .dayStart)
            try d.encode(day.end, forKey: .dayEnd)
            try d.encode(
                Dictionary(day.rooms.map { ($0.room.name, $0.sessions.map(JSONSession.init)) }, uniquingKeysWith: +),
                forKey: .rooms)
        }
    }
}

private struct JSONSession: Encodable {
    let session: FrabSchedule.Session

    enum Keys: String, CodingKey {
        case guid, id, date, start, end, duration, room, slug, url, title, subtitle, track, type, language
        case abstract, description, persons, links, name
    }

    func encode(to encoder: Encoder) throws {
        let s = session
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(s.guid, forKey: .guid)
        try c.encode(s.id, forKey: .id)
        try c.encode(s.date, forKey: .date)
        try c.encode(s.start, forKey: .start)
        try c.encode(s.end, forKey: .end)
        try c.encode(s.duration, forKey: .duration)
        try c.encode(s.room, forKey: .room)
        try c.encode(s.slug, forKey: .slug)
        // The schema requires a URL; without a web address the session's GUID is its name.
        try c.encode(s.url ?? "urn:uuid:\(s.guid)", forKey: .url)
        try c.encode(s.title, forKey: .title)
        try c.encodeNil(forKey: .subtitle)
        try c.encode(s.track, forKey: .track)
        try c.encode(s.type, forKey: .type)
        try c.encode(s.language, forKey: .language)
        try c.encode(s.abstract, forKey: .abstract)
        try c.encode(s.description, forKey: .description)
        var persons = c.nestedUnkeyedContainer(forKey: .persons)
        for person in s.persons {
            // `name` without `public_name`: the schema's pretalx person, as it recommends.
            var p = persons.nestedContainer(keyedBy: Keys.self)
            try p.encode(person.name, forKey: .name)
            try p.encode(person.guid, forKey: .guid)
            try p.encode(person.id, forKey: .id)
        }
        try c.encode([String](), forKey: .links)
    }
}
