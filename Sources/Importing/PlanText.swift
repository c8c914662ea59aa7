import Chronology

/// The files of an imported plan as YAML text: the root `<id>.yaml` (calendar, summit, rooms,
/// tracks and the includes), `<id>/people.yaml` and the sessions, a file per day.
enum PlanText {
    /// Sessions per file at most, so that no file comes near the 10 MB a plan file may hold.
    static let sessionsPerFile = 1000

    /// Relative path → text.
    static func files(_ draft: PlanDraft, source: String) -> [String: String] {
        var files: [String: String] = [:]
        var includes: [String] = []
        if !draft.people.isEmpty {
            includes.append("\(draft.id)/people.yaml")
            files["\(draft.id)/people.yaml"] = people(draft, source: source)
        }
        var byDate: [(CivilDate, [PlanDraft.Session])] = []
        for session in draft.sessions {
            if let last = byDate.last, last.0 == session.window.first, last.1.count < sessionsPerFile {
                byDate[byDate.count - 1].1.append(session)
            } else {
                byDate.append((session.window.first, [session]))
            }
        }
        var seen: [CivilDate: Int] = [:]
        for (date, sessions) in byDate {
            let n = seen[date, default: 0] + 1
            seen[date] = n
            let name = "\(draft.id)/sessions-\(date)\(n > 1 ? "-\(n)" : "").yaml"
            includes.append(name)
            files[name] = self.sessions(sessions, draft: draft, date: date, source: source)
        }
        files["\(draft.id).yaml"] = root(draft, includes: includes, source: source)
        return files
    }

    static func header(_ what: String, source: String) -> String {
        let what = String(String.UnicodeScalarView(what.unicodeScalars.map { YAMLScalar.needsEscape($0) ? " " : $0 }))
        let source = String(
            String.UnicodeScalarView(source.unicodeScalars.map { YAMLScalar.needsEscape($0) ? " " : $0 }))
        return
            "# \(what), imported by `convene import` from "
            + (source.split(separator: "/").last.map(String.init) ?? source)
            + " (frab schedule format).\n"
    }

    static func root(_ draft: PlanDraft, includes: [String], source: String) -> String {
        let q = YAMLScalar.quoted
        var text = header("The programme of \(draft.name)", source: source)
        text += """
            # Summit hours span the programme's earliest start and latest end; min-pause is the least
            # time a speaker had between two talks (at most 15m), so the imported times are feasible.

            calendar:
              id: \(q(draft.id))
              name: \(q(draft.name))
              zone: \(q(draft.zone.identifier))
              horizon: \(q("\(draft.horizon.first)..\(draft.horizon.last)"))
              granularity: \(q(draft.granularity == 1 ? "minute" : "\(PlanDuration(minutes: draft.granularity))"))

            """
        if !includes.isEmpty {
            text += "\ninclude:\n" + includes.map { "  - \(q($0))\n" }.joined()
        }
        text += """

            summit:
              days: \(q("\(draft.summitDays.first)..\(draft.summitDays.last)"))
              hours: \(q("\(draft.hours)"))
              min-pause: \(q(draft.minPause == 0 ? "0m" : "\(PlanDuration(minutes: draft.minPause))"))

            """
        if !draft.rooms.isEmpty {
            text += "\nrooms:\n"
            for room in draft.rooms {
                text += "  - id: \(q(room.id))\n    name: \(q(room.name))\n    capacity: \(room.capacity)\n"
                text += "    mode: \(q(room.isVirtual ? "virtual" : "hybrid"))\n"
            }
        }
        if !draft.tracks.isEmpty {
            text += "\ntracks:\n"
            for track in draft.tracks {
                text += "  - id: \(q(track.id))\n    name: \(q(track.name))\n"
                if let color = track.color { text += "    color: \(q(color))\n" }
            }
        }
        return text
    }

    static func people(_ draft: PlanDraft, source: String) -> String {
        let q = YAMLScalar.quoted
        var text = header("The speakers of \(draft.name)", source: source)
        text += "# Zones are the conference's: the programme does not say where speakers are.\n\npeople:\n"
        for person in draft.people {
            text += "  - id: \(q(person.id))\n    name: \(q(person.name))\n    zone: \(q(draft.zone.identifier))\n"
        }
        return text
    }

    static func sessions(_ sessions: [PlanDraft.Session], draft: PlanDraft, date: CivilDate, source: String) -> String {
        let q = YAMLScalar.quoted
        var text = header("The sessions of \(draft.name) starting on \(date)", source: source)
        text += "\nevents:\n"
        for s in sessions {
            text += "  - id: \(q(s.id))\n    title: \(q(s.title))\n"
            if let kind = s.kind { text += "    kind: \(q(kind))\n" }
            if let description = s.description { text += "    description: \(q(description))\n" }
            text += "    duration: \(q("\(PlanDuration(minutes: s.minutes))"))\n"
            let window = s.window.first == s.window.last ? "\(s.window.first)" : "\(s.window.first)..\(s.window.last)"
            text += "    window: \(q(window))\n"
            if draft.pinned { text += "    pinned: \(q("\(s.start)"))\n" }
            if s.isSession {
                text += "    session: \"parallel\"\n"
                if let track = s.track { text += "    track: \(q(track))\n" }
                if !s.speakers.isEmpty { text += "    speakers: \(YAMLScalar.list(s.speakers))\n" }
                if draft.pinned { text += "    pinned-room: \(q(s.room))\n" }
            } else if !s.speakers.isEmpty {
                text += "    participants: \(YAMLScalar.list(s.speakers))\n"
            }
            if let language = s.language { text += "    language: \(q(language))\n" }
        }
        return text
    }
}
