internal import CLibical

/// VTIMEZONEs with bare IANA TZIDs, trimmed to the years a feed spans.
///
/// libical 3.0.16's built-in zones carry a "/freeassociation.sourceforge.net/" TZID prefix and
/// rules back to the 1890s, and the prefix cannot be set empty; so each zone is cloned, trimmed
/// with `icaltimezone_truncate_vtimezone`, given its bare name, and loaded into a zone of its
/// own (docs/feed-rules.md, section 3, "Time zones"). The truncation adds TZUNTIL, a property of RFC 7808 (the time
/// zone data distribution service) that RFC 5545 does not have and strict readers (Python's
/// `ics`) refuse; it is removed. The zone stays correct without it: RFC 5545 readers take the
/// last observance to hold from then on, and the feed's events all fall before TZUNTIL.
///
/// The truncation also ends each yearly rule with an UNTIL exactly at its last onset, in UTC.
/// vobject (dateutil's tzical, which ignores the `Z`) reads that UNTIL as local wall time, so
/// east of UTC it drops the last onset: 09:00 in Rome on 1 July 2021 came out as UTC+1. Each
/// yearly UNTIL is moved one day later, which bounds the same onsets for every reader (a yearly
/// rule's onsets are a year apart).
enum TimeZoneLibrary {
    /// A trimmed zone; kept for the life of the process (there are only as many as zones used).
    final class TrimmedZone: @unchecked Sendable {
        // @unchecked: only touched under LibICal.locked, and never freed once made.
        let zone: OpaquePointer

        init(zone: OpaquePointer) { self.zone = zone }

        /// A copy of the VTIMEZONE for a calendar to adopt.
        func takeComponentCopy() -> OpaquePointer {
            icalcomponent_new_clone(icaltimezone_get_component(zone))
        }
    }

    nonisolated(unsafe) private static var cache: [String: TrimmedZone] = [:]

    /// - Precondition: called inside `LibICal.locked`.
    static func trimmedZone(_ tzid: String, years: ClosedRange<Int>) throws -> TrimmedZone {
        let key = "\(tzid) \(years.lowerBound)-\(years.upperBound)"
        if let zone = cache[key] { return zone }
        guard let builtin = icaltimezone_get_builtin_timezone(tzid), let source = icaltimezone_get_component(builtin)
        else {
            throw ICalError("libical knows no time zone '\(tzid)' (is tzdata installed?)")
        }
        guard let component = icalcomponent_new_clone(source) else { throw ICalError("cloning the zone \(tzid)") }
        var start = icaltime_null_time(), end = icaltime_null_time()
        (start.year, start.month, start.day) = (Int32(years.lowerBound), 1, 1)
        (end.year, end.month, end.day) = (Int32(years.upperBound), 12, 31)
        end.hour = 23
        icaltimezone_truncate_vtimezone(component, start, end, 1)
        removeTZUntil(component)
        loosenUntils(component)
        if let property = icalcomponent_get_first_property(component, ICAL_TZID_PROPERTY) {
            icalproperty_set_tzid(property, tzid)
        }
        guard let zone = icaltimezone_new() else {
            icalcomponent_free(component)
            throw ICalError("allocating the zone \(tzid)")
        }
        guard icaltimezone_set_component(zone, component) == 1 else {
            icaltimezone_free(zone, 1)
            throw ICalError("loading the trimmed zone \(tzid)")
        }
        let trimmed = TrimmedZone(zone: zone)
        cache[key] = trimmed
        return trimmed
    }

    /// Removes every TZUNTIL property of a VTIMEZONE.
    private static func removeTZUntil(_ component: OpaquePointer) {
        while let property = icalcomponent_get_first_property(component, ICAL_TZUNTIL_PROPERTY) {
            icalcomponent_remove_property(component, property)
            icalproperty_free(property)
        }
    }

    /// Moves the UNTIL of every yearly STANDARD and DAYLIGHT rule one day later.
    private static func loosenUntils(_ component: OpaquePointer) {
        for kind in [ICAL_XSTANDARD_COMPONENT, ICAL_XDAYLIGHT_COMPONENT] {
            var observance = icalcomponent_get_first_component(component, kind)
            while let current = observance {
                var property = icalcomponent_get_first_property(current, ICAL_RRULE_PROPERTY)
                while let rrule = property {
                    var rule = icalproperty_get_rrule(rrule)
                    if rule.freq == ICAL_YEARLY_RECURRENCE, icaltime_is_null_time(rule.until) == 0 {
                        icaltime_adjust(&rule.until, 1, 0, 0, 0)
                        icalproperty_set_rrule(rrule, rule)
                    }
                    property = icalcomponent_get_next_property(current, ICAL_RRULE_PROPERTY)
                }
                observance = icalcomponent_get_next_component(component, kind)
            }
        }
    }
}
