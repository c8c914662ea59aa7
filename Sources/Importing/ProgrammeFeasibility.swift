/// What keeps the programme's own times feasible in the plan: Convene's tracks never run in
/// parallel and a speaker is in one session at a time, with `min-pause` between; a programme
/// may break either, and then loses the track or the speaker where it does (with a warning).
enum ProgrammeFeasibility {
    /// The summit's default `min-pause`; less when the programme has speakers with less.
    static let defaultPause = 15

    /// Drops what the programme's times break; returns the `min-pause` they keep.
    ///
    /// - Parameter talks: the talks the sessions were made from, index for index.
    /// - Complexity: O(n log n) for n sessions.
    static func makeFeasible(
        _ sessions: inout [PlanDraft.Session], tracks: [PlanDraft.Track], talks: [Talk], log: ImportLog
    ) -> Int {
        let order = sessions.indices.sorted { sessions[$0].startUTC < sessions[$1].startUTC }
        let snapshot = sessions
        func end(_ i: Int) -> Int { snapshot[i].startUTC + snapshot[i].minutes }

        var byTrack: [String: [Int]] = [:]
        for i in order { if let t = sessions[i].track { byTrack[t, default: []].append(i) } }
        for (track, list) in byTrack.sorted(by: { $0.key < $1.key }) {
            guard let (earlier, later) = firstOverlap(list, start: { snapshot[$0].startUTC }, end: end) else {
                continue
            }
            let name = tracks.first { $0.id == track }?.name ?? track
            log.warning(
                talks[later].place,
                "'\(sessions[later].title)' runs in parallel with '\(sessions[earlier].title)' of the same track "
                    + "'\(name)'; Convene's tracks never run in parallel, so the track's sessions are imported "
                    + "without it")
            for i in list { sessions[i].track = nil }
        }

        var minGap = defaultPause
        var lastOf: [String: Int] = [:]
        for i in order {
            for speaker in sessions[i].speakers {
                defer { if sessions[i].speakers.contains(speaker) { lastOf[speaker] = i } }
                guard let previous = lastOf[speaker] else { continue }
                let gap = sessions[i].startUTC - end(previous)
                if gap < 0 {
                    log.warning(
                        talks[i].place,
                        "the speaker '\(speaker)' is also in '\(sessions[previous].title)' at the same time; "
                            + "they are kept as a speaker of that one only")
                    sessions[i].speakers.removeAll { $0 == speaker }
                } else if sessions[i].isSession && sessions[previous].isSession {
                    minGap = min(minGap, gap)
                }
            }
        }

        var byRoom: [String: [Int]] = [:]
        for i in order where sessions[i].isSession { byRoom[sessions[i].room, default: []].append(i) }
        for (room, list) in byRoom.sorted(by: { $0.key < $1.key }) {
            guard let (earlier, later) = firstOverlap(list, start: { snapshot[$0].startUTC }, end: end) else {
                continue
            }
            log.warning(
                talks[later].place,
                "'\(sessions[later].title)' overlaps '\(sessions[earlier].title)' in the same room '\(room)'; "
                    + "the plan will need to move one of them")
        }
        return minGap
    }

    /// The first pair, in start order, where a session starts before an earlier one has ended.
    static func firstOverlap(_ sorted: [Int], start: (Int) -> Int, end: (Int) -> Int) -> (Int, Int)? {
        guard var latest = sorted.first else { return nil }
        for i in sorted.dropFirst() {
            if start(i) < end(latest) { return (latest, i) }
            if end(i) > end(latest) { latest = i }
        }
        return nil
    }

    /// The coarsest step dividing a day that every start (minutes after local midnight) is on.
    static func granularity(_ starts: [Int]) -> Int {
        [60, 30, 20, 15, 10, 5].first { step in starts.allSatisfy { $0 % step == 0 } } ?? 1
    }
}
