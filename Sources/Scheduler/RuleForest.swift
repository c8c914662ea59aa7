/// One forest of two-activity rules — dependencies and no-overlaps — with a cost table of its
/// own, whose cheapest placement dynamic programming finds exactly.
///
/// `DecompositionBound` splits a plan's rules into several such forests and its penalties
/// among them; this type solves one of them. For each tree, children before parents, every
/// parent slot adds the cheapest cost of each child among the slots the rule between them
/// allows:
/// - a dependency allows a window of the child's slots (starts between the gaps' limits);
///   domains are sorted by start, so the windows slide one way and a monotone queue finds
///   every minimum in one pass;
/// - a no-overlap allows the child's slots that end (plus padding) before the parent starts —
///   a prefix, since ends grow with starts — and those that start after it ends — a suffix;
///   prefix and suffix minima answer each parent slot at once.
///
/// After `bound`, `choose` reads back one cheapest placement.
/// - Complexity: O(total size of the domains in the forest) per bound.
final class RuleForest {
    enum Link {
        case precedence(Precedence)
        case apart(padding: Int, scale: TimeScale)
    }

    struct Edge {
        let child: Int
        let link: Link
    }

    private let slots: [[Slot]]
    /// This forest's share of each member's penalties, per slot (empty for non-members).
    private(set) var shares: [[Int]]
    /// The forest's activities, children before their parents.
    private let postOrder: [Int]
    private let roots: [Int]
    private let children: [[Edge]]
    /// The domain each member's table was last filled with (nil: not since its shares moved).
    /// Arrays share their storage, so this holds the domains search holds anyway.
    private var filledWith: [[Int32]?]
    /// Scratch for `bound`: the members whose tables it filled again.
    private let refilled: UnsafeMutableBufferPointer<Bool>
    /// Scratch: each member's cost table at `offset[a]`, and for each child, the cheapest
    /// child position for each position of its parent at `pickOffset[child]`.
    private let table: UnsafeMutableBufferPointer<Int>
    /// Scratch for `marginals`: each member's cheapest cost outside its subtree, per slot.
    private let down: UnsafeMutableBufferPointer<Int>
    private let offset: [Int]
    private let pick: UnsafeMutableBufferPointer<Int32>
    private let pickOffset: [Int]
    private let position: UnsafeMutableBufferPointer<Int>
    private let queue: UnsafeMutableBufferPointer<Int32>
    private let prefix: UnsafeMutableBufferPointer<Int32>
    private let suffix: UnsafeMutableBufferPointer<Int32>

    static let infinity = Int.max / 4

    deinit {
        for buffer in [table, down, position] { buffer.deallocate() }
        for buffer in [pick, queue, prefix, suffix] { buffer.deallocate() }
        refilled.deallocate()
    }

    /// A forest from undirected `edges` that hold no cycle, each tree rooted at its
    /// lowest-numbered activity; `shares` gives the members' costs.
    init(activityCount count: Int, edges: [(a: Int, b: Int, link: Link)], slots: [[Slot]], shares: [[Int]]) {
        var adjacent = Array(repeating: [(other: Int, link: Link)](), count: count)
        for e in edges {
            adjacent[e.a].append((e.b, e.link))
            adjacent[e.b].append((e.a, e.link))
        }
        var children = Array(repeating: [Edge](), count: count)
        var parent = Array(repeating: -1, count: count)
        var visited = Array(repeating: false, count: count)
        var order: [Int] = []
        var roots: [Int] = []
        for r in 0..<count where !visited[r] && !adjacent[r].isEmpty {
            roots.append(r)
            visited[r] = true
            var stack = [r]
            while let v = stack.popLast() {
                order.append(v)
                for (w, link) in adjacent[v] where !visited[w] {
                    visited[w] = true
                    parent[w] = v
                    children[v].append(Edge(child: w, link: link))
                    stack.append(w)
                }
            }
        }
        var offset = Array(repeating: 0, count: count), pickOffset = Array(repeating: 0, count: count)
        var total = 0, picks = 0
        for a in order {
            offset[a] = total
            total += slots[a].count
            if parent[a] >= 0 {
                pickOffset[a] = picks
                picks += slots[parent[a]].count
            }
        }
        let longest = order.map { slots[$0].count }.max() ?? 0
        self.slots = slots
        self.shares = shares
        self.postOrder = order.reversed()
        self.roots = roots
        self.children = children
        self.filledWith = Array(repeating: nil, count: count)
        self.refilled = .scratch(count, false)
        self.offset = offset
        self.pickOffset = pickOffset
        self.table = .scratch(total, 0)
        self.down = .scratch(total, 0)
        self.pick = .scratch(picks, -1)
        self.position = .scratch(count, 0)
        self.queue = .scratch(longest, 0)
        self.prefix = .scratch(longest, 0)
        self.suffix = .scratch(longest, 0)
    }

    /// The cheapest cost of the members' shares over placements within `d` that keep the
    /// forest's rules (`infinity` when a tree has none).
    ///
    /// Only the tables that changed are filled again: a member's, when its domain differs from
    /// the one its table was last filled with or its shares moved since (`moveShare`,
    /// `replaceShares`), and then its ancestors'. Between two bounds of a proof few domains
    /// change (on the synthetic year of 50 events, 7 % of the tables), and a subgradient step
    /// moves the shares of the members its forests disagree on. Tables, picks and result are
    /// those of filling every table.
    func bound(_ d: Domains) -> Int {
        for v in postOrder {
            var stale = !(filledWith[v].map { $0 == d[v] } ?? false)
            if !stale {
                for edge in children[v] where refilled[edge.child] {
                    stale = true
                    break
                }
            }
            refilled[v] = stale
            if stale {
                fill(v, d)
                filledWith[v] = d[v]
            }
        }
        return rootTotal(d)
    }

    /// Moves `amount` onto the share of member `a` at slot `v`.
    func moveShare(_ a: Int, slot v: Int, by amount: Int) {
        shares[a][v] += amount
        filledWith[a] = nil
    }

    /// Replaces every share (the best split a tightening found).
    func replaceShares(_ new: [[Int]]) {
        shares = new
        for a in filledWith.indices { filledWith[a] = nil }
    }

    /// A member's table: its shares plus, for each child, the child's cheapest placement its
    /// rule allows with each slot (the children's tables already filled).
    private func fill(_ v: Int, _ d: Domains) {
        let domain = d[v], base = offset[v], share = shares[v]
        for (i, s) in domain.enumerated() { table[base + i] = share[Int(s)] }
        for edge in children[v] {
            switch edge.link {
            case .precedence(let p): addDependent(edge.child, p, parent: v, d)
            case .apart(let padding, let scale): addApart(edge.child, padding: padding, scale: scale, parent: v, d)
            }
        }
    }

    /// The sum of each tree's cheapest root slot in the filled tables (`infinity` when a tree
    /// has none).
    private func rootTotal(_ d: Domains) -> Int {
        var total = 0
        for r in roots {
            let base = offset[r]
            var best = Self.infinity
            for i in 0..<d[r].count { best = min(best, table[base + i]) }
            guard best < Self.infinity else { return Self.infinity }
            total += best
        }
        return total
    }

    /// Writes into `choice` the slot each member takes in a cheapest placement, as found by the
    /// last `bound` on the same domains (which must not have been infinite).
    func choose(_ d: Domains, into choice: inout [Int32]) {
        for r in roots {
            let base = offset[r]
            var best = 0
            for i in 1..<max(1, d[r].count) where table[base + i] < table[base + best] { best = i }
            position[r] = best
        }
        for v in postOrder.reversed() {
            choice[v] = d[v][position[v]]
            for edge in children[v] { position[edge.child] = Int(pick[pickOffset[edge.child] + position[v]]) }
        }
    }

    /// After `bound` on the same domains: for each member and each slot of its domain, the
    /// cheapest cost of a placement that keeps the forest's rules and puts the member there
    /// (its min-marginal), passed to `visit(activity, position in domain, cost)`.
    ///
    /// A second pass, parents before children, carries to each child the cheapest cost of the
    /// rest of its tree for each of its slots; the same windows and prefix/suffix minima as in
    /// `bound` answer it, read the other way.
    func marginals(_ d: Domains, _ visit: (Int, Int, Int) -> Void) {
        for r in roots {
            for i in 0..<d[r].count { down[offset[r] + i] = 0 }
        }
        for v in postOrder.reversed() {
            let pBase = offset[v], parentDomain = d[v]
            for i in 0..<parentDomain.count {
                let up = table[pBase + i], outside = down[pBase + i]
                visit(v, i, up >= Self.infinity || outside >= Self.infinity ? Self.infinity : up + outside)
            }
            for edge in children[v] {
                let c = edge.child, cBase = offset[c], kBase = pickOffset[c]
                // The parent slot's cost with the rest of the tree above it and its other
                // children, but without this child.
                func excluded(_ i: Int) -> Int {
                    let up = table[pBase + i], outside = down[pBase + i]
                    guard up < Self.infinity, outside < Self.infinity else { return Self.infinity }
                    return up - table[cBase + Int(pick[kBase + i])] + outside
                }
                switch edge.link {
                case .precedence(let p): passDependent(c, p, parent: v, d, excluded)
                case .apart(let padding, let scale):
                    passApart(c, padding: padding, scale: scale, parent: v, d, excluded)
                }
            }
        }
    }

    /// `down` for a dependent child: for each child slot, the cheapest `excluded` parent slot in
    /// the window of parent keys the dependency allows with it.
    private func passDependent(_ c: Int, _ p: Precedence, parent v: Int, _ d: Domains, _ excluded: (Int) -> Int) {
        let parentDomain = d[v], childDomain = d[c]
        let parentSlots = slots[v], childSlots = slots[c]
        let cBase = offset[c]
        let childIsAfter = p.after == c
        // The parent's key, and the window of parent keys a child slot allows.
        func key(_ i: Int) -> Int {
            let s = parentSlots[Int(parentDomain[i])]
            return childIsAfter ? p.reference(s) : s.startCoordinate(p.scale)
        }
        func window(_ j: Int) -> (lo: Int, hi: Int) {
            let s = childSlots[Int(childDomain[j])]
            if childIsAfter {
                let start = s.startCoordinate(p.scale)
                return (p.maxGap.map { start - $0 } ?? Int.min, start - p.minGap)
            }
            let r = p.reference(s)
            return (r + p.minGap, p.maxGap.map { r + $0 } ?? Int.max)
        }
        var head = 0, tail = 0, next = 0
        for j in 0..<childDomain.count {
            let (lo, hi) = window(j)
            while next < parentDomain.count && key(next) <= hi {
                let value = excluded(next)
                while tail > head && excluded(Int(queue[tail - 1])) >= value { tail -= 1 }
                queue[tail] = Int32(next)
                tail += 1
                next += 1
            }
            while head < tail && key(Int(queue[head])) < lo { head += 1 }
            down[cBase + j] = head < tail ? excluded(Int(queue[head])) : Self.infinity
        }
    }

    /// `down` for a child kept apart from its parent: the cheapest `excluded` parent slot among
    /// those ending before the child starts and those starting after it ends.
    private func passApart(
        _ c: Int, padding: Int, scale: TimeScale, parent v: Int, _ d: Domains, _ excluded: (Int) -> Int
    ) {
        let parentDomain = d[v], childDomain = d[c]
        let parentSlots = slots[v], childSlots = slots[c]
        let cBase = offset[c]
        let n = parentDomain.count
        guard n > 0 else { return }
        // Prefix and suffix minima of the parent's values (once per proof phase: plain arrays).
        var prefixValue = [Int](repeating: 0, count: n), suffixValue = [Int](repeating: 0, count: n)
        prefixValue[0] = excluded(0)
        for i in 1..<max(1, n) { prefixValue[i] = min(prefixValue[i - 1], excluded(i)) }
        suffixValue[n - 1] = excluded(n - 1)
        for i in stride(from: n - 2, through: 0, by: -1) { suffixValue[i] = min(suffixValue[i + 1], excluded(i)) }
        var before = 0, after = 0
        for j in 0..<childDomain.count {
            let s = childSlots[Int(childDomain[j])]
            let start = s.startCoordinate(scale), end = s.endCoordinate(scale)
            while before < n && parentSlots[Int(parentDomain[before])].endCoordinate(scale) + padding <= start {
                before += 1
            }
            while after < n && parentSlots[Int(parentDomain[after])].startCoordinate(scale) < end + padding {
                after += 1
            }
            var best = Self.infinity
            if before > 0 { best = prefixValue[before - 1] }
            if after < n { best = min(best, suffixValue[after]) }
            down[cBase + j] = best
        }
    }

    /// The table entry plus a child's cheapest cost, staying at `infinity` once there.
    @inline(__always)
    private func add(_ cheapest: Int, at index: Int) -> Int {
        let current = table[index]
        return current >= Self.infinity || cheapest >= Self.infinity ? Self.infinity : current + cheapest
    }

    /// A dependency between parent and child: each parent slot allows a window of child starts
    /// (or of child references, when the child comes first).
    private func addDependent(_ c: Int, _ p: Precedence, parent v: Int, _ d: Domains) {
        let parentDomain = d[v], childDomain = d[c]
        let parentSlots = slots[v], childSlots = slots[c]
        let pBase = offset[v], cBase = offset[c], kBase = pickOffset[c]
        let childIsAfter = p.after == c
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
            if head < tail {
                pick[kBase + i] = queue[head]
                table[pBase + i] = add(table[cBase + Int(queue[head])], at: pBase + i)
            } else {
                pick[kBase + i] = 0
                table[pBase + i] = Self.infinity
            }
        }
    }

    /// A no-overlap between parent and child: each parent slot allows the child's slots that
    /// end, plus padding, by its start (a prefix) and those that start, less padding, at or
    /// after its end (a suffix).
    private func addApart(_ c: Int, padding: Int, scale: TimeScale, parent v: Int, _ d: Domains) {
        let parentDomain = d[v], childDomain = d[c]
        let parentSlots = slots[v], childSlots = slots[c]
        let pBase = offset[v], cBase = offset[c], kBase = pickOffset[c]
        let n = childDomain.count
        guard n > 0 else {
            for i in 0..<parentDomain.count { table[pBase + i] = Self.infinity; pick[kBase + i] = 0 }
            return
        }
        prefix[0] = 0
        for j in 1..<max(1, n) {
            prefix[j] = table[cBase + j] < table[cBase + Int(prefix[j - 1])] ? Int32(j) : prefix[j - 1]
        }
        suffix[n - 1] = Int32(n - 1)
        for j in stride(from: n - 2, through: 0, by: -1) {
            suffix[j] = table[cBase + j] <= table[cBase + Int(suffix[j + 1])] ? Int32(j) : suffix[j + 1]
        }
        var before = 0, after = 0  // child slots ending by the parent's start; first one starting after its end
        for i in 0..<parentDomain.count {
            let s = parentSlots[Int(parentDomain[i])]
            let start = s.startCoordinate(scale), end = s.endCoordinate(scale)
            while before < n && childSlots[Int(childDomain[before])].endCoordinate(scale) + padding <= start {
                before += 1
            }
            while after < n && childSlots[Int(childDomain[after])].startCoordinate(scale) < end + padding { after += 1 }
            var best: Int32 = -1
            if before > 0 { best = prefix[before - 1] }
            if after < n, best < 0 || table[cBase + Int(suffix[after])] < table[cBase + Int(best)] {
                best = suffix[after]
            }
            if best >= 0 {
                pick[kBase + i] = best
                table[pBase + i] = add(table[cBase + Int(best)], at: pBase + i)
            } else {
                pick[kBase + i] = 0
                table[pBase + i] = Self.infinity
            }
        }
    }
}

extension UnsafeMutableBufferPointer {
    /// A buffer of `count` copies of `value`, for scratch tables read and written in the
    /// bound's innermost loops: an array there was checked for uniqueness and retained at
    /// every access (a fifth of a proof's time on the synthetic year of 50 events).
    /// Deallocated by its owner.
    static func scratch(_ count: Int, _ value: Element) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: count)
        buffer.initialize(repeating: value)
        return buffer
    }
}
