import ArgumentParser
import Foundation
import PlanFile
import Planning
import Publishing
import Scheduler
import Chronology

extension Convene {
    /// `convene publish PLAN --out DIR`: plans and writes a release of feeds and pages.
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan and publish a release: schedule, feeds, manifest, changelog and index page.",
            discussion: """
                The release is written to a new directory and DIR is switched to it in one step, so a failure \
                or a kill leaves the previous release intact. The publish ledger (PLAN with .ledger.json) keeps \
                each event's UID and SEQUENCE; it is updated after the release and is meant to be committed \
                with the plan. \
                Events already published stay where they are unless the plan forces them to move.
                """
        )

        @Argument(help: "The plan file (YAML).")
        var plan: String

        @Option(help: "The release directory (a link Convene switches atomically).")
        var out: String

        @Option(help: "The publish ledger; default: the plan's path with .ledger.json.")
        var ledger: String?

        @Option(
            name: .customLong("base-url"),
            help: "Where the release is served; default: the calendar's url, else http://localhost:8080.")
        var baseURL: String?

        @Option(help: "The publish time (YYYY-MM-DDTHH:MMZ); default: $SOURCE_DATE_EPOCH, else now.")
        var now: String?

        @OptionGroup var solve: SolveOptions

        @Flag(help: "After publishing, send invitations for the changes, as `convene notify` does.")
        var notify = false

        @OptionGroup(title: "Invitations (with --notify)") var invitations: NotifyOptions

        func validate() throws {
            if notify {
                try invitations.check()
            } else if invitations.isGiven {
                throw ValidationError(
                    "--smtp (and its --smtp-… options), --outbox, --dry-run and --sent-log go with --notify")
            }
        }

        func run() throws {
            let deadline = solve.startClock()
            let plan = try solve.loadPlan(self.plan)
            let ledgerPath = ledger ?? Self.defaultLedgerPath(for: self.plan)
            let previous: Ledger?
            do {
                previous = try Ledger.read(ledgerPath)
            } catch {
                Terminal.printError(
                    "\(ledgerPath):1:1: error: the publish ledger is not readable "
                        + "(\(JSONErrorText.describe(error))); restore it from git"
                )
                throw ExitCode(ExitStatus.invalidInput)
            }
            var announced = try solve.announced(for: plan)
            // Events already published stay where they are unless the plan forces them to move.
            for (id, placement) in previous?.announced(for: plan) ?? [:] where announced[id] == nil {
                announced[id] = placement
            }
            let solved = try solve.solved(plan, solve.request(deadline: deadline, announced: announced))
            let (model, result) = (solved.model, solved.result)
            let schedule = solved.document(seed: solve.seed)
            let release: Release
            do {
                release = try ReleaseBuilder(
                    plan: plan, schedule: schedule, previous: previous, now: try publishTime(),
                    baseURL: baseURL ?? plan.calendar.url ?? "http://localhost:8080",
                    solved: (model, solved.assignment)
                ).build()
            } catch let error as ExitCode {
                throw error
            } catch {
                Terminal.printError("error: cannot build the release: \(error)")
                throw ExitCode(ExitStatus.invalidInput)
            }
            do {
                // The release first, then the ledger: if either is stopped half-way, the ledger
                // still describes the release in place, and publishing again redoes the rest.
                try ReleaseWriter.writeRelease(release.files, to: out)
                try ReleaseWriter.writeFile(release.ledger.json(), to: ledgerPath)
            } catch {
                Terminal.printError("\(out): error: \(error)")
                throw ExitCode(ExitStatus.invalidInput)
            }
            let feeds = release.files.keys.filter { $0.hasSuffix(".ics") }.count
            print(
                "\(out): published \(schedule.events.count) events in \(feeds) feeds (\(result.status.rawValue)); "
                    + "\(release.changes.count) change\(release.changes.count == 1 ? "" : "s") since the last release")
            if notify { try invitations.notify(release: out) }
        }

        static func defaultLedgerPath(for plan: String) -> String {
            (plan.hasSuffix(".yaml") ? String(plan.dropLast(5)) : plan) + ".ledger.json"
        }

        /// The publish time to the minute, as `YYYY-MM-DDTHH:MM:00Z`.
        func publishTime() throws -> String {
            if let now {
                guard let minute = Timestamp.parseRFC3339(now.count == 17 ? String(now.dropLast()) + ":00Z" : now)
                else {
                    Terminal.printError("error: --now '\(now)' is not a time; write it as 2021-01-15T09:00Z")
                    throw ExitCode(ExitStatus.invalidInput)
                }
                return Timestamp.utc(minute)
            }
            if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) {
                return Timestamp.utc(epoch / 60)
            }
            return Timestamp.utc(Int(Date().timeIntervalSince1970) / 60)
        }
    }
}
