/// Large-neighbourhood search: free a few activities, keep the rest where the best schedule
/// has them, and search that small problem for something cheaper; repeat.
///
/// Neighbourhoods grow from a random activity along the rules that tie it to others (a
/// dependency, a shared person), so a move that needs several activities to shift together
/// can be found. Everything is drawn from a seeded generator, so the sequence of
/// neighbourhoods and their node budgets repeat exactly; only the time limit can end the
/// search earlier on a slower machine.
struct NeighbourhoodSearch {
    private var rng: SplitMix64
    /// For each activity, those sharing a rule of at most eight activities, a pair penalty, or
    /// a share penalty of at most twelve.
    private let neighbours: [[Int]]
    /// Activities freed at a time.
    let size: Int

    /// Nodes one neighbourhood's search may use. Small budgets and many neighbourhoods did
    /// better than the reverse on the synthetic plans of `benchmarks/` (500 against 1,000 and
    /// 2,000 nodes; growing neighbourhoods, neighbourhoods of events close in time, and drawing
    /// costly events more often all did worse at N = 200 and 1000).
    static let nodeBudget = 500

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
}

extension Solver {
    /// Runs neighbourhoods around the best schedule until about `budget` nodes are spent or
    /// the limits end it.
    func improveByNeighbourhoods(_ search: inout NeighbourhoodSearch, from initial: Domains, nodes budget: Int) {
        let count = problem.activities.count
        let until = nodes + budget
        useDecomposition = false
        defer { useDecomposition = true }
        while nodes < until && !timeIsUp() {
            guard let incumbent = best else { return }
            let members = Set(search.next(count: count))
            // Everyone else stays put.
            var restricted = initial
            var ok = true
            for a in 0..<count where !members.contains(a) {
                if !restricted.set(a, [Int32(incumbent[a])]) { ok = false; break }
            }
            guard ok else { continue }
            domains = restricted
            guard propagation.run(&domains, changed: Array(0..<count)) else { continue }
            stopped = false
            nodeLimit = min(options.nodeLimit, nodes + NeighbourhoodSearch.nodeBudget)
            self.search()
            nodeLimit = options.nodeLimit
        }
        stopped = true
    }
}
