import Foundation
import ICal
import PlanFile
import Planning
import Scheduler

// `convene-bench`: figures for `make bench`. Prints times; asserts nothing.
//   convene-bench feeds OUT.ics   — write and parse a 10,000-event feed
//   convene-bench plan PLAN       — load, model and solve a plan (median of 5)
//   convene-bench memory PLAN [NODES] — peak memory after loading, modelling and solving (to
//                                   NODES, default 200,000), slots modelled, build and solve times

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func best(of runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs { times.append(try seconds(body)) }
    return times.sorted()[times.count / 2]
}

/// 10,000 events over 2021: a third all-day, the rest timed in five zones, some cancelled.
func syntheticFeed(events count: Int) -> ICalFeed {
    let zones = ["America/New_York", "Europe/London", "Africa/Nairobi", "Asia/Kolkata", "Asia/Seoul"]
    var events: [ICalEvent] = []
    for i in 0..<count {
        let month = 1 + i % 12, day = 1 + (i / 12) % 28, hour = 7 + i % 10
        let start: ICalTime, end: ICalTime
        if i % 3 == 0 {
            start = .date(year: 2021, month: month, day: day)
            end = .date(year: 2021, month: month, day: day + 1)
        } else {
            let zone = zones[i % zones.count]
            start = .local(year: 2021, month: month, day: day, hour: hour, minute: 30, tzid: zone)
            end = .local(year: 2021, month: month, day: day, hour: hour + 2, minute: 0, tzid: zone)
        }
        events.append(
            ICalEvent(
                uid: "event-\(i)@bench.convene", sequence: i % 4, lastChanged: 1_609_459_200 + i * 60,
                start: start, end: end, summary: "Session \(i): open government, anti-corruption; digital governance",
                description: "Window: 2021-\(month)\nWho: delegates from five regions, moderators, rapporteurs",
                location: i % 2 == 0 ? "Online" : "Seoul", categories: ["SESSION"],
                status: i % 50 == 0 ? .cancelled : .confirmed))
    }
    return ICalFeed(
        productId: "-//Convene//bench//EN", name: "Bench", description: "A 10,000-event feed", refreshMinutes: 360,
        color: "teal", url: nil, source: nil, organizerName: "Bench", organizerEmail: "bench@example.org",
        years: 2021...2021, events: events)
}

func benchFeeds(out: String) throws {
    let feed = syntheticFeed(events: 10_000)
    var text = ""
    let write = try best(of: 5) { text = try ICalWriter.render(feed) }
    try Data(text.utf8).write(to: URL(fileURLWithPath: out))
    var parsed = 0
    let parse = try best(of: 5) { parsed = try ICalComponent(parsing: text).count(of: "VEVENT") }
    var read = 0
    let occurrences = try best(of: 5) {
        read = try ICalReader.occurrences(in: text, from: 1_609_459_200, until: 1_640_995_200).count
    }
    print(
        String(
            format:
                "feeds: 10,000-event feed (%.1f MB): write %.3f s, parse %.3f s (%d events), "
                + "read with times %.3f s (%d)",
            Double(text.utf8.count) / 1_048_576, write, parse, parsed, occurrences, read))
}

func benchPlan(_ path: String) {
    var status = "?", objective = "?"
    let time = best(of: 5) {
        guard let plan = PlanLoader.load(path).plan else { return }
        let model = ModelBuilder.build(ImportedCalendars.apply(to: plan).0)
        let result = Solver(model.problem).solve()
        status = result.status.rawValue
        objective = result.objective.map(String.init) ?? "–"
    }
    print(
        String(
            format: "plan: %@: %@, objective %@, %.3f s (median of 5: load, model, solve)", path, status, objective,
            time))
}

/// The process's resident and peak resident memory, in MB, from /proc/self/status.
func residentMB() -> (now: Double, peak: Double) {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
    func field(_ name: String) -> Double {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return 0 }
        return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }
    return (field("VmRSS"), field("VmHWM"))
}

func benchMemory(_ path: String, nodes: Int) {
    guard let plan = PlanLoader.load(path).plan else {
        print("memory: \(path) does not load")
        return
    }
    let loaded = residentMB()
    var model: PlanModel!
    let build = seconds { model = ModelBuilder.build(ImportedCalendars.apply(to: plan).0) }
    let modelled = residentMB()
    let slots = model.problem.activities.reduce(0) { $0 + $1.slots.count }
    var options = SolverOptions()
    options.nodeLimit = nodes
    options.timeLimit = 600
    var result: SolveResult!
    let solve = seconds { result = Solver(model.problem, options: options).solve() }
    let solved = residentMB()
    print(
        String(
            format:
                "memory: %@: %d events, %d slots; peak %.0f MB loaded, %.0f MB modelled (%.0f bytes a slot), "
                + "%.0f MB solved (%@, %d nodes); build %.2f s, solve %.2f s (build/solve %.2f)",
            path, plan.events.count, slots, loaded.peak, modelled.peak,
            (modelled.peak - loaded.peak) * 1_048_576 / Double(max(1, slots)), solved.peak,
            result.status.rawValue, result.nodes, build, solve, build / max(solve, 1e-9)))
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "feeds": try benchFeeds(out: arguments.dropFirst().first ?? "/tmp/convene-bench-feed.ics")
case "plan": benchPlan(arguments.dropFirst().first ?? "calendars/ogp-2021.yaml")
case "memory":
    let rest = Array(arguments.dropFirst())
    benchMemory(rest.first ?? "calendars/ogp-2021.yaml", nodes: rest.count > 1 ? Int(rest[1]) ?? 200_000 : 200_000)
default: print("usage: convene-bench feeds OUT.ics | plan PLAN | memory PLAN [NODES]")
}
