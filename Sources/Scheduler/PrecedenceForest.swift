/// A lower bound on the penalties of every schedule below a search node that takes the
/// dependencies into account, not only each activity's cheapest slot.
///
/// Dependencies drive most of a plan's cost: an event that prefers to be early may have to
/// wait for one that prefers to be late. Summing each activity's cheapest slot ignores that;
/// this bound keeps a spanning forest of the `precedence` rules (dropping the few that close a
/// cycle, which only weakens it) and computes, by dynamic programming over each tree, the
/// cheapest placement of its activities that keeps the tree's dependencies. Activities outside
/// every tree count their cheapest slot, as before.
///
/// Each child's best cost for a parent slot is a minimum over a window of the child's slots
/// (starts between the gaps' limits); domains are sorted by start, so the windows slide in one
/// direction and a monotone queue finds every minimum in one pass.
/// - Complexity: O(total size of the domains in the forest) per bound.
final class PrecedenceForest {
    private struct Edge {
        let child: Int
        let rule: Precedence
    }

    private let slots: [[Slot]]
    private let costs: [[Int]]
    /// The forest's activities, children before their parents.
    private let postOrder: [Int]
    private let roots: [Int]
    private let children: [[Edge]]
    private let inForest: [Bool]
    /// Scratch: each forest activity's cost table, at `offset[a]` in `table`.
    private var table: [Int]
    private let offset: [Int]
    private var queue: [Int32]

    static let infinity = Int.max / 4

    /// What one bound costs, in search nodes (about one node per 256 slots of the forest), so
    /// that node budgets reflect time.
    var work: Int { table.count / 256 }

    /// Nil when the enabled rules hold no dependency.
    init?(problem: Problem, enabled: [Bool]?, costs: [[Int]]) {
        let count = problem.activities.count
        var parent = Array(0..<count)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        var adjacent = Array(repeating: [(other: Int, rule: Precedence)](), count: count)
        for (i, rule) in problem.rules.enumerated() where enabled?[i] ?? true {
            guard case .precedence(let p) = rule.kind, p.before != p.after else { continue }
            let (x, y) = (find(p.before), find(p.after))
            guard x != y else { continue }  // closes a cycle: left out of the forest
            parent[x] = y
            adjacent[p.before].append((p.after, p))
            adjacent[p.after].append((p.before, p))
        }
        guard adjacent.contains(where: { !$0.isEmpty }) else { return nil }
        // Orient each tree from its lowest-numbered activity.
        var children = Array(repeating: [Edge](), count: count)
        var visited = Array(repeating: false, count: count)
        var order: [Int] = []
        var roots: [Int] = []
        for r in 0..<count where !visited[r] && !adjacent[r].isEmpty {
            roots.append(r)
            visited[r] = true
            var stack = [r]
            while let v = stack.popLast() {
                order.append(v)
                for (w, rule) in adjacent[v] where !visited[w] {
                    visited[w] = true
                    children[v].append(Edge(child: w, rule: rule))
                    stack.append(w)
                }
            }
        }
        var offset = Array(repeating: 0, count: count)
        var total = 0
        for a in order {
            offset[a] = total
            total += problem.activities[a].slots.count
        }
        self.slots = problem.activities.map(\.slots)
        self.costs = costs
        self.postOrder = order.reversed()
        self.roots = roots
        self.children = children
        self.inForest = visited
        self.offset = offset
        self.table = Array(repeating: 0, count: total)
        self.queue = Array(repeating: 0, count: problem.activities.map(\.slots.count).max() ?? 0)
    }

    /// A lower bound on the unary penalties of any schedule within these domains
    /// (`infinity` when a tree has no placement at all).
    func bound(_ d: Domains) -> Int {
        var total = 0
        for a in d.values.indices where !inForest[a] { total += d.minCost[a] }
        for v in postOrder {
            let domain = d[v], base = offset[v]
            for (i, s) in domain.enumerated() { table[base + i] = costs[v][Int(s)] }
            for edge in children[v] { addChild(edge, parent: v, d) }
        }
        for r in roots {
            let base = offset[r]
            var best = Self.infinity
            for i in 0..<d[r].count { best = min(best, table[base + i]) }
            guard best < Self.infinity else { return Self.infinity }
            total += best
        }
        return total
    }

    /// Adds to each parent slot's cost the child's cheapest cost among the slots the
    /// dependency allows with it.
    private func addChild(_ edge: Edge, parent v: Int, _ d: Domains) {
        let p = edge.rule, c = edge.child
        let parentDomain = d[v], childDomain = d[c]
        let parentSlots = slots[v], childSlots = slots[c]
        let pBase = offset[v], cBase = offset[c]
        let childIsAfter = p.after == c
        // The child's key, which the window bounds, and the window for a parent slot.
        func key(_ j: Int) -> Int {
            let s = childSlots[Int(childDomain[j])]
            return childIsAfter ? s.startCoordinate(p.scale) : p.reference(s)
        }
        func window(_ i: Int) -> (lo: Int, hi: Int) {
            let s = parentSlots[Int(parentDomain[i])]
            if childIsAfter {
                let r = p.reference(s)
                return (r + p.minGap, p.maxGap.map { r + $0 } ?? Int.max)
            }
            let start = s.startCoordinate(p.scale)
            return (p.maxGap.map { start - $0 } ?? Int.min, start - p.minGap)
        }
        var head = 0, tail = 0, next = 0
        for i in 0..<parentDomain.count {
            let (lo, hi) = window(i)
            while next < childDomain.count && key(next) <= hi {
                let value = table[cBase + next]
                while tail > head && table[cBase + Int(queue[tail - 1])] >= value { tail -= 1 }
                queue[tail] = Int32(next)
                tail += 1
                next += 1
            }
            while head < tail && key(Int(queue[head])) < lo { head += 1 }
            let cheapest = head < tail ? table[cBase + Int(queue[head])] : Self.infinity
            table[pBase + i] = min(Self.infinity, table[pBase + i] + cheapest)
        }
    }
}
