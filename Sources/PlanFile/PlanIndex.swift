import Foundation

/// Where each id of a plan is: the position of every event, forum, person, place, audience,
/// room and track under its id. The first of two entries with one id wins (the validator has
/// already reported the second).
///
/// Every module looks ids up through the plan (`plan.event(id)`, `plan.person(id)`) instead of
/// building its own dictionaries; the index is built once per plan value, on first use.
public struct PlanIndex: Sendable {
    public let events: [String: Int]
    public let fixedEvents: [String: Int]
    public let people: [String: Int]
    public let places: [String: Int]
    public let audiences: [String: Int]
    public let rooms: [String: Int]
    public let tracks: [String: Int]

    init(_ plan: Plan) {
        func positions(_ ids: [String]) -> [String: Int] {
            var found: [String: Int] = [:]
            found.reserveCapacity(ids.count)
            for (i, id) in ids.enumerated() where found[id] == nil { found[id] = i }
            return found
        }
        events = positions(plan.events.map(\.id.value))
        fixedEvents = positions(plan.fixedEvents.map(\.id.value))
        people = positions(plan.people.map(\.id.value))
        places = positions(plan.places.map(\.id.value))
        audiences = positions(plan.audiences.map(\.id.value))
        rooms = positions(plan.rooms.map(\.id.value))
        tracks = positions(plan.tracks.map(\.id.value))
    }
}

/// The plan's index, built on first use and dropped whenever a list it indexes changes (each
/// such list's `didSet` replaces the cache with an empty one, so copies of a plan never see
/// each other's changes).
final class PlanIndexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var built: PlanIndex?

    func index(of plan: Plan) -> PlanIndex {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let index = PlanIndex(plan)
        built = index
        return index
    }
}

extension Plan {
    /// Where each id is; see `PlanIndex`.
    public var index: PlanIndex { indexCache.index(of: self) }

    /// The position of the event with this id in `events`.
    public func eventIndex(_ id: String) -> Int? { index.events[id] }
    public func event(_ id: String) -> Event? { index.events[id].map { events[$0] } }
    public func fixedEvent(_ id: String) -> FixedEvent? { index.fixedEvents[id].map { fixedEvents[$0] } }
    public func person(_ id: String) -> Person? { index.people[id].map { people[$0] } }
    public func place(_ id: String) -> Place? { index.places[id].map { places[$0] } }
    public func audience(_ id: String) -> Audience? { index.audiences[id].map { audiences[$0] } }
    /// The position of the room with this id in `rooms`.
    public func roomIndex(_ id: String) -> Int? { index.rooms[id] }
    public func track(_ id: String) -> Track? { index.tracks[id].map { tracks[$0] } }
}
