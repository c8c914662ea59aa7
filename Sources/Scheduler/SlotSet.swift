/// A set of slot indices of one activity, as a bit set.
public struct SlotSet: Sendable, Hashable {
    private var words: [UInt64]
    public let capacity: Int

    /// - Parameter filled: whether every slot starts in the set.
    public init(capacity: Int, filled: Bool = false) {
        self.capacity = capacity
        words = Array(repeating: filled ? ~0 : 0, count: (capacity + 63) / 64)
    }

    public init(capacity: Int, where predicate: (Int) -> Bool) {
        self.init(capacity: capacity)
        for i in 0..<capacity where predicate(i) { insert(i) }
    }

    public func contains(_ i: Int) -> Bool {
        i >= 0 && i < capacity && (words[i >> 6] >> UInt64(i & 63)) & 1 == 1
    }

    public mutating func insert(_ i: Int) { words[i >> 6] |= 1 << UInt64(i & 63) }
    public mutating func remove(_ i: Int) { words[i >> 6] &= ~(1 << UInt64(i & 63)) }

    public mutating func formIntersection(_ other: SlotSet) {
        for k in words.indices { words[k] &= other.words[k] }
    }

    /// Whether no slot below `capacity` is in the set.
    public var isEmpty: Bool {
        for k in words.indices {
            let bitsUsed = min(64, capacity - k * 64)
            let mask: UInt64 = bitsUsed >= 64 ? ~0 : (1 << UInt64(bitsUsed)) - 1
            if words[k] & mask != 0 { return false }
        }
        return true
    }

    public var count: Int { (0..<capacity).reduce(0) { $0 + (contains($1) ? 1 : 0) } }
}
