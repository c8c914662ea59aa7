import Chronology

/// A conference programme as the frab schedule format gives it, read from JSON or XML: the one
/// model both readers produce and the plan is made from. Blank fields are nil; nothing here
/// has been judged yet beyond the schema.
struct Programme: Sendable {
    var acronym: String?
    var acronymPlace: InputPlace
    var title: String?
    var zoneName: String?
    var zonePlace: InputPlace
    /// The conference's first and last dates, when given.
    var start: CivilDate?
    var end: CivilDate?
    var days: [ProgrammeDay] = []
    /// The rooms the conference lists, in its order; rooms met only in `days` are added after.
    var rooms: [ProgrammeRoom] = []
    var tracks: [ProgrammeTrack] = []
    var talks: [Talk] = []
}

struct ProgrammeDay: Sendable {
    var date: CivilDate?
    var place: InputPlace
}

struct ProgrammeRoom: Sendable {
    var name: String
    var slug: String?
    var capacity: Int?
    /// frab's room type: `lecturehall`, `online`, `bbb`…
    var type: String?
    var place: InputPlace
}

struct ProgrammeTrack: Sendable {
    var name: String
    var slug: String?
    var color: String?
    var place: InputPlace
}

/// An instant as the programme writes it: `2021-12-27T11:00:00+01:00`.
struct FrabInstant: Sendable, Hashable {
    var utcMinute: Int
    /// The offset the text gave, in minutes east of UTC.
    var offset: Int
}

/// One talk (an event of the schedule format) in one room at one time.
struct Talk: Sendable {
    var place: InputPlace
    var guid: String?
    var code: String?
    var number: Int?
    var slug: String?
    var title: String?
    var subtitle: String?
    var type: String?
    var language: String?
    var abstract: String?
    var description: String?
    var track: String?
    var room: String
    var start: FrabInstant
    var minutes: Int
    var durationPlace: InputPlace
    var persons: [Speaker]
}

/// A speaker of a talk; `key` is the programme's own id for them (pretalx's code, a guid, frab's
/// number), nil when it gives none.
struct Speaker: Sendable {
    var name: String?
    var key: String?
    var place: InputPlace
}

/// How much one import reads at most: larger files are refused before parsing.
public enum ImportLimits {
    public static let fileBytes = 32 * 1024 * 1024
    public static let talks = 20_000
}
