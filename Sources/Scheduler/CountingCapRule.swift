/// `countingCap`: at most `cap` of the activities start in any one bucket of local days — a
/// week, a month, a quarter, any grouping the model builder chooses.
///
/// The solver knows buckets only as numbers per day, so a new period or grouping
/// (`max-events-per-week`, `max-events-per-month`, per audience) is a builder function, not a
/// new rule.
public struct CountingCap: Sendable {
    public var activities: [Int]
    public var cap: Int
    /// What a bucket is, in words, for the export: `week`, `month`.
    public var unit: String
    /// The local day `bucketOfDay[0]` is for (days since 1970-01-01).
    public var firstDay: Int
    /// The bucket of each local day from `firstDay` on. A day outside the table is a bucket of
    /// its own.
    public var bucketOfDay: [Int]

    public init(activities: [Int], cap: Int, unit: String, firstDay: Int, bucketOfDay: [Int]) {
        self.activities = activities
        self.cap = cap
        self.unit = unit
        self.firstDay = firstDay
        self.bucketOfDay = bucketOfDay
    }

    /// The bucket a slot starts in (by its local first day in the activity's home zone).
    @inlinable
    public func bucket(_ slot: Slot) -> Int {
        let i = slot.firstDay - firstDay
        return i >= 0 && i < bucketOfDay.count ? bucketOfDay[i] : Int.min / 2 + slot.firstDay
    }

    /// Whether no bucket holds more than `cap` of these slots.
    func holds(_ slots: [Slot]) -> Bool {
        var perBucket: [Int: Int] = [:]
        for s in slots { perBucket[bucket(s), default: 0] += 1 }
        return perBucket.values.allSatisfy { $0 <= cap }
    }

    /// `{"type": "countingCap", "unit": "week", "activities": […], "cap": 3, "lastDay": …,
    /// "runs": [[day, bucket], …]}`: each run gives the bucket from its day on, to the next run
    /// or `lastDay`; a day outside them is a bucket of its own.
    func exportJSON() -> String {
        var runs: [String] = []
        for (i, b) in bucketOfDay.enumerated() where i == 0 || bucketOfDay[i - 1] != b {
            runs.append("[\(firstDay + i),\(b)]")
        }
        let members = activities.map(String.init).joined(separator: ",")
        let lastDay = firstDay + bucketOfDay.count - 1
        return
            "{\"type\": \"countingCap\", \"unit\": \"\(unit)\", \"activities\": [\(members)], "
            + "\"cap\": \(cap), \"lastDay\": \(lastDay), \"runs\": [\(runs.joined(separator: ","))]}"
    }
}

extension Propagation {
    /// When the changed activity is fixed, count its bucket; a full bucket is closed to the others.
    ///
    /// - Complexity: O(n) per fixing, plus O(n · d) when a bucket fills.
    func countingCap(_ rule: CountingCap, changed: Int, _ d: inout Domains, _ touched: inout [Int]) -> Bool {
        guard d.isFixed(changed) else { return true }
        let bucket = rule.bucket(slot(changed, d[changed][0]))
        var count = 0
        for a in rule.activities where d.isFixed(a) && rule.bucket(slot(a, d[a][0])) == bucket { count += 1 }
        guard count <= rule.cap else { return false }
        guard count == rule.cap else { return true }
        for a in rule.activities where !d.isFixed(a) {
            let own = slots[a]
            let kept = d[a].filter { rule.bucket(own[Int($0)]) != bucket }
            if kept.count != d[a].count {
                touched.append(a)
                guard d.set(a, kept) else { return false }
            }
        }
        return true
    }
}
