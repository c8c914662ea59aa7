import Foundation
import XMLCoder

extension FrabSchedule {
    /// `frab/schedule.xml`, valid against the c3voc schema (docs/frab/schedule.xml.xsd).
    ///
    /// Written by XMLCoder from the shapes below: elements in the order they are declared (the
    /// schema's `sequence` for the document, any order within an event), attributes in the
    /// order of their keys, text and attributes escaped by XMLCoder. The same programme gives
    /// the same bytes.
    ///
    /// - Throws: `EncodingError` should XMLCoder refuse a value (none of these shapes does).
    public func xml() throws -> String {
        let encoder = XMLEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        encoder.prettyPrintIndentation = .spaces(2)
        let data = try encoder.encode(
            XMLSchedule(self), withRootKey: "schedule", header: XMLHeader(version: 1.0, encoding: "UTF-8"))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// Elements whose keys listed in `attributes` are written as attributes, and whose key `""`
/// (XMLCoder's intrinsic value) as the element's text.
private protocol XMLAttributes: Encodable, DynamicNodeEncoding {
    static var attributes: Set<String> { get }
}

extension XMLAttributes {
    static func nodeEncoding(for key: CodingKey) -> XMLEncoder.NodeEncoding {
        attributes.contains(key.stringValue) ? .attribute : .element
    }
}

private struct XMLSchedule: Encodable {
    struct Generator: XMLAttributes {
        static let attributes: Set<String> = ["name"]
        let name = "Convene"
    }

    struct Conference: Encodable {
        let acronym, title, start, end: String
        let days: Int
        let timeslotDuration: String
        let baseURL, url: String?
        let timeZoneName: String
        let track: [Track]

        enum CodingKeys: String, CodingKey {
            case acronym, title, start, end, days, timeslotDuration = "timeslot_duration", baseURL = "base_url", url
            case timeZoneName = "time_zone_name", track
        }
    }

    struct Track: XMLAttributes {
        static let attributes: Set<String> = ["name", "color", "slug"]
        let name: String
        let color, slug: String?
        let value: String

        enum CodingKeys: String, CodingKey {
            case name, color, slug, value = ""
        }
    }

    struct Day: XMLAttributes {
        static let attributes: Set<String> = ["index", "date", "start", "end"]
        let index: Int
        let date, start, end: String
        let room: [Room]
    }

    struct Room: XMLAttributes {
        static let attributes: Set<String> = ["name", "guid"]
        let name, guid: String
        let event: [Event]
    }

    struct Event: XMLAttributes {
        static let attributes: Set<String> = ["id", "guid"]
        let id: Int
        let guid: String
        let room, title, type, date, start, duration, abstract: String
        let slug: String?
        let track: String
        let persons: Persons
        let language, description, url: String?

        init(_ s: FrabSchedule.Session, slugIsValid: Bool) {
            (id, guid, room, title, type) = (s.id, s.guid, s.room, s.title, s.type)
            (date, start, duration, abstract) = (s.date, s.start, s.duration, s.abstract)
            slug = slugIsValid ? s.slug : nil
            track = s.track ?? ""
            persons = Persons(person: s.persons.map { Person(id: $0.id, guid: $0.guid, value: $0.name) })
            (language, description) = (s.language, s.description)
            url = s.url.flatMap(FrabText.httpURL)
        }
    }

    struct Persons: Encodable {
        let person: [Person]
    }

    struct Person: XMLAttributes {
        static let attributes: Set<String> = ["id", "guid"]
        let id: Int
        let guid, value: String

        enum CodingKeys: String, CodingKey {
            case id, guid, value = ""
        }
    }

    let generator = Generator()
    let url: String?
    let version: String
    let conference: Conference
    let day: [Day]

    init(_ schedule: FrabSchedule) {
        url = schedule.xmlURL
        version = schedule.version
        let c = schedule.conference
        conference = Conference(
            acronym: c.acronym, title: c.title, start: c.start, end: c.end, days: c.daysCount,
            timeslotDuration: c.timeslotDuration, baseURL: schedule.baseURL, url: schedule.baseURL,
            timeZoneName: c.timeZoneName,
            track: c.tracks.map { Track(name: $0.name, color: $0.color, slug: $0.slug, value: $0.name) })
        // The schema holds slugs unique and to its own pattern; one that fails either is left out.
        let slugs = schedule.days.flatMap { $0.rooms.flatMap { $0.sessions.map(\.slug) } }
        let counts = Dictionary(slugs.map { ($0, 1) }, uniquingKeysWith: +)
        day = schedule.days.map { day in
            Day(
                index: day.index, date: day.date, start: day.start, end: day.end,
                room: day.rooms.map { roomDay in
                    Room(
                        name: roomDay.room.name, guid: roomDay.room.guid,
                        event: roomDay.sessions.map {
                            Event($0, slugIsValid: counts[$0.slug] == 1 && FrabText.isXMLSlug($0.slug))
                        })
                })
        }
    }
}
