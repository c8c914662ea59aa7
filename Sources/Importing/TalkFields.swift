/// The fields of a talk both readers fill in the same way, and the checks they share.
struct TalkFields {
    var code: String?
    var slug: String?
    var subtitle: String?
    var track: String?
    var type: String?
    var language: String?
    var abstract: String?
    var description: String?

    func talk(
        place: InputPlace, guid: String?, number: Int?, title: String?, room: String, start: FrabInstant,
        minutes: Int, durationPlace: InputPlace, persons: [Speaker]
    ) -> Talk {
        Talk(
            place: place, guid: guid, code: code, number: number, slug: slug, title: title, subtitle: subtitle,
            type: type, language: language, abstract: abstract, description: description, track: track, room: room,
            start: start, minutes: minutes, durationPlace: durationPlace, persons: persons)
    }

    /// A duration's minutes; seconds are dropped with a warning, a malformed one is an error.
    static func minutes(_ text: String, at place: InputPlace, log: ImportLog) -> Int? {
        guard let duration = FrabValues.duration(text) else {
            log.error(place, "'duration' must be hours and minutes (01:30), found '\(text)'")
            return nil
        }
        if duration.seconds > 0 {
            log.warning(place, "the duration \(text) has seconds; imported as \(duration.minutes) minutes")
        }
        return duration.minutes
    }
}
