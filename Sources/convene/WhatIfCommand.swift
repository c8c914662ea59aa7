import ArgumentParser
import Diagnostics
import Foundation
import PlanFile
import Planning
import Publishing
import ReleaseFormat
import Scheduler

extension Convene {
    /// `convene what-if PLAN CHANGE...`: what the changes would do to the current schedule,
    /// without editing any file.
    struct WhatIfCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "what-if",
            abstract: "Try changes to a plan without editing it: what moves, what breaks, what it costs.",
            discussion: """
                Each CHANGE is one argument: 'move EVENT to DATE' (or DATETHH:MM), 'drop EVENT', \
                'widen EVENT to SPAN', 'lift BLACKOUT', 'lift BLACKOUT for EVENT', \
                'gap EVENT after OTHER to DURATION'. The current schedule is --keep, else the publish \
                ledger beside the plan, else the plan solved as it is; the changed plan moves as few \
                events from it as it can.
                """
        )

        @Argument(help: "The plan file (YAML).")
        var plan: String

        @Argument(help: "The changes, each one argument, e.g. \"move summit to 2021-12-14\".")
        var changes: [String]

        @Option(help: "table or json.")
        var format: PlanCommand.OutputFormat = .table

        @Option(help: "The publish ledger to read the current schedule from (default: PLAN with .ledger.json).")
        var ledger: String?

        @OptionGroup var solve: SolveOptions

        func validate() throws {
            guard !changes.isEmpty else { throw ValidationError("give at least one change, e.g. \"drop story-10\"") }
        }

        func run() throws {
            let deadline = solve.startClock()
            let original = try solve.loadPlan(self.plan)
            var changed = original
            var parsed: [PlanChange] = []
            for (k, text) in changes.enumerated() {
                let at = SourceLocation(path: "what-if change \(k + 1)", line: 1, column: 1)
                let result = PlanChange.parse(text).flatMap { change in
                    change.applied(to: changed, at: at).map { (change, $0) }
                }
                switch result {
                case .success(let (change, plan)):
                    parsed.append(change)
                    changed = plan
                case .failure(let problem):
                    Terminal.printError("\(at.path): error: \(problem.description)")
                    throw ExitCode(ExitStatus.invalidInput)
                }
            }
            var announced = try solve.announced(for: original)
            let ledgerPath = ledger ?? Publish.defaultLedgerPath(for: self.plan)
            if let published = try? Ledger.read(ledgerPath) {
                for (id, placement) in published.announced(for: original) where announced[id] == nil {
                    announced[id] = placement
                }
            }
            // The current schedule: the plan as it is, kept where it was announced.
            let before = try solve.solved(original, solve.request(deadline: deadline, announced: announced))
            let current = before.document(seed: solve.seed)
            let after = try solve.solved(
                changed, solve.request(deadline: deadline, announced: current.announced(for: changed)),
                json: format == .json)
            let next = after.document(seed: solve.seed)
            // The plan's own penalties, without those for moving from the announced schedule.
            let costBefore = ModelBuilder.build(before.model.plan).problem.objective(before.assignment)
            let costAfter = ModelBuilder.build(after.model.plan).problem.objective(after.assignment)
            let report = WhatIfReport(before: current, after: next, costBefore: costBefore, costAfter: costAfter)
            switch format {
            case .json: Swift.print(json(report, changes: parsed, status: next.status), terminator: "")
            case .table: Swift.print(table(report, changes: parsed, status: next.status), terminator: "")
            }
        }

        func table(_ report: WhatIfReport, changes: [PlanChange], status: String) -> String {
            var out = "what if: \(changes.map(\.description).joined(separator: "; ")) — \(status)\n"
            if report.moves.isEmpty {
                out += "  nothing else moves\n"
            } else {
                out += "  \(report.moves.count) event\(report.moves.count == 1 ? "" : "s") change:\n"
                for move in report.moves {
                    out += "    \(move.id): \(move.from ?? "(new)") → \(move.to ?? "(dropped)")\n"
                }
            }
            let delta = report.costAfter - report.costBefore
            out += "  cost: \(PlanUnits.weighted(report.costBefore)) → \(PlanUnits.weighted(report.costAfter)) "
            out += "(\(delta >= 0 ? "+" : "−")\(PlanUnits.weighted(abs(delta))))\n"
            return out
        }

        struct Document: Encodable {
            struct Move: Encodable {
                var id: String
                var title: String
                var from: String?
                var to: String?
            }
            var changes: [String]
            var status: String
            var moves: [Move]
            var costBefore: Int
            var costAfter: Int
        }

        func json(_ report: WhatIfReport, changes: [PlanChange], status: String) -> String {
            StableJSON.text(
                Document(
                    changes: changes.map(\.description), status: status,
                    moves: report.moves.map { Document.Move(id: $0.id, title: $0.title, from: $0.from, to: $0.to) },
                    costBefore: report.costBefore, costAfter: report.costAfter))
        }
    }
}
