import Chronology
import Foundation
import PlanFile

/// The plan an import writes, before it is text: every value already a valid plan value.
struct PlanDraft: Sendable {
    struct Room: Sendable {
        var id: String
        var name: String
        var capacity: Int
        var isVirtual: Bool
    }

    struct Track: Sendable {
        var id: String
        var name: String
        var color: String?
    }

    struct Person: Sendable {
        var id: String
        var name: String
    }

    struct Session: Sendable {
        var id: String
        var title: String
        var kind: String?
        var description: String?
        var minutes: Int
        var window: DateSpan
        /// The start on the calendar zone's clock: what `pinned:` says.
        var start: LocalDateTime
        var startUTC: Int
        /// False for a talk that runs past midnight: it is an event without a room, since
        /// summit sessions lie within one day's hours.
        var isSession: Bool
        var room: String
        var track: String?
        var speakers: [String]
        var language: String?
    }

    var id: String
    var name: String
    var zone: Zone
    var horizon: DateSpan
    /// The step between starts in minutes; 1 is `minute`.
    var granularity: Int
    var summitDays: DateSpan
    var hours: LocalTimeRange
    var minPause: Int
    var rooms: [Room]
    var tracks: [Track]
    var people: [Person]
    var sessions: [Session]
    var pinned: Bool
}

/// Makes ids that are valid and unique among their kind.
struct IdMint {
    private var taken = Set<String>()
    /// Ids are cut to this length at a dash, leaving room for a `-2` suffix.
    static let maxLength = 48

    /// `candidate` if it is a valid id, else it made into one; `fallback` when nothing is left;
    /// `-2`, `-3`… when it is taken.
    mutating func mint(_ candidate: String?, fallback: String) -> String {
        var base = ""
        if let candidate {
            // "Jürgen Müller" → "jurgen-muller": accents folded away before other letters become dashes.
            let folded = candidate.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            let hasWord = folded.unicodeScalars.contains { $0.isASCII && CharacterSet.alphanumerics.contains($0) }
            base = Identifier.isValid(candidate) ? candidate : hasWord ? Identifier.suggested(folded) : ""
        }
        if base.count > Self.maxLength {
            let cut = String(base.prefix(Self.maxLength))
            base = cut.lastIndex(of: "-").map { String(cut[..<$0]) } ?? cut
        }
        while base.hasPrefix("-") || base.hasPrefix(".") { base.removeFirst() }
        if base.isEmpty || !Identifier.isValid(base) { base = fallback }
        var id = base, n = 2
        while taken.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        taken.insert(id)
        return id
    }
}
