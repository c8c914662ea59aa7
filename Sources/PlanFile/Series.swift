import Chronology
import Diagnostics

/// What an event's `repeat:` says: how many occurrences, how far apart, and in which windows.
/// `SeriesExpansion` turns it into ordinary events before the plan is validated.
struct Repetition: Sendable {
    /// How occurrences follow each other when each lies in a period of its own.
    enum Cadence: Sendable, Hashable {
        /// Monday-to-Sunday weeks, calendar months or quarters, from the one holding the window's first day.
        case weeks, months, quarters
        /// Periods of this many days, from the window's first day.
        case days(Int)
    }

    /// Per-occurrence keys: `{id, title, description, window, pinned, after, avoid, during}` and
    /// the venue (`zone`, `place`, `virtual`, `link`).
    struct Details: Sendable {
        /// An id of its own instead of `<series>-NN`: a calendar that wrote the occurrences out by
        /// hand keeps their ids, and so their published UIDs, when it becomes a series.
        var id: Located<String>?
        var title: Located<String>?
        var description: String?
        var window: Located<DateSpan>?
        var pinned: Located<Event.Pin>?
        /// Dependencies of this occurrence besides following the one before it.
        var after: [Dependency] = []
        /// Events this occurrence avoids besides the series' own `avoid`.
        var avoid: [Located<String>] = []
        var during: Located<String>?
        /// Where this occurrence happens, when not where the series does.
        var venue: Venue?
        var location: SourceLocation
    }

    var count: Located<Int>
    var cadence: Located<Cadence>?
    var minGap: Located<PlanDuration>?
    var maxGap: Located<PlanDuration>?
    var windows: [Located<DateSpan>]
    var occurrences: [Details]
    /// Zones that take turns to have the series' inconvenient hours (`rotate:`), in order.
    var rotate: [Located<Zone>] = []
    var location: SourceLocation

    /// The most occurrences one series may have.
    static let maxCount = 500

    /// A window covering every occurrence's own window, when each has one: the series then
    /// needs no `window` of its own.
    var ownWindows: Located<DateSpan>? {
        let spans: [Located<DateSpan>]
        if !windows.isEmpty {
            spans = windows
        } else {
            let given = occurrences.compactMap {
                $0.window ?? $0.pinned.map { Located(DateSpan(day: $0.value.date), at: $0.location) }
            }
            guard given.count == count.value, !given.isEmpty else { return nil }
            spans = given
        }
        let first = spans.map(\.value.first).min()!, last = spans.map(\.value.last).max()!
        return Located(DateSpan(first: first, last: last), at: spans[0].location)
    }
}

/// Where an event generated from a series stands in it.
public struct SeriesOccurrence: Sendable, Hashable {
    /// The series' id as written (`results-story`); the occurrence's own id is `<series>-NN`.
    public var series: String
    /// 1 for the first occurrence.
    public var number: Int
    public var count: Int
    /// The zones of `rotate:`, which take turns, occurrence by occurrence, to have the early or late hours.
    public var rotation: [Zone] = []
    /// Where `rotate:` is written, for the wish's words.
    public var rotationLocation: SourceLocation? = nil

    /// The zone whose turn it is at this occurrence to have the inconvenient hours, if the series rotates.
    public var turn: Zone? { rotation.isEmpty ? nil : rotation[(number - 1) % rotation.count] }

    /// The id of occurrence `number` of a series of `count`: zero-padded to at least two digits, so
    /// that a series shrinking from 10 to 9 keeps the ids `-01` to `-09`.
    public static func id(_ series: String, number: Int, count: Int) -> String {
        let width = max(2, String(count).count)
        let digits = String(number)
        return "\(series)-\(String(repeating: "0", count: max(0, width - digits.count)))\(digits)"
    }
}
