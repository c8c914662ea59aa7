/// Large-neighbourhood search: free a few activities, keep the rest where the best schedule
/// has them, and search that small problem for something cheaper; repeat.
///
/// Neighbourhoods grow from a random activity along the rules that tie it to others (a
/// dependency, a shared person), so a move that needs several activities to shift together
/// can be found. In a plan with room wishes every other neighbourhood is a `RoomMove` instead,
/// when the best schedule has a session with a partner in another room. Everything is drawn
/// from a seeded generator, so the sequence of neighbourhoods and their node budgets repeat
/// exactly; only the time limit can end the search earlier on a slower machine.
struct NeighbourhoodSearch {
    private var rng: SplitMix64
    /// For each activity, those sharing a rule of at most eight activities, a pair penalty, or
    /// a share penalty of at most twelve.
    private let neighbours: [[Int]]
    /// Activities freed at a time.
    let size: Int
    /// Who wishes to share a room with whom, for the room moves.
    let roomTies: RoomTies

    /// Nodes one neighbourhood's search may use. Small budgets and many neighbourhoods did
    /// better than the reverse on the synthetic plans of `benchmarks/` (500 against 1,000 and
    /// 2,000 nodes; growing neighbourhoods, neighbourhoods of events close in time, and drawing
    /// costly events more often all did worse at N = 200 and 1000).
    static let nodeBudget = 500
    /// Every this many neighbourhoods, one is a room move (when there is one to make), with
    /// this many nodes: it frees two rooms' sessions. On the Seoul summit (seeds 0–4, two
    /// workers, the default work limit) every second move with 1,000 nodes gave 3,795–4,185
    /// (mean 3,954) against 4,440–4,680 (mean 4,536) without; every fourth, or 2,000 nodes,
    /// did worse, and so did blocks of all the partners in the room or sessions kept to the
    /// two rooms.
    static let roomMoveEvery = 2
    static let roomMoveBudget = 2 * nodeBudget

    init(seed: UInt64, problem: Problem, propagation: Propagation) {
        rng = SplitMix64(seed: seed &+ 0x5EED)
        let count = problem.activities.count
        var sets = Array(repeating: Set<Int>(), count: count)
        for r in propagation.relational {
            let list = problem.rules[r].activities
            guard list.count <= 8 else { continue }  // n-ary rules tie everyone: no guide
            for a in list { sets[a].formUnion(list.filter { $0 != a }) }
        }
        for p in problem.pairPenalties where p.a != p.b {
            sets[p.a].insert(p.b)
            sets[p.b].insert(p.a)
        }
        for share in problem.sharePenalties where share.activities.count <= 12 {
            for a in share.activities { sets[a].formUnion(share.activities.filter { $0 != a }) }
        }
        neighbours = sets.map { $0.sorted() }
        roomTies = RoomTies(problem)
        size = min(count, max(8, count / 12))
    }

    /// The activities to free next: a random one, then breadth-first up to three of each one's
    /// neighbours in random order, then random ones if the rules run out.
    mutating func next(count: Int) -> [Int] {
        let seed = Int(rng.next() % UInt64(count))
        var chosen = [seed]
        var members: Set<Int> = [seed]
        var frontier = 0
        while chosen.count < size && frontier < chosen.count {
            var candidates = neighbours[chosen[frontier]].filter { !members.contains($0) }
            frontier += 1
            candidates.shuffle(using: &rng)
            for c in candidates.prefix(3) where chosen.count < size {
                chosen.append(c)
                members.insert(c)
            }
        }
        while chosen.count < size {
            let c = Int(rng.next() % UInt64(count))
            if members.insert(c).inserted { chosen.append(c) }
        }
        return chosen
    }

    /// A room move for a schedule whose activities are in `rooms` (−1 for none), or nil when
    /// no session has a partner in another room.
    mutating func nextRoomMove(rooms: [Int]) -> RoomMove? {
        let movable = roomTies.movable(rooms)
        guard !movable.isEmpty else { return nil }
        let a = movable[Int(rng.next() % UInt64(movable.count))]
        let targets = roomTies.roomsElsewhere(a, rooms)
        let to = targets[Int(rng.next() % UInt64(targets.count))]
        return RoomMove(block: [a] + roomTies.closest[a].filter { rooms[$0] == rooms[a] }, from: rooms[a], to: to)
    }
}

extension Solver {
    /// Runs neighbourhoods around the best schedule until about `budget` nodes are spent or
    /// the limits end it.
    func improveByNeighbourhoods(_ search: inout NeighbourhoodSearch, from initial: Domains, nodes budget: Int) {
        let count = problem.activities.count
        let until = nodes + budget
        var round = 0
        useDecomposition = false
        defer { useDecomposition = true }
        while nodes < until && !timeIsUp() {
            guard let incumbent = best else { return }
            round += 1
            var freed: [(activity: Int, slots: [Int32])]
            var allowance = NeighbourhoodSearch.nodeBudget
            if round % NeighbourhoodSearch.roomMoveEvery == 0 && !search.roomTies.isEmpty,
                case let rooms = incumbent.indices.map({ slots[$0][incumbent[$0]].room }),
                let move = search.nextRoomMove(rooms: rooms)
            {
                freed = move.freed(rooms: rooms, slots: slots, domains: initial, ties: search.roomTies)
                allowance = NeighbourhoodSearch.roomMoveBudget
            } else {
                freed = search.next(count: count).sorted().map { ($0, initial[$0]) }
            }
            var restricted = initial
            var ok = true
            var next = 0  // freed is in activity order
            for a in 0..<count where ok {
                if next < freed.count && freed[next].activity == a {
                    // A subset of the domain: as many slots is the whole domain, left as it is.
                    if freed[next].slots.count < restricted[a].count { ok = restricted.set(a, freed[next].slots) }
                    next += 1
                } else {
                    ok = restricted.set(a, [Int32(incumbent[a])])  // everyone else stays put
                }
            }
            guard ok else { continue }
            domains = restricted
            guard propagation.run(&domains, changed: Array(0..<count)) else { continue }
            stopped = false
            nodeLimit = min(options.nodeLimit, nodes + allowance)
            self.search()
            nodeLimit = options.nodeLimit
        }
        stopped = true
    }
}
