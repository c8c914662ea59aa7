internal import CLibical

/// Writes feeds with libical.
///
/// Every component is built in a `ComponentHandle` that owns it; the calendar is serialised
/// with `icalcomponent_as_ical_string_r`, whose buffer is freed here.
public enum ICalWriter {
    /// The feed as iCalendar text (CRLF line ends, lines folded at 75 octets).
    ///
    /// - Throws: `ICalError` when libical refuses a value or knows no zone for a TZID.
    public static func render(_ feed: ICalFeed) throws -> String {
        try LibICal.locked {
            let calendar = ComponentHandle(kind: ICAL_VCALENDAR_COMPONENT)
            calendar.add(icalproperty_new_version("2.0"))
            calendar.add(icalproperty_new_prodid(feed.productId))
            calendar.add(icalproperty_new_method(ICAL_METHOD_PUBLISH))
            calendar.add(icalproperty_new_calscale("GREGORIAN"))
            calendar.add(icalproperty_new_name(feed.name))
            calendar.add(xProperty("X-WR-CALNAME", feed.name))
            calendar.add(icalproperty_new_description(feed.description))
            calendar.add(xProperty("X-WR-CALDESC", feed.description))
            let refresh = icalproperty_new_refreshinterval(icaldurationtype_from_int(Int32(feed.refreshMinutes * 60)))
            icalproperty_add_parameter(refresh, icalparameter_new_value(ICAL_VALUE_DURATION))
            calendar.add(refresh)
            calendar.add(xProperty("X-PUBLISHED-TTL", durationText(minutes: feed.refreshMinutes)))
            if let color = feed.color { calendar.add(icalproperty_new_color(color)) }
            if let url = feed.url { calendar.add(icalproperty_new_url(url)) }
            if let source = feed.source { calendar.add(icalproperty_new_source(source)) }

            var zones: [String: OpaquePointer] = [:]
            for tzid in feed.zoneIds {
                let zone = try TimeZoneLibrary.trimmedZone(tzid, years: feed.years)
                zones[tzid] = zone.zone
                calendar.adopt(zone.takeComponentCopy())
            }
            for event in feed.events {
                let vevent = try component(
                    for: event, organizerName: feed.organizerName, organizerEmail: feed.organizerEmail, zones: zones)
                calendar.adopt(vevent.release())
            }
            return try calendar.serialized()
        }
    }

    /// Builds one VEVENT.
    static func component(
        for event: ICalEvent, organizerName: String, organizerEmail: String, zones: [String: OpaquePointer]
    ) throws -> ComponentHandle {
        let vevent = ComponentHandle(kind: ICAL_VEVENT_COMPONENT)
        vevent.add(icalproperty_new_uid(event.uid))
        vevent.add(icalproperty_new_dtstamp(utcTime(event.lastChanged)))
        vevent.add(icalproperty_new_lastmodified(utcTime(event.lastChanged)))
        vevent.add(icalproperty_new_sequence(Int32(clamping: event.sequence)))
        let organizer = icalproperty_new_organizer("mailto:\(organizerEmail)")
        icalproperty_add_parameter(organizer, icalparameter_new_cn(organizerName))
        vevent.add(organizer)
        icalcomponent_set_dtstart(vevent.pointer, try time(event.start, zones: zones))
        icalcomponent_set_dtend(vevent.pointer, try time(event.end, zones: zones))
        vevent.add(icalproperty_new_summary(event.summary))
        if let description = event.description { vevent.add(icalproperty_new_description(description)) }
        if let location = event.location { vevent.add(icalproperty_new_location(location)) }
        for category in event.categories { vevent.add(icalproperty_new_categories(category)) }
        vevent.add(icalproperty_new_status(status(event.status)))
        vevent.add(icalproperty_new_transp(event.status == .cancelled ? ICAL_TRANSP_TRANSPARENT : ICAL_TRANSP_OPAQUE))
        if let url = event.url { vevent.add(icalproperty_new_url(url)) }
        try LibICal.check("building event \(event.uid)")
        return vevent
    }

    static func status(_ s: ICalStatus) -> icalproperty_status {
        switch s {
        case .confirmed: return ICAL_STATUS_CONFIRMED
        case .tentative: return ICAL_STATUS_TENTATIVE
        case .cancelled: return ICAL_STATUS_CANCELLED
        }
    }

    static func time(_ t: ICalTime, zones: [String: OpaquePointer]) throws -> icaltimetype {
        var value = icaltime_null_time()
        switch t {
        case .date(let y, let m, let d):
            value = icaltime_null_date()
            (value.year, value.month, value.day) = (Int32(y), Int32(m), Int32(d))
            value.is_date = 1
        case .utc(let seconds):
            value = utcTime(seconds)
        case .local(let y, let m, let d, let h, let min, let tzid):
            guard let zone = zones[tzid] else { throw ICalError("no VTIMEZONE for TZID \(tzid)") }
            (value.year, value.month, value.day) = (Int32(y), Int32(m), Int32(d))
            (value.hour, value.minute, value.second) = (Int32(h), Int32(min), 0)
            _ = icaltime_set_timezone(&value, zone)
        }
        return value
    }

    static func utcTime(_ seconds: Int) -> icaltimetype {
        icaltime_from_timet_with_zone(time_t(seconds), 0, icaltimezone_get_utc_timezone())
    }

    static func xProperty(_ name: String, _ value: String) -> OpaquePointer? {
        let property = icalproperty_new_x(value)
        icalproperty_set_x_name(property, name)
        return property
    }

    /// `PT1H`, `P1D`: an RFC 5545 duration for X-PUBLISHED-TTL.
    static func durationText(minutes: Int) -> String {
        if minutes % 1440 == 0 { return "P\(minutes / 1440)D" }
        if minutes % 60 == 0 { return "PT\(minutes / 60)H" }
        return "PT\(minutes)M"
    }
}
