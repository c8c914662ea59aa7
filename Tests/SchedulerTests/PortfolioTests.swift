import Dispatch
import Foundation
@testable import Scheduler
import Testing

/// The parallel portfolio (`--workers`): the same schedule for the same problem, seed, budget
/// and number of workers, whatever else the machine is doing; one worker is the sequential
/// solver; and the bound it reports never passes a schedule found by brute force.
@Suite struct PortfolioTests {
    /// A year-like problem too hard to prove within a small budget: 30 events on a 40-day grid,
    /// chains with gaps, pairwise no-overlaps, a weekly cap and scattered wishes, so that the
    /// solve goes on to rounds of neighbourhood search and proof.
    static func hardProblem(seed: UInt64) -> Problem {
        var rng = SplitMix64(seed: seed)
        func draw(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        var t = TinyProblem()
        for i in 0..<30 { t.add("e\(i)", days: 40, length: 1 + draw(3)) }
        for i in 1..<30 where draw(2) == 0 {
            t.rule(
                .precedence(
                    Precedence(
                        before: draw(i), after: i, minGap: draw(4), maxGap: nil, anchor: .end, scale: .days)))
        }
        for _ in 0..<25 {
            let (a, b) = (draw(30), draw(30))
            if a != b { t.rule(.noOverlap(a, b, padding: 0, scale: .days)) }
        }
        t.rule(t.weeklyCap(activities: Array(0..<30), cap: 5))
        for a in 0..<30 {
            let target = draw(40), weight = 1 + draw(5)
            t.penalise(a) { weight * abs($0 - target) * 100 }
        }
        return t.problem
    }

    func solve(_ problem: Problem, workers: Int, nodes: Int = 6_000) -> SolveResult {
        var options = SolverOptions()
        options.firstSearchNodes = 500
        options.workers = workers
        options.nodeLimit = nodes
        options.timeLimit = 600
        options.seed = 3
        return Solver(problem, options: options).solve()
    }

    @Test func twoWorkersGiveTheSameScheduleRunAfterRunAndUnderLoad() throws {
        let problem = Self.hardProblem(seed: 11)
        let first = solve(problem, workers: 2)
        #expect(first.status == .feasible && first.stoppedBy == "work-limit", "the test needs an unproven solve")
        let again = solve(problem, workers: 2)
        // The other core busy: the threads meet at the same work points, so nothing changes.
        let busy = Busy()
        busy.start()
        let loaded = solve(problem, workers: 2)
        busy.stop()
        for result in [again, loaded] {
            #expect(result.assignment == first.assignment)
            #expect(result.objective == first.objective && result.bound == first.bound)
            #expect(result.nodes == first.nodes && result.workers == 2)
        }
    }

    @Test func oneWorkerIsTheSequentialSolverNodeForNode() {
        let problem = Self.hardProblem(seed: 11)
        let sequential = Solver(
            problem,
            options: {
                var o = SolverOptions()
                o.nodeLimit = 6_000
                o.firstSearchNodes = 500
                o.timeLimit = 600
                o.seed = 3
                return o
            }()
        ).solve()
        let one = solve(problem, workers: 1)
        #expect(one.assignment == sequential.assignment && one.nodes == sequential.nodes)
        #expect(one.workers == 1)
    }

    @Test func helpersSearchAsWellAsTheMainSearch() {
        let problem = Self.hardProblem(seed: 11)
        let (one, two) = (solve(problem, workers: 1), solve(problem, workers: 2))
        // The main search's budget is the same; the helper's nodes come on top.
        #expect(two.nodes > one.nodes)
        #expect(two.objective! <= one.objective! || two.objective! - one.objective! < one.objective! / 10)
    }

    @Test func theBoundNeverPassesTheCheapestScheduleFoundByBruteForce() throws {
        for seed in UInt64(1)...12 {
            let problem = BoundTests.randomProblem(seed: seed, activities: 5, extraEdges: 2).problem
            let cheapest = BoundTests.cheapest(problem)
            for workers in [1, 2] {
                for nodes in [5, 50, 5_000] {
                    let result = solve(problem, workers: workers, nodes: nodes)
                    guard let cheapest else {
                        #expect(result.objective == nil)
                        continue
                    }
                    #expect(result.bound <= cheapest, "seed \(seed), \(workers) workers, \(nodes) nodes")
                    if let objective = result.objective { #expect(objective >= cheapest) }
                    if result.status == .optimal { #expect(result.objective == cheapest) }
                }
            }
        }
    }
}

/// Keeps one core busy from another thread until stopped.
final class Busy: @unchecked Sendable {
    private let lock = NSLock()
    private var running = true
    private let done = DispatchSemaphore(value: 0)

    func start() {
        Thread.detachNewThread { [self] in
            var x: UInt64 = 1
            while isRunning { for _ in 0..<10_000 { x = x &* 6_364_136_223_846_793_005 &+ 1 } }
            if x == 42 { print(x) }
            done.signal()
        }
    }

    private var isRunning: Bool { lock.withLock { running } }

    func stop() {
        lock.withLock { running = false }
        done.wait()
    }
}
