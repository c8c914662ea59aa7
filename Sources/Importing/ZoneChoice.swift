import Chronology

/// The calendar's zone: the conference's `time_zone_name`, or one derived from the offsets its
/// times carry when it names none (or none the tz database knows).
enum ZoneChoice {
    /// Regions tried first when several zones fit the offsets, so that +01:00 in winter reads
    /// as a European zone rather than the first name in the alphabet.
    static let preferredRegions = ["Europe/", "America/", "Asia/", "Australia/", "Africa/", "Pacific/"]

    static func zone(for programme: Programme, log: ImportLog) -> Zone {
        if let name = programme.zoneName {
            if let zone = Zone(name) { return zone }
            log.warning(
                programme.zonePlace, "'\(name)' is not an IANA time zone name; the zone is derived from the offsets",
                hint: "name the zone like Europe/Berlin")
        } else {
            log.warning(
                programme.zonePlace, "the conference names no time_zone_name; the zone is derived from the offsets")
        }
        // One sample per offset and day is enough to tell zones apart over a conference.
        var seen = Set<[Int]>()
        let samples = programme.talks.map(\.start).filter { seen.insert([$0.offset, $0.utcMinute / 1440]).inserted }
        guard !samples.isEmpty else { return Zone.utc }
        if samples.allSatisfy({ $0.offset == 0 }) { return Zone.utc }
        let fitting = Zone.knownIdentifiers.sorted().compactMap(Zone.init).filter { zone in
            samples.allSatisfy { zone.offsetMinutes(atUTCMinute: $0.utcMinute) == $0.offset }
        }
        let ranked = fitting.sorted { rank($0) < rank($1) }
        guard let chosen = ranked.first else {
            log.warning(
                programme.zonePlace, "no time zone has the offsets the talks carry; the calendar is in UTC",
                hint: "give the conference a time_zone_name")
            return Zone.utc
        }
        log.warning(
            programme.zonePlace,
            "the offsets fit \(fitting.count) zone(s); the calendar is in \(chosen.identifier)",
            hint: "change calendar.zone if the conference is elsewhere")
        return chosen
    }

    static func rank(_ zone: Zone) -> (Int, String) {
        (preferredRegions.firstIndex { zone.identifier.hasPrefix($0) } ?? preferredRegions.count, zone.identifier)
    }
}
