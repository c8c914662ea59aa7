/// An iTIP method (RFC 5546 §1.4) for a calendar sent to people rather than published.
public enum ICalMethod: String, Sendable, Hashable {
    /// An invitation, or an update of one: the same UID with a higher SEQUENCE replaces it.
    case request = "REQUEST"
    /// The organiser calls the event off.
    case cancel = "CANCEL"
}

/// Someone an invitation is for: the ATTENDEE of an iMIP message.
public struct ICalAttendee: Sendable, Hashable {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}

/// One iMIP calendar (RFC 6047): a METHOD, the zones its event uses and one VEVENT with its
/// organiser and attendees.
public struct ICalMessage: Sendable, Hashable {
    public var productId: String
    public var method: ICalMethod
    public var organizerName: String
    public var organizerEmail: String
    public var attendees: [ICalAttendee]
    /// Cancelled for `.cancel`.
    public var event: ICalEvent

    public init(
        productId: String, method: ICalMethod, organizerName: String, organizerEmail: String,
        attendees: [ICalAttendee], event: ICalEvent
    ) {
        self.productId = productId
        self.method = method
        self.organizerName = organizerName
        self.organizerEmail = organizerEmail
        self.attendees = attendees
        self.event = event
    }

    /// The years the event spans, for trimming its VTIMEZONE.
    var years: ClosedRange<Int> {
        let years = [event.start, event.end].map(\.year)
        return (years.min() ?? 2000)...(years.max() ?? 2000)
    }
}

extension ICalTime {
    var year: Int {
        switch self {
        case .date(let y, _, _), .local(let y, _, _, _, _, _): return y
        case .utc(let seconds): return 1970 + seconds / 31_556_952
        }
    }

    var tzid: String? {
        if case .local(_, _, _, _, _, let tzid) = self { return tzid }
        return nil
    }
}
