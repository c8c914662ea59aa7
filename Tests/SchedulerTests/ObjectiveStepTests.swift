@testable import Scheduler
import Testing

/// The step in which a plan's objective moves (`Problem.objectiveStep`), and the proofs that
/// round their bounds up to it.
@Suite struct ObjectiveStepTests {
    /// Sessions on a grid of `grid` minutes: one slot per start in `starts`, each `length` long,
    /// in room `room` (or alternating between rooms 0 and 1 when nil).
    static func session(_ id: String, starts: [Int], length: Int = 60, room: Int? = nil) -> Activity {
        let slots = starts.enumerated().map { k, start in
            Slot(start: start, end: start + length, firstDay: 0, endDay: 1, room: room ?? k % 2)
        }
        return Activity(id: id, slots: slots)
    }

    static let origin = Origin("wish", at: "test")

    static func step(_ p: Problem) -> Int { p.objectiveStep(costs: p.slotCosts()) }

    @Test func theStepDividesEverySlotCostAndRoomWish() {
        var t = TinyProblem()
        let a = t.add("a", days: 4), b = t.add("b", days: 4)
        t.penalise(a) { $0 * 30 }
        t.penalise(b) { [0, 60, 90, 150][$0] }
        #expect(Self.step(t.problem) == 30)
        var p = t.problem
        p.pairPenalties = [PairPenalty(a: a, b: b, origin: Self.origin, measure: .sameRoom, weight: 45)]
        #expect(Self.step(p) == 15)
    }

    @Test func aSpacingWishMovesInStepsOfTheGridItsSessionsStartOn() {
        // Starts every 15 minutes, a wish of an hour apart at weight 2: a pair can only be 0,
        // 15, 30 or 45 minutes short, so its cost moves in steps of 30.
        let a = Self.session("a", starts: [0, 15, 30, 45]), b = Self.session("b", starts: [60, 75, 90])
        var p = Problem(activities: [a, b], rules: [], penalties: [])
        p.pairPenalties = [PairPenalty(a: 0, b: 1, origin: Self.origin, minimum: 60, scale: .minutes, weight: 2)]
        #expect(Self.step(p) == 30)
        // A wish of 50 minutes: 50 less a multiple of 15 is a multiple of 5.
        p.pairPenalties = [PairPenalty(a: 0, b: 1, origin: Self.origin, minimum: 50, scale: .minutes, weight: 2)]
        #expect(Self.step(p) == 10)
        // One start off the grid, at minute 7, and a cost can be any number of minutes.
        p.activities[1] = Self.session("b", starts: [60, 67, 90])
        #expect(Self.step(p) == 2)
        // Spacing in days costs 1440 a day.
        var t = TinyProblem()
        t.add("x", days: 5)
        t.add("y", days: 5)
        var q = t.problem
        q.pairPenalties = [PairPenalty(a: 0, b: 1, origin: Self.origin, minimum: 3, scale: .days, weight: 1)]
        #expect(Self.step(q) == 1440)
    }

    @Test func aShareMovesInStepsOfItsWeightTimesItsValues() {
        var t = TinyProblem()
        t.add("o1", days: 2)
        t.add("o2", days: 2)
        var p = t.problem
        p.sharePenalties = [
            SharePenalty(
                activities: [0, 1], values: [[[0, 60], [120, 0]], [[180, 0], [0, 60]]], parties: ["x", "y"],
                origin: Self.origin, weight: 2)
        ]
        #expect(Self.step(p) == 120)
    }

    @Test func aProblemWithNoCostHasAStepOfOne() {
        var t = TinyProblem()
        t.add("a", days: 3)
        #expect(Self.step(t.problem) == 1)
    }

    /// Random dependencies, no-overlaps, room and spacing wishes on a 15-minute grid, with slot
    /// costs in multiples of 30.
    static func randomProblem(seed: UInt64) -> Problem {
        var rng = SplitMix64(seed: seed)
        func draw(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        let count = 4
        var activities: [Activity] = []
        var penalties: [Penalty] = []
        for i in 0..<count {
            let starts = (0..<(3 + draw(3))).map { $0 * 15 * (1 + draw(2)) }.sorted()
            let activity = Self.session("s\(i)", starts: Array(Set(starts)).sorted(), length: 30 + 15 * draw(3))
            activities.append(activity)
            penalties.append(
                Penalty(activity: i, origin: Self.origin, values: activity.slots.map { _ in 30 * draw(5) }))
        }
        var rules: [Rule] = []
        for _ in 0..<2 {
            let x = draw(count), y = draw(count)
            if x != y { rules.append(Rule(.noOverlap(x, y, padding: 0, scale: .minutes), origin: Self.origin)) }
        }
        var p = Problem(activities: activities, rules: rules, penalties: penalties)
        p.pairPenalties = [
            PairPenalty(a: 0, b: 1, origin: Self.origin, measure: .sameRoom, weight: 45),
            PairPenalty(a: 1, b: 2, origin: Self.origin, minimum: 60, scale: .minutes, weight: 3),
            PairPenalty(a: 2, b: 3, origin: Self.origin, measure: .close(maximum: 90, scale: .minutes), weight: 1),
        ]
        return p
    }

    @Test func everyScheduleCostsAMultipleOfTheStep() {
        for seed in UInt64(1)...20 {
            let p = Self.randomProblem(seed: seed)
            let step = Self.step(p)
            var checked = 0
            BoundTests.forEachAssignment(p) { assignment in
                #expect(p.objective(assignment) % step == 0, "seed \(seed): \(assignment)")
                checked += 1
            }
            #expect(checked == p.activities.map(\.slots.count).reduce(1, *))
        }
    }

    @Test func aBoundRoundsUpToTheNextMultipleOfTheStep() {
        var t = TinyProblem()
        let a = t.add("a", days: 3)
        t.penalise(a) { [0, 30, 90][$0] }
        let solver = Solver(t.problem)
        #expect(solver.objectiveStep == 30)
        #expect(solver.roundedUp(1_325_042) == 1_325_070)
        #expect(solver.roundedUp(1_325_070) == 1_325_070)
        #expect(solver.roundedUp(1) == 30)
        #expect(solver.roundedUp(0) == 0)
    }

    @Test func proofsThatRoundTheirBoundsUpFindTheOptimumAndNeverPassIt() {
        for seed in UInt64(21)...60 {
            let p = Self.randomProblem(seed: seed)
            let optimum = BoundTests.cheapest(p)
            let step = Self.step(p)
            for budget in [1, 2, 30, 100_000] {  // at 1 node the bound is the root's alone
                var options = SolverOptions()
                options.nodeLimit = budget
                options.firstSearchNodes = 1  // past the first search at once: the rounds below it prove
                let result = Solver(p, options: options).solve()
                guard let optimum else {
                    #expect(result.status != .optimal || result.objective == nil, "seed \(seed)")
                    continue
                }
                #expect(result.bound <= optimum, "seed \(seed), budget \(budget)")
                #expect(result.bound % step == 0, "seed \(seed), budget \(budget)")
                if result.status == .optimal { #expect(result.objective == optimum, "seed \(seed), budget \(budget)") }
                if budget == 100_000 { #expect(result.status == .optimal, "seed \(seed)") }
            }
        }
    }
}
