import Chronology
import Foundation
import PlanFile
import Planning
import Scheduler

/// What agenda templates see: plain dictionaries and arrays built from the plan and its
/// schedule, one per page. Times are given in the host zone and in each audience's zones,
/// every one labelled with its zone and UTC offset.
struct AgendaModel {
    let plan: Plan
    let model: PlanModel
    let assignment: [Int]
    let host: Zone

    init(model: PlanModel, assignment: [Int]) {
        self.plan = model.plan
        self.model = model
        self.assignment = assignment
        host = model.plan.calendar.zone
    }

    /// The sessions in time order (then by room).
    var sessionIndices: [Int] {
        plan.events.indices.filter { plan.events[$0].session.isSession }.sorted {
            let (x, y) = (model.slot($0, assignment), model.slot($1, assignment))
            return (x.start, x.room, plan.events[$0].id.value) < (y.start, y.room, plan.events[$1].id.value)
        }
    }

    /// The keys of the items inside a page's lists: a time on some zone's clock (`time`), an
    /// objective, a run-of-show line, an audience, a person. Templates may name them even when
    /// every such list of a programme is empty.
    static let listItemNames: Set<String> = [
        "zone", "offset", "date", "start", "end", "startUTC", "dateDiffers", "dateNote", "text", "time", "item",
        "name", "id", "organisation", "role",
    ]

    static func dayLabel(_ day: Int) -> String {
        let date = CivilDate(dayNumber: day)
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return "\(names[date.weekday - 1]) \(date.day) \(CivilDate.monthName(date.month).prefix(3)) \(date.year)"
    }

    static func clockText(_ minute: Int) -> String { LocalTime(minutes: minute % 1440)?.description ?? "?" }

    /// A session's time on one zone's clock, with a note when the local date differs from the host's.
    func time(_ slot: Slot, in zone: Zone, hostDay: Int) -> [String: Any] {
        let clock = model.clock(zone)
        let start = clock.local(atUTCMinute: slot.start), end = clock.local(atUTCMinute: slot.end)
        let offset = Zone.formatOffset(clock.offset(atUTCMinute: slot.start), prefix: "UTC")
        var note = ""
        if start.day > hostDay { note = "next day, \(Self.dayLabel(start.day))" }
        if start.day < hostDay { note = "previous day, \(Self.dayLabel(start.day))" }
        return [
            "zone": zone.identifier, "offset": offset, "date": Self.dayLabel(start.day),
            "start": Self.clockText(start.minute),
            "end": Self.clockText(end.minute), "startUTC": Timestamp.utc(slot.start), "dateDiffers": !note.isEmpty,
            "dateNote": note,
        ]
    }

    func person(_ id: String) -> [String: Any] {
        guard let p = plan.person(id) else { return ["id": id, "name": id] }
        return [
            "id": id, "name": p.name, "organisation": p.organisation ?? "", "role": p.role ?? "",
            "zone": p.zone.value.identifier,
        ]
    }

    func session(_ a: Int) -> [String: Any] {
        let event = plan.events[a]
        let slot = model.slot(a, assignment)
        let clock = model.clock(host)
        let hostStart = clock.local(atUTCMinute: slot.start), hostEnd = clock.local(atUTCMinute: slot.end)
        let track = event.session.track.flatMap { plan.track($0.value) }
        let room = slot.room >= 0 ? plan.rooms[slot.room] : nil
        var zones: [Zone] = []
        for audience in event.audiences {
            guard let found = plan.audience(audience.value) else { continue }
            var set = Set(found.zones.map(\.value))
            for member in found.members { if let p = plan.person(member.value) { set.insert(p.zone.value) } }
            zones += set.sorted().filter { !zones.contains($0) && $0 != host }
        }
        return [
            "id": event.id.value, "title": event.title, "kind": event.kind, "description": event.description ?? "",
            "role": event.session.role?.value.rawValue ?? "parallel",
            "track": track?.id.value ?? "", "trackName": track?.name ?? "", "trackColor": track?.color ?? "#5f6368",
            "hasTrack": track != nil,
            "room": room?.id.value ?? "", "roomName": room?.name ?? "",
            "roomMode": room.map { $0.isVirtual ? "virtual channel" : "hybrid room" } ?? "",
            "day": Self.dayLabel(hostStart.day), "hostStart": Self.clockText(hostStart.minute),
            "hostEnd": Self.clockText(hostEnd.minute),
            "hostZone": host.identifier,
            "hostOffset": Zone.formatOffset(clock.offset(atUTCMinute: slot.start), prefix: "UTC"),
            "startUTC": Timestamp.utc(slot.start), "endUTC": Timestamp.utc(slot.end),
            "duration": event.duration.value.description,
            "objectives": event.session.objectives.map { ["text": $0] },
            "hasObjectives": !event.session.objectives.isEmpty,
            "moderator": event.session.moderator.map { [person($0.value)] } ?? [],
            "speakers": event.session.speakers.map { person($0.value) }, "hasSpeakers": !event.session.speakers.isEmpty,
            "runOfShow": event.session.runOfShow.map {
                ["time": Self.clockText(hostStart.minute + $0.at), "item": $0.item]
            },
            "hasRunOfShow": !event.session.runOfShow.isEmpty,
            "audiences": event.audiences.map { id in
                ["name": plan.audience(id.value)?.name ?? id.value]
            },
            "times": zones.map { time(slot, in: $0, hostDay: hostStart.day) }, "hasTimes": !zones.isEmpty,
            "hostDay": hostStart.day,
        ]
    }

    /// Sessions grouped by the host day they start on.
    func days(_ sessions: [[String: Any]]) -> [[String: Any]] {
        var order: [Int] = []
        var byDay: [Int: [[String: Any]]] = [:]
        for s in sessions {
            let day = s["hostDay"] as? Int ?? 0
            if byDay[day] == nil { order.append(day) }
            byDay[day, default: []].append(s)
        }
        return order.map {
            ["date": CivilDate(dayNumber: $0).description, "label": Self.dayLabel($0), "sessions": byDay[$0] ?? []]
        }
    }

    var calendar: [String: Any] {
        [
            "name": plan.calendar.name, "id": plan.calendar.id.value, "hostZone": host.identifier,
            "description": plan.calendar.description ?? "",
        ]
    }

    /// One speaker's sessions, in the speaker's own zone.
    func itinerary(_ personId: String) -> [String: Any] {
        guard let p = plan.person(personId) else { return [:] }
        var items: [[String: Any]] = []
        for a in sessionIndices {
            let event = plan.events[a]
            let isModerator = event.session.moderator?.value == personId
            guard isModerator || event.session.speakers.contains(where: { $0.value == personId }) else { continue }
            let slot = model.slot(a, assignment)
            let local = time(slot, in: p.zone.value, hostDay: model.clock(host).local(atUTCMinute: slot.start).day)
            items.append([
                "id": event.id.value, "title": event.title, "as": isModerator ? "moderator" : "speaker",
                "room": slot.room >= 0 ? plan.rooms[slot.room].name : "", "local": [local],
                "host": [time(slot, in: host, hostDay: model.clock(host).local(atUTCMinute: slot.start).day)],
            ])
        }
        return ["calendar": calendar, "person": person(personId), "sessions": items, "count": items.count]
    }
}
