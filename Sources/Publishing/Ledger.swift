import Foundation
import PlanFile
import Planning
import ReleaseFormat

/// The publish ledger, kept beside the plan (`calendars/ogp-2021.ledger.json`) and meant for
/// git: for every event ever published, its UID, SEQUENCE, last change and last published
/// placement. It is what keeps UIDs stable, sequences growing, unchanged feeds byte-identical,
/// and removed events in the feeds as cancelled.
public struct Ledger: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var id: String
        public var uid: String
        public var sequence: Int
        /// The last real change, `YYYY-MM-DDTHH:MM:SSZ`: DTSTAMP and LAST-MODIFIED.
        public var lastChanged: String
        public var status: Status
        public var fixed: Bool
        public var title: String
        public var kind: String
        public var allDay: Bool
        public var start: String
        public var end: String
        public var timezone: String
        public var startUTC: String
        public var endUTC: String
        public var location: String?
        public var audiences: [String]
        public var people: [String]
        /// A digest of the other published text (title, description…), so editing it refreshes
        /// LAST-MODIFIED without raising SEQUENCE.
        public var contentDigest: String
        /// The summit track of a session, so that a session gone from the plan still reaches its
        /// track's feed as cancelled. Absent (not written) for events without a track.
        public var track: String? = nil

        /// Whether the event stands, as iCalendar's STATUS says it.
        public enum Status: String, Codable, Sendable {
            case confirmed, cancelled
        }

        public var isCancelled: Bool { status == .cancelled }

        /// What a change of SEQUENCE is about: time, place and status.
        var fingerprint: [String] { [startUTC, endUTC, location ?? "", status.rawValue] }
    }

    public var calendar: String
    public var entries: [Entry]

    public init(calendar: String, entries: [Entry] = []) {
        self.calendar = calendar
        self.entries = entries
    }

    /// The ledger as stable JSON: entries by id, keys sorted, a final newline.
    public func json() -> String {
        var sorted = self
        sorted.entries.sort { $0.id < $1.id }
        return StableJSON.text(sorted)
    }

    /// Ledgers hold one entry per event ever published: a few hundred kilobytes for a year.
    public static let sizeLimit = 64 * 1_048_576

    public static func read(_ path: String) throws -> Ledger? {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
            size.intValue > sizeLimit
        {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: [],
                    debugDescription: "the file is over the \(sizeLimit / 1_048_576) MB limit for a ledger"))
        }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try JSONDecoder().decode(Ledger.self, from: data)
    }
}

extension Ledger {
    /// Where each of the plan's events was last published (cancelled ones and fixed fora
    /// aside), by id: what `publish` keeps them near.
    public func announced(for plan: Plan) -> [String: Announced] {
        let ids = Set(plan.events.map(\.id.value))
        var result: [String: Announced] = [:]
        for entry in entries where !entry.fixed && !entry.isCancelled && ids.contains(entry.id) {
            result[entry.id] = Announced.from(allDay: entry.allDay, start: entry.start, startUTC: entry.startUTC)
        }
        return result
    }
}

/// One event's change between two releases, and whom it concerns.
public struct Change: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case new, moved, changed, cancelled, restored
    }

    public var id: String
    public var title: String
    public var change: Kind
    public var before: Placement?
    public var after: Placement?
    public var people: [String]
    public var audiences: [String]

    public struct Placement: Codable, Sendable, Equatable {
        public var start: String
        public var end: String
        public var timezone: String
        public var location: String?
    }
}

extension Ledger.Entry {
    var placement: Change.Placement { Change.Placement(start: start, end: end, timezone: timezone, location: location) }
}

extension Ledger {
    /// The ledger after publishing `current` at `now`, and the changes since the last release.
    ///
    /// - A new event gets SEQUENCE 0. A change of time, place or status raises SEQUENCE by one;
    ///   any change of what is published moves its last change to `now`; nothing else does.
    /// - An event gone from the plan stays, cancelled, with a raised SEQUENCE.
    public func updated(with current: [Entry], now: String) -> (Ledger, [Change]) {
        var byId = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [Change] = []
        let currentIds = Set(current.map(\.id))
        for var entry in current.sorted(by: { $0.id < $1.id }) {
            guard let old = byId[entry.id] else {
                entry.sequence = 0
                entry.lastChanged = now
                byId[entry.id] = entry
                changes.append(Change(entry, .new, before: nil))
                continue
            }
            entry.uid = old.uid
            entry.sequence = old.sequence
            entry.lastChanged = old.lastChanged
            if entry.fingerprint != old.fingerprint {
                entry.sequence += 1
                entry.lastChanged = now
                let kind: Change.Kind =
                    old.isCancelled
                    ? .restored : (old.startUTC != entry.startUTC || old.endUTC != entry.endUTC ? .moved : .changed)
                changes.append(Change(entry, kind, before: old))
            } else if entry.contentDigest != old.contentDigest || entry.title != old.title {
                entry.lastChanged = now
                changes.append(Change(entry, .changed, before: old))
            }
            byId[entry.id] = entry
        }
        for old in entries where !currentIds.contains(old.id) && !old.isCancelled {
            var gone = old
            gone.status = .cancelled
            gone.sequence += 1
            gone.lastChanged = now
            byId[old.id] = gone
            changes.append(Change(gone, .cancelled, before: old))
        }
        let ledger = Ledger(calendar: calendar, entries: byId.values.sorted { $0.id < $1.id })
        return (ledger, changes.sorted { $0.id < $1.id })
    }
}

extension Change {
    init(_ entry: Ledger.Entry, _ kind: Kind, before: Ledger.Entry?) {
        self.init(
            id: entry.id, title: entry.title, change: kind, before: before?.placement,
            after: kind == .cancelled ? nil : entry.placement,
            people: Array(Set(entry.people + (before?.people ?? []))).sorted(),
            audiences: Array(Set(entry.audiences + (before?.audiences ?? []))).sorted())
    }
}
