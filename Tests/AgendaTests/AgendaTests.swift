@testable import Agenda
import Foundation
import Planning
import Testing
import Chronology

@Suite struct AgendaTests {
    static let golden = Bundle.module.resourceURL!.appendingPathComponent("Golden")

    func render() throws -> (files: [String: String], schedule: ScheduleDocument) {
        let (model, assignment, schedule) = try SmallSummit.solved()
        let renderer = try AgendaRenderer(directory: SmallSummit.templates)
        return (try renderer.render(model: model, assignment: assignment), schedule)
    }

    /// Golden files for every template. To accept a deliberate change, run the tests with
    /// CONVENE_UPDATE_GOLDEN set to the Tests/AgendaTests/Golden folder and review the diff.
    @Test func everyPageMatchesItsGoldenFile() throws {
        let (files, _) = try render()
        #expect(files.count == 2 * (1 + 2 + 2 + 4 + 4))  // programme, 2 days, 2 tracks, 4 sessions, 4 speakers
        if let update = ProcessInfo.processInfo.environment["CONVENE_UPDATE_GOLDEN"] {
            for (name, text) in files {
                let url = URL(fileURLWithPath: update).appendingPathComponent(
                    name.replacingOccurrences(of: "/", with: "__"))
                try Data(text.utf8).write(to: url)
            }
        }
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            let url = Self.golden.appendingPathComponent(name.replacingOccurrences(of: "/", with: "__"))
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(text == expected, "\(name) differs from its golden file")
        }
    }

    /// Every time a session page shows — in the host zone and in each audience's zones — read
    /// back as a wall-clock time with its offset, is the schedule's UTC instant.
    @Test func everyRenderedTimeIsTheScheduledInstant() throws {
        let (files, schedule) = try render()
        var checked = 0
        for entry in schedule.events where !entry.fixed {
            let page = try #require(files["sessions/\(entry.id).md"])
            let start = try #require(Timestamp.parseRFC3339(entry.startUTC))
            // The host line: "**Wed 15 Dec 2021, 19:00–20:00 Asia/Seoul (UTC+09:00)**".
            for line in page.split(separator: "\n")
            where line.hasPrefix("**") || line.hasPrefix("| ") && line.contains("(UTC") {
                guard let instant = Self.readBack(String(line)) else { continue }
                #expect(instant == start, "\(entry.id): '\(line)' is not \(entry.startUTC)")
                checked += 1
            }
        }
        #expect(checked >= 8)
    }

    /// "Thu 16 Dec 2021" + "22:30" + "UTC+09:00" in one line → UTC minute.
    static func readBack(_ line: String) -> Int? {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let date = try? NSRegularExpression(pattern: "(\\d{1,2}) (\\w{3}) (\\d{4})")
        let time = try? NSRegularExpression(pattern: "(\\d{2}):(\\d{2})–")
        let offset = try? NSRegularExpression(pattern: "UTC([+-])(\\d{2}):(\\d{2})")
        let range = NSRange(line.startIndex..., in: line)
        func groups(_ r: NSRegularExpression?) -> [String]? {
            guard let m = r?.firstMatch(in: line, range: range) else { return nil }
            return (1..<m.numberOfRanges).compactMap { Range(m.range(at: $0), in: line).map { String(line[$0]) } }
        }
        guard let d = groups(date), let t = groups(time), let o = groups(offset),
            let day = Int(d[0]), let month = months.firstIndex(of: d[1]), let year = Int(d[2]),
            let civil = Chronology.CivilDate(year: year, month: month + 1, day: day),
            let h = Int(t[0]), let m = Int(t[1]), let oh = Int(o[1]), let om = Int(o[2])
        else { return nil }
        let sign = o[0] == "-" ? -1 : 1
        return civil.dayNumber * 1440 + h * 60 + m - sign * (oh * 60 + om)
    }

    @Test func anUnknownNameIsReportedAtItsPosition() throws {
        let folder = try copyOfTemplates()
        let session = folder.appendingPathComponent("session.html.mustache")
        var text = try String(contentsOf: session, encoding: .utf8)
        text = text.replacingOccurrences(of: "<h1>{{title}}</h1>", with: "<h1>{{titel}}</h1>")
        try Data(text.utf8).write(to: session)
        let (model, assignment, _) = try SmallSummit.solved()
        let renderer = try AgendaRenderer(directory: folder.path)
        #expect {
            try renderer.render(model: model, assignment: assignment)
        } throws: { error in
            guard let diagnostics = (error as? AgendaError)?.diagnostics else { return false }
            return diagnostics.map(\.description) == [
                "\(session.path):12:5: error: unknown name 'titel'; did you mean 'title'?"
            ]
        }
    }

    @Test func aSyntaxErrorIsReportedAtItsLineAndColumn() throws {
        let folder = try copyOfTemplates()
        let day = folder.appendingPathComponent("day.md.mustache")
        try Data("{{#day}}\n# {{label}}\n{{/days}}\n".utf8).write(to: day)
        #expect {
            try AgendaRenderer(directory: folder.path)
        } throws: { error in
            guard let d = (error as? AgendaError)?.diagnostics.first else { return false }
            return d.location.path == day.path && d.location.line == 3 && d.message.hasPrefix("template syntax error")
        }
    }

    @Test func aPartialThatIncludesItselfIsRefusedAtItsTagNotRecursedInto() throws {
        let folder = try copyOfTemplates()
        let style = folder.appendingPathComponent("style.html.mustache")
        let text = try String(contentsOf: style, encoding: .utf8)
        try Data((text + "{{> style}}\n").utf8).write(to: style)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect {
            try AgendaRenderer(directory: folder.path)
        } throws: { error in
            (error as? AgendaError)?.diagnostics.map(\.description) == [
                "\(style.path):\(line):1: error: the partial 'style' includes itself, so it would never end; "
                    + "remove this {{> style}}"
            ]
        }
    }

    @Test func partialsThatMultiplyPastTheLimitAreRefused() {
        // A page that includes a partial 10,001 times: refused at the 10,000th, whose copies with
        // the page itself pass the limit.
        let page = String(repeating: "{{> style}}", count: TemplateCheck.expansionLimit + 1)
        let problems = TemplateCheck.partialProblems(
            [
                (name: "day.html", path: "day.html.mustache", text: page),
                (name: "style", path: "style.html.mustache", text: "<style></style>"),
            ],
            partials: ["style"])
        #expect(
            problems.map(\.description) == [
                "day.html.mustache:1:109990: error: partials included here expand to more than 10000 copies; "
                    + "include each partial fewer times"
            ])
    }

    func copyOfTemplates() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "convene-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: SmallSummit.templates), to: folder)
        return folder
    }
}
