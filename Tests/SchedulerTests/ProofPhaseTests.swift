@testable import Scheduler
import Testing

/// A proof phase's search (`Solver.searchFromRoot`) ends, unfinished, at a schedule that closes
/// a `restartGain` part of the gap between the best schedule and the root's bound and against
/// which the root narrows to a `restartGain` part of its slots, so that the phase can search
/// again from that narrower root; otherwise it runs to the end and proves.
@Suite struct ProofPhaseTests {
    /// Two events that may not share a day, each cheapest on day 0: the optimum costs 10.
    func solverWithAPoorSchedule() -> Solver {
        var t = TinyProblem()
        let a = t.add("a"), b = t.add("b")
        t.rule(.noOverlap(a, b, padding: 0, scale: .days))
        t.penalise(a) { $0 * 10 }
        t.penalise(b) { $0 * 10 }
        let solver = Solver(t.problem)
        solver.best = [9, 8]
        solver.bestObjective = 170
        return solver
    }

    @Test func aScheduleThatClosesHalfTheGapEndsThePhase() {
        let solver = solverWithAPoorSchedule()
        // Root bound 0: any schedule of 85 or less closes half the gap of 170, and the root
        // narrowed against the optimum keeps nothing.
        let finished = solver.searchFromRoot(solver.domains, nodes: 1_000, restartingBelow: 0)
        #expect(!finished, "the search ends at the first such schedule, before it can prove it")
        #expect(solver.bestObjective == 10)
        #expect(solver.nodes < 1_000)
    }

    @Test func withoutSuchAScheduleThePhaseFinishesAndProves() {
        let solver = solverWithAPoorSchedule()
        // A root bound that is no bound at all: half the gap is beyond any schedule.
        let finished = solver.searchFromRoot(solver.domains, nodes: 1_000, restartingBelow: -1_000)
        #expect(finished)
        #expect(solver.bestObjective == 10)
        #expect(solver.best == [0, 1] || solver.best == [1, 0])
    }
}
