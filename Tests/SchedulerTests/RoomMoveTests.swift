@testable import Scheduler
import Testing

/// The room moves of neighbourhood search (`RoomTies`, `RoomMove`): which sessions move
/// together, where to, and what is freed to make way.
@Suite struct RoomMoveTests {
    /// Sessions of an hour on a grid of four starts, each start in each of `rooms` rooms.
    static func session(_ id: String, rooms: [Int] = [0, 1, 2, 3]) -> Activity {
        let slots = (0..<4).flatMap { k in
            rooms.map { Slot(start: k * 60, end: k * 60 + 60, firstDay: 0, endDay: 1, room: $0) }
        }
        return Activity(id: id, slots: slots)
    }

    static func wish(_ a: Int, _ b: Int, _ weight: Int) -> PairPenalty {
        PairPenalty(a: a, b: b, origin: Origin("wish", at: "test"), measure: .sameRoom, weight: weight)
    }

    /// A track of three (0, 1, 2: weight 60), a speaker of 2 and 3 (weight 30), a speaker of
    /// 0 and 1 as well (30 more), and 4 with no wish.
    static var problem: Problem {
        var p = Problem(activities: (0..<5).map { session("s\($0)") }, rules: [], penalties: [])
        p.pairPenalties = [wish(0, 1, 60), wish(0, 2, 60), wish(1, 2, 60), wish(2, 3, 30), wish(0, 1, 30)]
        return p
    }

    @Test func aSessionsClosestPartnersAreItsTrackNotItsSpeakersOtherSessions() {
        let ties = RoomTies(Self.problem)
        #expect(ties.partners[2] == [0, 1, 3])
        #expect(ties.closest[2] == [0, 1])  // 60 each, against 30 for its speaker's session 3
        #expect(ties.closest[0] == [1, 2])  // 90 with 1 (track and speaker), 60 with 2: above 45
        #expect(ties.closest[3] == [2])
        #expect(ties.closest[4].isEmpty && ties.partners[4].isEmpty)
        #expect(ties.rooms == [0, 1, 2, 3])
        #expect(!ties.isEmpty)
        #expect(RoomTies(Problem(activities: [Self.session("x")], rules: [], penalties: [])).isEmpty)
    }

    @Test func onlySessionsWithAPartnerInAnotherRoomCanMove() {
        let ties = RoomTies(Self.problem)
        #expect(ties.movable([0, 0, 0, 0, 1]).isEmpty)  // everyone with a partner is together
        #expect(ties.movable([0, 0, 1, 1, 1]) == [0, 1, 2])  // 3 is with its partner 2
        #expect(ties.movable([0, 0, 1, 2, 1]) == [0, 1, 2, 3])
        #expect(ties.movable([0, -1, 1, 1, 1]) == [0, 2])  // 1 has no room: not a partner elsewhere
        #expect(ties.roomsElsewhere(2, [0, 0, 1, 3, 1]) == [0, 0, 3])  // a room per partner
    }

    @Test func theBlockGoesToItsPartnersRoomAndBothRoomsMakeWay() {
        let p = Self.problem
        let slots = p.activities.map(\.slots)
        let domains = Domains(p.activities.map { Array(0..<Int32($0.slots.count)) }, costs: p.slotCosts())
        // 0 and 1 in room 0, 2 and 3 in room 1, 4 in room 2; room 3 is empty.
        let rooms = [0, 0, 1, 1, 2]
        let move = RoomMove(block: [0, 1], from: 0, to: 1)
        let freed = move.freed(rooms: rooms, slots: slots, domains: domains, ties: RoomTies(p))
        #expect(freed.map(\.activity) == [0, 1, 2, 3])  // 4 stays where it is
        func roomsOf(_ k: Int) -> Set<Int> { Set(freed[k].slots.map { slots[freed[k].activity][Int($0)].room }) }
        #expect(roomsOf(0) == [1] && roomsOf(1) == [1])  // the block: its target only, at any start
        #expect(freed[0].slots.count == 4)
        #expect(roomsOf(2) == [0, 1, 3] && roomsOf(3) == [0, 1, 3])  // either room, or the empty one
    }

    @Test func aMoveKeepsToWhatTheDomainsAllow() {
        var p = Self.problem
        p.activities[3] = Self.session("s3", rooms: [1, 2])  // a virtual-only session, say
        let slots = p.activities.map(\.slots)
        var domains = Domains(p.activities.map { Array(0..<Int32($0.slots.count)) }, costs: p.slotCosts())
        let later = domains.set(2, domains[2].filter { slots[2][Int($0)].start > 0 })  // not at the first start
        #expect(later)
        let freed = RoomMove(block: [2], from: 1, to: 0).freed(
            rooms: [0, 0, 1, 1, 2], slots: slots, domains: domains, ties: RoomTies(p))
        #expect(freed.map(\.activity) == [0, 1, 2, 3])
        #expect(freed[2].slots.allSatisfy { slots[2][Int($0)].room == 0 && slots[2][Int($0)].start > 0 })
        #expect(freed[2].slots.count == 3)
        #expect(Set(freed[3].slots.map { slots[3][Int($0)].room }) == [1])  // of its rooms, 1 alone is allowed
    }

    @Test func neighbourhoodSearchDrawsRoomMovesOnlyWhenThereIsOne() throws {
        let p = Self.problem
        var search = NeighbourhoodSearch(seed: 7, problem: p, propagation: Propagation(problem: p, enabled: nil))
        let none = search.nextRoomMove(rooms: [0, 0, 0, 0, 1])
        #expect(none == nil)
        var blocks = Set<[Int]>()
        for _ in 0..<40 {
            let drawn = search.nextRoomMove(rooms: [0, 0, 1, 1, 2])
            let move = try #require(drawn)
            // 0 and 1 go together to 2's room; 2 goes alone to theirs (3 is with it already).
            #expect(move.from != move.to)
            #expect(move.block.allSatisfy { [0, 0, 1, 1, 2][$0] == move.from })
            #expect(move.block == [2] ? move.to == 0 : move.to == 1)
            blocks.insert(move.block)
        }
        #expect(blocks == [[0, 1], [1, 0], [2]])
    }
}
