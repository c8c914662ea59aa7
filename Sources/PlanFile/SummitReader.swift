import Chronology
import Diagnostics
import Foundation

/// Reads the summit's sections (`summit`, `rooms`, `tracks`) and the session keys of events.
enum SummitReader {
    static func summit(_ node: PlanNode, log: DiagnosticLog) -> SummitInfo? {
        guard
            let m = MappingReader(
                node, subject: "the summit section", keys: ["days", "hours", "breaks", "min-pause"], log: log)
        else { return nil }
        let days = m.parsed("days", required: true, DateSpan.parse)
        let hours = m.parsed("hours", required: true, LocalTimeRange.parse)
        if let hours, hours.value.isEmpty {
            log.error(hours.location, "the summit's hours \(hours.value) are empty: the end is not after the start")
        }
        let breaks = m.strings("breaks").compactMap { NodeValue.parsed($0, LocalTimeRange.parse, log: log) }
        for b in breaks where b.value.isEmpty {
            log.error(b.location, "the break \(b.value) is empty: its end is not after its start")
        }
        let pause = m.parsed("min-pause", pauseDuration)
        if let pause, pause.value.isAllDay {
            log.error(pause.location, "min-pause is a time between sessions: write it in minutes or hours")
        }
        guard let days, let hours else { return nil }
        if days.value.endsBeforeItStarts { log.error(days.location, "the summit's days end before they start") }
        return SummitInfo(
            days: days, hours: hours, breaks: breaks, minPause: pause?.value ?? PlanDuration(minutes: 15),
            location: m.location)
    }

    static let roomKeys = ["id", "name", "capacity", "mode", "features", "interpretation", "closed"]

    /// A duration, or `0m`: no pause needed (a programme imported with back-to-back talks).
    static func pauseDuration(_ text: String) -> Result<PlanDuration, ChronologyProblem> {
        ["0", "0m", "0h"].contains(text.trimmingCharacters(in: .whitespaces))
            ? .success(PlanDuration()) : PlanDuration.parse(text)
    }

    static func room(_ node: PlanNode, log: DiagnosticLog) -> Room? {
        guard
            let m = MappingReader(node, subject: "a room", keys: roomKeys, log: log),
            let id = m.string("id", required: true), Identifier.check(id, log: log)
        else { return nil }
        let name = m.string("name", required: true)
        let capacity = m.required("capacity") != nil ? m.integer("capacity", in: 1...1_000_000) : nil
        var isVirtual = false
        if let mode = m.string("mode") {
            switch mode.value {
            case "hybrid": isVirtual = false
            case "virtual": isVirtual = true
            default:
                log.error(
                    mode.location,
                    "'mode' must be 'hybrid' (a room with a stream) or 'virtual' (a channel only), "
                        + "found '\(mode.value)'")
            }
        }
        let closed = m.strings("closed").compactMap { NodeValue.parsed($0, LocalPeriod.parse, log: log) }
        for period in closed where period.value.dates.endsBeforeItStarts {
            log.error(period.location, "the closed time \(period.value) ends before it starts")
        }
        guard let name, let capacity else { return nil }
        var room = Room(id: id, name: name.value, capacity: capacity.value, isVirtual: isVirtual)
        room.features = m.strings("features")
        room.interpretation = m.strings("interpretation")
        room.closed = closed
        return room
    }

    static func track(_ node: PlanNode, log: DiagnosticLog) -> Track? {
        guard let m = MappingReader(node, subject: "a track", keys: ["id", "name", "color"], log: log),
            let id = m.string("id", required: true), Identifier.check(id, log: log),
            let name = m.string("name", required: true)
        else { return nil }
        return Track(id: id, name: name.value, color: m.string("color")?.value)
    }
}

/// Reads the session keys of one event.
enum SessionReader {
    static func details(_ m: MappingReader, log: DiagnosticLog) -> SessionDetails {
        var details = SessionDetails()
        if let role = m.string("session") {
            if let value = SessionDetails.Role(rawValue: role.value) {
                details.role = Located(value, at: role.location)
            } else {
                log.error(
                    role.location, "'session' must be plenary, opening, closing or parallel, found '\(role.value)'",
                    hint: Suggestion.didYouMean(role.value, among: ["plenary", "opening", "closing", "parallel"]))
            }
        }
        details.track = m.string("track")
        details.attendance = m.integer("attendance", in: 0...1_000_000)
        details.virtualOnly = m.bool("virtual-only") ?? false
        details.speakers = m.strings("speakers")
        details.moderator = m.string("moderator")
        details.objectives = m.strings("objectives").map(\.value)
        details.runOfShow = m.list("run-of-show").compactMap { item(node: $0, log: log) }
        details.language = m.string("language")
        details.requires = m.strings("requires")
        details.interpretation = m.strings("interpretation")
        details.pinnedRoom = m.string("pinned-room")
        return details
    }

    static func item(node: PlanNode, log: DiagnosticLog) -> RunOfShowItem? {
        guard let m = MappingReader(node, subject: "a run-of-show item", keys: ["at", "item"], log: log),
            let at = m.parsed("at", required: true, offset),
            let item = m.string("item", required: true)
        else { return nil }
        return RunOfShowItem(at: at.value, item: item.value)
    }

    /// Minutes from a session's start: a duration, or zero (`0m`) for its first item.
    static func offset(_ text: String) -> Result<Int, ChronologyProblem> {
        if ["0", "0m", "0h"].contains(text.trimmingCharacters(in: .whitespaces)) { return .success(0) }
        return PlanDuration.parse(text).map(\.totalMinutes)
    }
}
