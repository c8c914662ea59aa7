import Diagnostics
import Foundation
import Mustache
import Planning

/// Renders a timetabled summit's agenda documents from Mustache templates: the whole
/// programme, one page per day, per track, per session, and one itinerary per speaker, each
/// in HTML (printable) and Markdown.
public struct AgendaRenderer {
    /// The pages, each rendered from `<page>.html.mustache` and `<page>.md.mustache`.
    static let pages = ["programme", "day", "track", "session", "speaker"]
    static let partials = ["style"]
    /// Templates are a few kilobytes; anything this large is a mistake.
    static let sizeLimit = 1_048_576

    let templates: [String: (path: String, text: String, template: MustacheTemplate)]
    let library: MustacheLibrary

    /// Loads and checks the templates in `directory`.
    ///
    /// - Throws: the diagnostics of every template that cannot be read or parsed, each at
    ///   `template:line:col`.
    public init(directory: String) throws(AgendaError) {
        var loaded: [String: (String, String, MustacheTemplate)] = [:]
        var problems: [Diagnostic] = []
        var library = MustacheLibrary()
        let names = Self.pages.flatMap { ["\($0).html", "\($0).md"] } + Self.partials.map { "\($0).html" }
        for name in names {
            let path = (directory as NSString).appendingPathComponent("\(name).mustache")
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
                size.intValue > Self.sizeLimit
            {
                problems.append(
                    .error(
                        at: SourceLocation(path: path, line: 1, column: 1),
                        "the template is over the \(Self.sizeLimit / 1_048_576) MB limit for templates",
                        hint: "a page template is a few kilobytes; check that this is the right file"))
                continue
            }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                problems.append(
                    .error(
                        at: SourceLocation(path: path, line: 1, column: 1), "missing template '\(name).mustache'",
                        hint: "copy it from the project's templates/ folder"))
                continue
            }
            do {
                let template = try MustacheTemplate(string: text)
                loaded[name] = (path, text, template)
                if name.hasSuffix(".html"), Self.partials.contains(String(name.dropLast(5))) {
                    library.register(template, named: String(name.dropLast(5)))
                }
            } catch let error as MustacheTemplate.ParserError {
                problems.append(
                    .error(
                        at: SourceLocation(
                            path: path, line: error.context.lineNumber, column: error.context.columnNumber),
                        "template syntax error: \(error.error)",
                        hint: "check that every {{#section}} has its {{/section}}"))
            } catch {
                problems.append(.error(at: SourceLocation(path: path, line: 1, column: 1), "template error: \(error)"))
            }
        }
        // A partial that includes itself would recurse until the stack runs out.
        problems += TemplateCheck.partialProblems(
            loaded.sorted { $0.key < $1.key }.map { name, entry in
                let partial = String(name.dropLast(5))
                return (
                    name: name.hasSuffix(".html") && Self.partials.contains(partial) ? partial : name, path: entry.0,
                    text: entry.1
                )
            },
            partials: Set(Self.partials))
        guard problems.isEmpty else { throw AgendaError(diagnostics: problems) }
        templates = loaded
        self.library = library
    }

    /// Every file of the agenda, by path inside the output folder.
    ///
    /// - Throws: `AgendaError` when a template names something its page does not provide.
    public func render(model: PlanModel, assignment: [Int]) throws(AgendaError) -> [String: String] {
        let agenda = AgendaModel(model: model, assignment: assignment)
        let sessions = agenda.sessionIndices.map(agenda.session)
        var pages: [(page: String, file: String, data: [String: Any])] = []
        let days = agenda.days(sessions)
        pages.append(("programme", "index", ["calendar": agenda.calendar, "days": days, "tracks": tracksData(model)]))
        for day in days {
            pages.append(("day", "days/\(day["date"] as? String ?? "")", ["calendar": agenda.calendar, "day": [day]]))
        }
        for track in model.plan.tracks {
            let own = sessions.filter { $0["track"] as? String == track.id.value }
            pages.append(
                (
                    "track", "tracks/\(track.id.value)",
                    [
                        "calendar": agenda.calendar,
                        "track": [["id": track.id.value, "name": track.name, "color": track.color ?? "#5f6368"]],
                        "days": agenda.days(own),
                    ]
                ))
        }
        for session in sessions {
            pages.append(
                (
                    "session", "sessions/\(session["id"] as? String ?? "")",
                    ["calendar": agenda.calendar, "session": [session]]
                ))
        }
        let speakerIds = Set(
            model.plan.events.flatMap { ($0.session.speakers + ($0.session.moderator.map { [$0] } ?? [])).map(\.value) }
        )
        for id in speakerIds.sorted() {
            pages.append(("speaker", "speakers/\(id)", agenda.itinerary(id)))
        }
        // Check names against every page's data, so a name missing only from some pages is still
        // known, and against the keys of list items, known even when every such list is empty
        // (a programme imported without objectives, run of show or audiences).
        var everyName = AgendaModel.listItemNames
        for page in pages { everyName.formUnion(TemplateCheck.names(in: page.data)) }
        let known = Dictionary(uniqueKeysWithValues: Self.pages.map { ($0, everyName) })
        var problems: [Diagnostic] = []
        for page in Self.pages {
            for format in ["html", "md"] {
                guard let entry = templates["\(page).\(format)"] else { continue }
                problems += TemplateCheck.unknownNames(
                    in: entry.text, path: entry.path, known: known[page] ?? [], partials: Set(Self.partials))
            }
        }
        guard problems.isEmpty else { throw AgendaError(diagnostics: problems) }
        var files: [String: String] = [:]
        for page in pages {
            for format in ["html", "md"] {
                guard let template = templates["\(page.page).\(format)"]?.template else { continue }
                files["\(page.file).\(format == "md" ? "md" : "html")"] = template.render(page.data, library: library)
            }
        }
        return files
    }

    func tracksData(_ model: PlanModel) -> [[String: Any]] {
        model.plan.tracks.map { ["id": $0.id.value, "name": $0.name, "color": $0.color ?? "#5f6368"] }
    }
}

/// Problems with agenda templates, each at `template:line:col`.
public struct AgendaError: Error, Sendable {
    public var diagnostics: [Diagnostic]
}
