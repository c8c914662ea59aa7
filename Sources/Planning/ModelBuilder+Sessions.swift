import Chronology
import PlanFile
import Scheduler

/// The rules of a timetabled summit: daily bounds and breaks in the host zone, rooms that hold
/// the audience, tracks and plenaries that never run in parallel, the opening first and the
/// closing last; and its soft wishes about rooms and speakers.
extension ModelBuilder {
    var sessions: [Int] { plan.events.indices.filter { plan.events[$0].session.isSession } }

    mutating func addSessionRules() {
        guard let summit = plan.summit else { return }
        let host = clock(plan.calendar.zone)
        let list = sessions
        for a in list {
            let event = plan.events[a]
            let hours = summit.hours.value
            allow(
                a,
                Origin(
                    "\(event.quoted) must lie within the summit's hours \(hours) in \(plan.calendar.zone)",
                    at: "\(summit.hours.location)")
            ) {
                Self.lies($0, within: hours, on: host)
            }
            for pause in summit.breaks {
                let range = pause.value
                allow(a, Origin("\(event.quoted) may not run into the break \(range)", at: "\(pause.location)")) {
                    slot in
                    let start = host.local(atUTCMinute: slot.start).minute, end = start + slot.end - slot.start
                    return end <= range.start.minutes || start >= range.end.minutes
                }
            }
            if needsRoom(event) {
                addRoomFit(a, event)
                addRoomRules(a, event)
            }
        }
        for (i, a) in list.enumerated() {
            for b in list[(i + 1)...] { addSessionPair(a, b) }
        }
        let roomed = list.filter { needsRoom(plan.events[$0]) }
        if !roomed.isEmpty {
            rules.append(
                Rule(
                    .roomsDisjoint(activities: roomed),
                    origin: Origin("a room or channel holds one session at a time", at: "\(summit.location)")))
        }
    }

    /// The room holds the expected attendance, and a virtual-only session is in a channel.
    mutating func addRoomFit(_ a: Int, _ event: Event) {
        let rooms = plan.rooms
        if let attendance = event.session.attendance {
            let needed = attendance.value
            allow(
                a,
                Origin(
                    "\(event.quoted) expects \(needed) people, so its room must hold them", at: "\(attendance.location)"
                )
            ) {
                $0.room >= 0 && rooms[$0.room].capacity >= needed
            }
        }
        if event.session.virtualOnly {
            allow(a, Origin("\(event.quoted) is virtual only, so it needs a virtual channel", at: "\(event.location)"))
            {
                $0.room >= 0 && rooms[$0.room].isVirtual
            }
        }
    }

    /// Plenaries alone, one track at a time, opening first, closing last.
    mutating func addSessionPair(_ a: Int, _ b: Int) {
        let (x, y) = (plan.events[a], plan.events[b])
        let roleX = x.session.role?.value ?? .parallel, roleY = y.session.role?.value ?? .parallel
        for (first, second, role) in [(a, b, roleX), (b, a, roleY)] {
            let event = plan.events[first]
            guard let at = event.session.role?.location else { continue }
            switch role {
            case .opening:
                rules.append(
                    Rule(
                        .precedence(
                            Precedence(
                                before: first, after: second, minGap: 0, maxGap: nil, anchor: .end, scale: .minutes)),
                        origin: Origin(
                            "\(event.quoted) opens the summit, so '\(plan.events[second].id.value)' comes after it",
                            at: "\(at)")))
            case .closing:
                rules.append(
                    Rule(
                        .precedence(
                            Precedence(
                                before: second, after: first, minGap: 0, maxGap: nil, anchor: .end, scale: .minutes)),
                        origin: Origin(
                            "\(event.quoted) closes the summit, so '\(plan.events[second].id.value)' comes before it",
                            at: "\(at)")))
            case .plenary, .parallel:
                break
            }
        }
        if roleX == .plenary || roleY == .plenary {
            let plenary = roleX == .plenary ? x : y
            rules.append(
                Rule(
                    .noOverlap(a, b, padding: 0, scale: .minutes),
                    origin: Origin(
                        "\(plenary.quoted) is a plenary, alone in its slot: "
                            + "'\((roleX == .plenary ? y : x).id.value)' may not run in parallel",
                        at: "\(plenary.session.role?.location ?? plenary.location)")))
        } else if let track = x.session.track, track.value == y.session.track?.value {
            rules.append(
                Rule(
                    .noOverlap(a, b, padding: 0, scale: .minutes),
                    origin: Origin(
                        "\(x.quoted) and \(y.quoted) are both in the track '\(track.value)', "
                            + "which never runs in parallel",
                        at: "\(y.session.track?.location ?? track.location)")))
        }
    }

    /// A travelling speaker's wish (`keep-close`): every two of their sessions lie within the
    /// span, from the earlier start to the later end; each minute beyond counts once.
    mutating func addKeepClose(_ a: Int, _ b: Int, _ shared: Set<String>) {
        for id in shared.sorted() {
            guard let person = plan.person(id), let span = person.keepClose else { continue }
            pairPenalties.append(
                PairPenalty(
                    a: a, b: b,
                    origin: Origin(
                        "\(person.name) wishes their sessions within \(span.value) (\(plan.events[a].quoted) and "
                            + "\(plan.events[b].quoted))",
                        at: "\(span.location)"),
                    measure: .close(maximum: span.value.totalMinutes, scale: .minutes), weight: 1))
        }
    }

    /// A track's sessions in one room; a speaker's sessions spread out and in one room.
    mutating func addSessionPenalties() {
        guard plan.summit != nil else { return }
        let list = sessions
        for (i, a) in list.enumerated() {
            for b in list[(i + 1)...] {
                let (x, y) = (plan.events[a], plan.events[b])
                if let track = x.session.track, track.value == y.session.track?.value, needsRoom(x), needsRoom(y) {
                    pairPenalties.append(
                        PairPenalty(
                            a: a, b: b,
                            origin: Origin("the track '\(track.value)' stays in one room", at: "\(track.location)"),
                            measure: .sameRoom, weight: 60))
                }
                let speakers = Set(x.people.map(\.value)).intersection(y.people.map(\.value))
                if let speaker = speakers.sorted().first {
                    let origin = Origin(
                        "\(plan.person(speaker)?.name ?? speaker) speaks in \(x.quoted) and \(y.quoted)",
                        at: "\(y.location)"
                    )
                    if needsRoom(x) && needsRoom(y) {
                        pairPenalties.append(PairPenalty(a: a, b: b, origin: origin, measure: .sameRoom, weight: 30))
                    }
                    pairPenalties.append(
                        PairPenalty(
                            a: a, b: b, origin: origin, measure: .apart(minimum: 60, scale: .minutes), weight: 1))
                }
                addKeepClose(a, b, speakers)
            }
        }
    }
}
