/// Who wishes to share a room with whom: the `sameRoom` pair penalties (a track's sessions, a
/// speaker's sessions), read by the room moves of neighbourhood search.
struct RoomTies {
    /// For each activity, every activity it shares a room wish with, in order.
    let partners: [[Int]]
    /// For each activity, the partners tied to it by more than half its strongest tie (the
    /// weights of all the wishes about the pair added up): a session's track, not every other
    /// session of each of its speakers.
    let closest: [[Int]]
    /// Every room some slot is in (none when there are no ties: no move will ask).
    let rooms: Set<Int>
    /// Whether no two activities wish to share a room: no room move to make.
    let isEmpty: Bool

    init(_ problem: Problem) {
        var ties = Array(repeating: [Int: Int](), count: problem.activities.count)
        for p in problem.pairPenalties where p.a != p.b && p.measure == .sameRoom {
            ties[p.a][p.b, default: 0] += p.weight
            ties[p.b][p.a, default: 0] += p.weight
        }
        partners = ties.map { $0.keys.sorted() }
        closest = ties.map { tie in
            let strongest = tie.values.max() ?? 0
            return tie.filter { 2 * $0.value > strongest }.keys.sorted()
        }
        isEmpty = partners.allSatisfy(\.isEmpty)
        // A year of timed events has millions of slots and no room wishes: not read then.
        rooms = isEmpty ? [] : Set(problem.activities.lazy.flatMap { $0.slots.lazy.map(\.room) }.filter { $0 >= 0 })
    }

    /// The activities a move may start from, in order: in a room (`rooms`, −1 for none), with a
    /// partner in another.
    func movable(_ rooms: [Int]) -> [Int] {
        rooms.indices.filter { a in rooms[a] >= 0 && partners[a].contains { rooms[$0] >= 0 && rooms[$0] != rooms[a] } }
    }

    /// The rooms of `a`'s partners in rooms other than its own, one entry per partner, in
    /// partner order: a room with more of them is drawn more often.
    func roomsElsewhere(_ a: Int, _ rooms: [Int]) -> [Int] {
        partners[a].map { rooms[$0] }.filter { $0 >= 0 && $0 != rooms[a] }
    }
}

/// A neighbourhood that moves a block of sessions to another room, with the sessions of both
/// rooms free to make way.
///
/// A track's one room and a speaker's few room changes depend on where whole groups of
/// sessions are: moving one session to its track's room adds a change for each of its speakers'
/// other sessions, and freeing a few sessions at a time leaves the rest where they were, so the
/// best schedule soon has no cheaper neighbour of that kind. On the Seoul summit plain
/// neighbourhoods stopped with three rooms in use and tracks split (objective 4,440 to 4,680
/// over seeds 0–4); the schedules CP-SAT finds use two.
///
/// The block is a session with a partner in another room (drawn at random) and its closest
/// partners in its own room (`RoomTies.closest`); it moves to the room of one of its partners
/// elsewhere (drawn at random, so a room with more of them more often). Every other session of
/// the two rooms may stay in either or take a room the schedule leaves empty, at any start its
/// domain allows: a room's sessions can then give way to the block, or move on together to an
/// empty room the block's partners may also use. Everyone else stays put.
struct RoomMove: Equatable {
    /// The sessions that must move: the one drawn first, then its closest partners.
    var block: [Int]
    /// The block's room in the best schedule, and the room it must move to.
    var from: Int
    var to: Int

    /// Each freed activity with the slots of `domains` it may take, in activity order.
    func freed(
        rooms: [Int], slots: [[Slot]], domains: Domains, ties: RoomTies
    ) -> [(activity: Int, slots: [Int32])] {
        let blocked = Set(block)
        let empty = ties.rooms.subtracting(rooms)
        return rooms.indices.compactMap { a in
            if blocked.contains(a) { return (a, domains[a].filter { slots[a][Int($0)].room == to }) }
            guard rooms[a] == from || rooms[a] == to else { return nil }
            return (
                a,
                domains[a].filter {
                    let r = slots[a][Int($0)].room; return r == from || r == to || empty.contains(r)
                }
            )
        }
    }
}
