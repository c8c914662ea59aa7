/// A DTSTART or DTEND as Swift sees it: a date, a UTC instant, or a wall-clock time in a
/// named zone. There are no floating times.
public enum ICalTime: Sendable, Hashable {
    /// An all-day date (`VALUE=DATE`).
    case date(year: Int, month: Int, day: Int)
    /// A UTC instant, written with `Z`.
    case utc(secondsSince1970: Int)
    /// A wall-clock time in an IANA zone, written with `TZID=` and a matching VTIMEZONE.
    case local(year: Int, month: Int, day: Int, hour: Int, minute: Int, tzid: String)
}

/// An event's status (RFC 5545 §3.8.1.11).
public enum ICalStatus: String, Sendable, Hashable {
    case confirmed = "CONFIRMED"
    case tentative = "TENTATIVE"
    case cancelled = "CANCELLED"
}

/// One VEVENT of a published feed.
public struct ICalEvent: Sendable, Hashable {
    public var uid: String
    public var sequence: Int
    /// DTSTAMP and LAST-MODIFIED: the event's last real change, seconds since 1970 (UTC).
    public var lastChanged: Int
    public var start: ICalTime
    public var end: ICalTime
    public var summary: String
    public var description: String?
    public var location: String?
    public var categories: [String]
    public var status: ICalStatus
    public var url: String?

    public init(
        uid: String, sequence: Int, lastChanged: Int, start: ICalTime, end: ICalTime, summary: String,
        description: String? = nil, location: String? = nil, categories: [String] = [], status: ICalStatus = .confirmed,
        url: String? = nil
    ) {
        self.uid = uid
        self.sequence = sequence
        self.lastChanged = lastChanged
        self.start = start
        self.end = end
        self.summary = summary
        self.description = description
        self.location = location
        self.categories = categories
        self.status = status
        self.url = url
    }
}

/// A whole VCALENDAR to publish (METHOD:PUBLISH): its calendar-level properties, the zones
/// its events use, and its events.
public struct ICalFeed: Sendable, Hashable {
    public var productId: String
    public var name: String
    public var description: String
    /// REFRESH-INTERVAL and X-PUBLISHED-TTL, in minutes.
    public var refreshMinutes: Int
    /// A CSS colour name (RFC 7986 COLOR).
    public var color: String?
    public var url: String?
    public var source: String?
    public var organizerName: String
    public var organizerEmail: String
    /// The first and last year the feed spans; every VTIMEZONE is trimmed to them.
    public var years: ClosedRange<Int>
    public var events: [ICalEvent]

    public init(
        productId: String, name: String, description: String, refreshMinutes: Int, color: String?, url: String?,
        source: String?, organizerName: String, organizerEmail: String, years: ClosedRange<Int>, events: [ICalEvent]
    ) {
        self.productId = productId
        self.name = name
        self.description = description
        self.refreshMinutes = refreshMinutes
        self.color = color
        self.url = url
        self.source = source
        self.organizerName = organizerName
        self.organizerEmail = organizerEmail
        self.years = years
        self.events = events
    }

    /// The zones the events use, sorted, each to get one VTIMEZONE.
    public var zoneIds: [String] {
        var ids = Set<String>()
        for event in events {
            for time in [event.start, event.end] {
                if case .local(_, _, _, _, _, let tzid) = time { ids.insert(tzid) }
            }
        }
        return ids.sorted()
    }
}
