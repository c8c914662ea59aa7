@testable import Scheduler
import Testing

/// The share penalty, a maximum of sums: its cost on a schedule, its bound never above the
/// cheapest schedule, and the solver's optimum equal to brute force's on small problems.
@Suite struct SharePenaltyTests {
    /// Four meetings of a series on a 6-day grid; on even days one party pays `heavy`, on odd
    /// days the other does (two zones, one meeting time suits only one of them each day).
    static func alternating(heavy: Int = 60, weight: Int = 1) -> (TinyProblem, SharePenalty) {
        var t = TinyProblem()
        let members = (0..<4).map { t.add("m\($0)", days: 6) }
        for (x, y) in zip(members, members.dropFirst()) {
            t.rule(.precedence(Precedence(before: x, after: y, minGap: 0, maxGap: nil, anchor: .end, scale: .days)))
        }
        let values = [0, 1].map { party in
            members.map { a in t.activities[a].slots.indices.map { $0 % 2 == party ? heavy : 0 } }
        }
        let share = SharePenalty(
            activities: members, values: values, parties: ["A", "B"], origin: Origin("share", at: "test"),
            weight: weight)
        return (t, share)
    }

    @Test func itCostsTheWorstOffPartysTotalTimesTheWeight() {
        let (_, share) = Self.alternating(weight: 2)
        // Days 0, 1, 2, 4: party A pays on 0, 2, 4 (180), party B on 1 (60).
        #expect(share.totals([0, 1, 2, 4]) == [180, 60])
        #expect(share.cost([0, 1, 2, 4]) == 360)
        #expect(share.cost([0, 1, 2, 3]) == 240)
    }

    @Test func theSolverSharesTheHeavyDaysEvenly() throws {
        let (t, share) = Self.alternating()
        var problem = t.problem
        problem.sharePenalties = [share]
        let result = Solver(problem).solve()
        #expect(result.status == .optimal)
        let assignment = try #require(result.assignment)
        #expect(share.totals(assignment) == [120, 120])
        #expect(result.objective == 120)
    }

    @Test func theBoundIsExactOnceEveryMemberIsPlacedAndNeverAboveTheCheapest() {
        let (t, share) = Self.alternating()
        var problem = t.problem
        problem.sharePenalties = [share]
        let full = BoundTests.fullDomains(problem)
        let bounding = share.bounding(full)
        // Unplaced, each member can spare either party, but every day costs someone an hour: the
        // worst total is at least the mean, 4 × 60 / 2.
        #expect(share.bound(full, bounding) == 120)
        var placed = full
        for (a, day) in zip(share.activities, [0, 2, 4, 5]) { _ = placed.set(a, [Int32(day)]) }
        #expect(share.bound(placed, bounding) == share.cost([0, 2, 4, 5]))
        // Two members left on even days only: party A pays for both whichever they take.
        var even = full
        for a in share.activities.prefix(2) { _ = even.set(a, [0, 2, 4]) }
        #expect(share.bound(even, bounding) == 120)
    }

    /// Random small problems with a share over three of their five activities: the solver's
    /// optimum is brute force's, and no bound it reports passes it, proven or cut short.
    @Test func onRandomProblemsTheOptimumIsBruteForcesAndTheBoundNeverPassesIt() {
        for seed in UInt64(1)...10 {
            var rng = SplitMix64(seed: seed &* 7)
            var problem = BoundTests.randomProblem(seed: seed, activities: 5, extraEdges: 1).problem
            let members = [0, 2, 4]
            let values = (0..<3).map { _ in
                members.map { a in problem.activities[a].slots.indices.map { _ in Int(rng.next() % 40) } }
            }
            problem.sharePenalties = [
                SharePenalty(
                    activities: members, values: values, parties: ["x", "y", "z"], origin: Origin("share", at: "test"),
                    weight: 1 + Int(seed % 3))
            ]
            let cheapest = BoundTests.cheapest(problem)
            for nodes in [3, 40, 100_000] {
                var options = SolverOptions()
                options.nodeLimit = nodes
                options.firstSearchNodes = min(nodes, 20)
                let result = Solver(problem, options: options).solve()
                guard let cheapest else {
                    #expect(result.objective == nil, "seed \(seed)")
                    continue
                }
                #expect(result.bound <= cheapest, "seed \(seed), \(nodes) nodes")
                if let objective = result.objective { #expect(objective >= cheapest, "seed \(seed)") }
                if nodes == 100_000 {
                    #expect(result.status == .optimal && result.objective == cheapest, "seed \(seed)")
                }
            }
        }
    }

    /// Members with more slots than `bound` reads whole, some forbidden by allow rules (so that
    /// compaction renumbers the slots and the members' floors are read): the bound stays under
    /// brute force's optimum, and the proven optimum is it.
    @Test func membersWithManySlotsAndForbiddenSlotsKeepTheBoundUnderTheOptimum() {
        for seed in UInt64(1)...6 {
            var rng = SplitMix64(seed: seed &+ 100)
            func draw(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
            var t = TinyProblem()
            let members = (0..<3).map { t.add("m\($0)", days: 24) }
            let other = t.add("o", days: 6)
            for a in members {
                let cut = draw(5)
                t.allow(a) { $0 % 5 != cut }
            }
            t.rule(.noOverlap(members[0], members[1], padding: 0, scale: .days))
            t.rule(
                .precedence(
                    Precedence(before: other, after: members[2], minGap: 0, maxGap: nil, anchor: .end, scale: .days)))
            for a in members + [other] {
                let target = draw(24)
                t.penalise(a) { abs($0 - target) }
            }
            var problem = t.problem
            let values = (0..<2).map { _ in
                members.map { a in problem.activities[a].slots.indices.map { _ in draw(30) } }
            }
            problem.sharePenalties = [
                SharePenalty(
                    activities: members, values: values, parties: ["x", "y"], origin: Origin("share", at: "test"),
                    weight: 2)
            ]
            guard let cheapest = BoundTests.cheapest(problem) else {
                Issue.record("seed \(seed): the test needs a feasible problem")
                continue
            }
            for nodes in [2, 30, 200_000] {
                var options = SolverOptions()
                options.nodeLimit = nodes
                options.firstSearchNodes = min(nodes, 20)
                let result = Solver(problem, options: options).solve()
                #expect(result.bound <= cheapest, "seed \(seed), \(nodes) nodes")
                if let objective = result.objective { #expect(objective >= cheapest, "seed \(seed)") }
                if nodes == 200_000 {
                    #expect(result.status == .optimal && result.objective == cheapest, "seed \(seed)")
                }
            }
        }
    }
}
