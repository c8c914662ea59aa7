import Dispatch
import Foundation

/// One helper of a parallel solve: a solver of the same compacted problem that only searches
/// neighbourhoods, with a seed of its own.
final class PortfolioHelper: @unchecked Sendable {
    // @unchecked: a helper is used by one thread at a time; the main solver reads it only
    // after the phase it ran in has been joined.
    let solver: Solver
    var neighbourhoods: NeighbourhoodSearch

    init(_ solver: Solver) {
        self.solver = solver
        neighbourhoods = NeighbourhoodSearch(
            seed: solver.options.seed, problem: solver.problem, propagation: solver.propagation)
    }
}

/// A deterministic parallel portfolio (`SolverOptions.workers`).
///
/// The main solver runs as it does alone: a first complete search, then rounds of
/// neighbourhood search and of proof. Beside each phase of a round, every helper searches
/// neighbourhoods of the best schedule for as many nodes as the phase is given, each with its
/// own seed. Threads meet only when a phase ends: the main solver takes the cheapest helper's
/// schedule if it is strictly cheaper (the first helper in order on a tie), and the helpers
/// start the next phase from the best schedule. Everything a thread does between two meetings
/// is counted in nodes, so the same plan, seed, budget and number of workers give the same
/// schedule on any machine, loaded or idle; only the time limit, when it ends a search, can
/// change it, and the result says so.
extension Solver {
    /// The seed of helper `k` (1 for the first): far from the main seed and from each other.
    static func helperSeed(_ seed: UInt64, _ k: Int) -> UInt64 { seed &+ UInt64(k) &* 0x9E37_79B9_7F4A_7C15 }

    func makeHelpers() -> [PortfolioHelper] {
        guard options.workers > 1 else { return [] }
        return (1..<options.workers).map { k in
            var own = options
            own.seed = Self.helperSeed(options.seed, k)
            own.decompositionBound = false  // neighbourhoods search without it
            own.nodeLimit = Int.max  // each phase gives its own budget
            own.progress = nil
            own.workers = 1
            let helper = Solver(compact: problem, kept: kept, options: own, stopAt: stopAt)
            helper.started = started  // its times read from the main solver's start
            return PortfolioHelper(helper)
        }
    }

    /// The nodes the helpers have searched.
    var helperNodes: Int { options.workers > 1 ? helpers.reduce(0) { $0 + $1.solver.nodes } : 0 }

    /// Runs `phase` on this thread while each helper searches neighbourhoods of the best
    /// schedule for `budget` nodes, then takes a strictly cheaper schedule from them. When
    /// `phase` returns true (it proved its schedule optimal) the helpers stop at once: nothing
    /// they could find would be taken.
    func alongsideHelpers(from initial: Domains, nodes budget: Int, _ phase: () -> Bool) {
        guard options.workers > 1, let incumbent = best else {
            _ = phase()
            return
        }
        let helpers = self.helpers
        for helper in helpers where helper.solver.bestObjective > bestObjective {
            helper.solver.adopt(incumbent, objective: bestObjective, at: bestAt)
        }
        // No more than the main search has left: its last phase ends on the work limit.
        let work = HelperWork(
            helpers: helpers, initial: initial, budget: max(0, min(budget, options.nodeLimit - nodes)))
        let cancel = Cancellation()
        for helper in helpers { helper.solver.cancellation = cancel }
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { work.run() }
        if phase() { cancel.set() }
        group.wait()
        for helper in helpers where helper.solver.bestObjective < bestObjective {
            adopt(helper.solver.best!, objective: helper.solver.bestObjective, at: helper.solver.bestAt)
        }
        if helpers.contains(where: { $0.solver.timedOut }) { timedOut = true }
    }

    /// Takes `assignment` (of the same compacted problem) as the best schedule.
    func adopt(_ assignment: [Int], objective: Int, at seconds: Double?) {
        best = assignment
        bestObjective = objective
        bestAt = seconds
        if firstSolutionAt == nil { firstSolutionAt = seconds }
    }
}

/// The helpers' share of one phase, run on another thread, one helper after the other when
/// there are more helpers than free cores (each on its own budget, so the order changes nothing).
private struct HelperWork: @unchecked Sendable {
    let helpers: [PortfolioHelper]
    let initial: Domains
    let budget: Int

    func run() {
        DispatchQueue.concurrentPerform(iterations: helpers.count) { k in
            let helper = helpers[k]
            helper.solver.improveByNeighbourhoods(&helper.neighbourhoods, from: initial, nodes: budget)
        }
    }
}

/// Tells helpers to stop their phase early; read every few nodes.
final class Cancellation: @unchecked Sendable {
    // @unchecked: the flag is read and written under the lock.
    private let lock = NSLock()
    private var flag = false

    var isSet: Bool { lock.withLock { flag } }
    func set() { lock.withLock { flag = true } }
}
