/// `private/notify.json`: what `convene notify` needs to tell people of a release's changes,
/// without the plan — each changed event as its feeds show it (UID, SEQUENCE, times, text) and
/// the people concerned, with their addresses, zones and how they want to hear. Private: it
/// names people and their email addresses.
public struct Notices: Codable, Sendable, Equatable {
    public var calendar: String
    public var calendarName: String
    /// The release's latest change, `YYYY-MM-DDTHH:MM:SSZ`.
    public var published: String
    public var organiser: Contact
    /// The changes that raised an event's SEQUENCE (or first published it), by event id; a
    /// change of text alone is left to the feeds.
    public var changes: [Notice]
    /// Everyone a change concerns, by id.
    public var people: [Recipient]

    public init(
        calendar: String, calendarName: String, published: String, organiser: Contact, changes: [Notice],
        people: [Recipient]
    ) {
        self.calendar = calendar
        self.calendarName = calendarName
        self.published = published
        self.organiser = organiser
        self.changes = changes
        self.people = people
    }

    public struct Contact: Codable, Sendable, Equatable {
        public var name: String
        public var email: String

        public init(name: String, email: String) {
            self.name = name
            self.email = email
        }
    }

    /// One event that changed, as its feeds now show it.
    public struct Notice: Codable, Sendable, Equatable {
        public var id: String
        public var uid: String
        public var sequence: Int
        /// `new`, `moved`, `changed`, `cancelled` or `restored` (as in changes.json).
        public var change: String
        public var cancelled: Bool
        /// DTSTAMP: the event's last change, `YYYY-MM-DDTHH:MM:SSZ`.
        public var lastChanged: String
        public var title: String
        /// SUMMARY and DESCRIPTION as the feeds write them.
        public var summary: String
        public var description: String
        public var location: String?
        public var categories: [String]
        public var allDay: Bool
        /// As in schedule.json: dates with an exclusive end, or local times with their offset.
        public var start: String
        public var end: String
        public var timezone: String
        /// Where and when it was before this release; nil for a new event.
        public var before: Placement?
        /// The ids of the people it concerns.
        public var people: [String]

        public init(
            id: String, uid: String, sequence: Int, change: String, cancelled: Bool, lastChanged: String,
            title: String, summary: String, description: String, location: String?, categories: [String],
            allDay: Bool, start: String, end: String, timezone: String, before: Placement?, people: [String]
        ) {
            self.id = id
            self.uid = uid
            self.sequence = sequence
            self.change = change
            self.cancelled = cancelled
            self.lastChanged = lastChanged
            self.title = title
            self.summary = summary
            self.description = description
            self.location = location
            self.categories = categories
            self.allDay = allDay
            self.start = start
            self.end = end
            self.timezone = timezone
            self.before = before
            self.people = people
        }
    }

    public struct Placement: Codable, Sendable, Equatable {
        public var start: String
        public var end: String
        public var timezone: String
        public var location: String?

        public init(start: String, end: String, timezone: String, location: String?) {
            self.start = start
            self.end = end
            self.timezone = timezone
            self.location = location
        }
    }

    /// A person a change concerns.
    public struct Recipient: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        /// As written in the plan; nil when the plan gives none.
        public var email: String?
        /// Their IANA zone, for the times in their message.
        public var zone: String
        /// `invitations`, `feed` or `both`: whether they get invitations by email.
        public var notify: String

        public init(id: String, name: String, email: String?, zone: String, notify: String) {
            self.id = id
            self.name = name
            self.email = email
            self.zone = zone
            self.notify = notify
        }
    }

    public func json() -> String { StableJSON.text(self) }
}
