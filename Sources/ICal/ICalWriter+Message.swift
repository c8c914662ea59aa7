internal import CLibical

extension ICalWriter {
    /// An iMIP calendar (RFC 6047) as iCalendar text: `METHOD:REQUEST` with each attendee
    /// asked to answer (`PARTSTAT=NEEDS-ACTION;RSVP=TRUE`), or `METHOD:CANCEL` with the event
    /// `STATUS:CANCELLED`. The UID and SEQUENCE are the feed's, so a client that shows the
    /// subscription and the invitation sees one event.
    ///
    /// - Throws: `ICalError` when libical refuses a value or knows no zone for a TZID.
    public static func render(_ message: ICalMessage) throws -> String {
        try LibICal.locked {
            let calendar = ComponentHandle(kind: ICAL_VCALENDAR_COMPONENT)
            calendar.add(icalproperty_new_version("2.0"))
            calendar.add(icalproperty_new_prodid(message.productId))
            calendar.add(icalproperty_new_method(message.method == .request ? ICAL_METHOD_REQUEST : ICAL_METHOD_CANCEL))
            calendar.add(icalproperty_new_calscale("GREGORIAN"))
            var zones: [String: OpaquePointer] = [:]
            for tzid in Set([message.event.start.tzid, message.event.end.tzid].compactMap { $0 }).sorted() {
                let zone = try TimeZoneLibrary.trimmedZone(tzid, years: message.years)
                zones[tzid] = zone.zone
                calendar.adopt(zone.takeComponentCopy())
            }
            let vevent = try component(
                for: message.event, organizerName: message.organizerName, organizerEmail: message.organizerEmail,
                zones: zones)
            for attendee in message.attendees {
                let property = icalproperty_new_attendee("mailto:\(attendee.email)")
                icalproperty_add_parameter(property, icalparameter_new_cn(attendee.name))
                icalproperty_add_parameter(property, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT))
                if message.method == .request {
                    icalproperty_add_parameter(property, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION))
                    icalproperty_add_parameter(property, icalparameter_new_rsvp(ICAL_RSVP_TRUE))
                }
                vevent.add(property)
            }
            try LibICal.check("adding the attendees of \(message.event.uid)")
            calendar.adopt(vevent.release())
            return try calendar.serialized()
        }
    }
}
