/// The value of a minimum cut (equally, of a maximum flow) on a directed graph with integer
/// capacities, by Dinic's algorithm: breadth-first levels from the source, up to the sink's,
/// then a blocking flow along arcs that climb one level, found depth-first without recursion
/// (paths run thousands of arcs along chains), until the sink is out of reach.
///
/// Built arc by arc, then solved once. `unbounded` marks an arc no finite cut may cross.
struct MaxFlow {
    static let unbounded = Int.max / 4

    private(set) var nodeCount: Int
    /// Arc `2k` is the k-th arc added, `2k + 1` its residual twin (capacity 0 to begin with);
    /// `head` is where each arc goes.
    private var head: [Int32] = []
    private var residual: [Int] = []

    init(nodes: Int) { nodeCount = nodes }

    /// Adds `count` nodes; returns the first one's number (the others follow it).
    mutating func addNodes(_ count: Int) -> Int {
        nodeCount += count
        return nodeCount - count
    }

    mutating func addArc(from u: Int, to v: Int, capacity: Int) {
        precondition(u < nodeCount && v < nodeCount && capacity >= 0)
        head.append(Int32(v))
        residual.append(capacity)
        head.append(Int32(u))
        residual.append(0)
    }

    /// The value of a minimum cut between `source` and `sink`, or `unbounded` when every cut
    /// crosses an unbounded arc; nil when `shouldStop` (asked every few thousand arcs scanned,
    /// with the count so far) ends it first. `work` grows by the arcs scanned, a count that does not depend on the
    /// machine.
    mutating func minimumCut(from source: Int, to sink: Int, work: inout Int, shouldStop: (Int) -> Bool) -> Int? {
        let n = nodeCount
        // Arcs out of each node, contiguous.
        var first = [Int32](repeating: 0, count: n + 1)
        for arc in head.indices { first[Int(head[arc ^ 1]) + 1] += 1 }
        for v in 0..<n { first[v + 1] += first[v] }
        var out = [Int32](repeating: 0, count: head.count)
        var fill = first
        for arc in head.indices {
            let u = Int(head[arc ^ 1])
            out[Int(fill[u])] = Int32(arc)
            fill[u] += 1
        }
        var level = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var current = first
        var path: [Int32] = []  // the arcs from the source to the node being explored
        var flow = 0
        var nextCheck = 0
        while flow < Self.unbounded {
            // Levels, as far as the sink's: nodes further away carry nothing this phase.
            for v in 0..<n { level[v] = -1 }
            level[source] = 0
            queue[0] = Int32(source)
            var (front, back) = (0, 1)
            bfs: while front < back {
                let u = Int(queue[front])
                front += 1
                work += Int(first[u + 1] - first[u])
                for k in Int(first[u])..<Int(first[u + 1]) {
                    let arc = Int(out[k])
                    let v = Int(head[arc])
                    if residual[arc] > 0 && level[v] < 0 {
                        level[v] = level[u] + 1
                        if v == sink { break bfs }
                        queue[back] = Int32(v)
                        back += 1
                    }
                }
            }
            guard level[sink] >= 0 else { break }
            // A blocking flow.
            for v in 0..<n { current[v] = first[v] }
            path.removeAll(keepingCapacity: true)
            var u = source
            while true {
                if u == sink {
                    var pushed = Self.unbounded - flow
                    for arc in path { pushed = min(pushed, residual[Int(arc)]) }
                    var retreatTo = path.count
                    for (i, arc) in path.enumerated() {
                        residual[Int(arc)] -= pushed
                        residual[Int(arc) ^ 1] += pushed
                        if residual[Int(arc)] == 0 && retreatTo == path.count { retreatTo = i }
                    }
                    flow += pushed
                    if flow >= Self.unbounded { break }
                    // Back to the tail of the first arc the path filled.
                    path.removeSubrange(retreatTo...)
                    u = path.last.map { Int(head[Int($0)]) } ?? source
                    continue
                }
                var advanced = false
                while current[u] < first[u + 1] {
                    let arc = Int(out[Int(current[u])])
                    let v = Int(head[arc])
                    work += 1
                    if residual[arc] > 0 && level[v] == level[u] + 1 && (level[v] < level[sink] || v == sink) {
                        path.append(Int32(arc))
                        u = v
                        advanced = true
                        break
                    }
                    current[u] += 1
                }
                if work >= nextCheck {
                    nextCheck = work + 4096
                    if shouldStop(work) { return nil }
                }
                if advanced { continue }
                // A dead end: nothing more passes through `u` in this phase.
                level[u] = -1
                guard let arc = path.popLast() else { break }
                u = Int(head[Int(arc) ^ 1])
                current[u] += 1
            }
        }
        return min(flow, Self.unbounded)
    }
}
