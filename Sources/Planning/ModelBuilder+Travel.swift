import Chronology
import PlanFile

/// A person's clock slot by slot: their home zone's, or on the dates of a trip the clock of the
/// zone they travel to. A trip holds a slot when the slot starts on one of its dates on the
/// destination's clock.
struct TravellerClock: Sendable {
    let home: ZoneClock
    let trips: [(clock: ZoneClock, first: Int, end: Int)]
    let name: String

    func clock(at utcMinute: Int) -> ZoneClock {
        for trip in trips {
            let day = trip.clock.local(atUTCMinute: utcMinute).day
            if trip.first <= day && day < trip.end { return trip.clock }
        }
        return home
    }
}

/// The clocks a rule reads for one slot: zones that stay put, and people who travel.
struct SlotClocks: Sendable {
    let fixed: [ZoneClock]
    let travellers: [TravellerClock]

    /// Whether `test` holds on every clock at the slot starting at `start`.
    func allSatisfy(at start: Int, _ test: (ZoneClock) -> Bool) -> Bool {
        fixed.allSatisfy(test) && travellers.allSatisfy { test($0.clock(at: start)) }
    }

    /// How the zones read in a rule's words: the fixed zones, then each traveller.
    func names(_ zones: [Zone]) -> String {
        let travelling = travellers.map { "\($0.name)'s zone" }
        return (zones.map(\.identifier) + travelling).joined(separator: ", ")
    }
}

extension ModelBuilder {
    mutating func travellerClock(_ person: Person) -> TravellerClock {
        TravellerClock(
            home: clock(person.zone.value),
            trips: person.travel.map {
                (clock($0.zone.value), $0.dates.value.first.dayNumber, $0.dates.value.last.dayNumber + 1)
            },
            name: person.name)
    }

    /// The members of an audience who travel; their zones are not among `audienceZones`.
    func audienceTravellers(_ id: String) -> [Person] {
        guard let audience = plan.audience(id) else { return [] }
        return audience.members.compactMap { plan.person($0.value) }.filter { !$0.travel.isEmpty }
    }
}
