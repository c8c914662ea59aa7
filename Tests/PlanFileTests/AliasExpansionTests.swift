import Foundation
import Testing
@testable import PlanFile
import Yams

/// Plans that YAML aliases would blow up ("billion laughs") are refused at once, at a position.
@Suite struct AliasExpansionTests {
    /// Ten levels of nine aliases each: 462 bytes that stand for 3.9 billion values.
    static let laughs: String = {
        var lines = ["x0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            lines.append(
                "x\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func billionLaughsIsRefusedAtTheFirstValuePastTheLimit() throws {
        // x6 (line 12, after the 5-line header) is the first level whose
        // expansion alone passes a million values: 9^6 · 10 ≈ 5.3 million.
        let fixture = try PlanFixture(["plan.yaml": calendarHeader + Self.laughs])
        #expect(
            fixture.messages() == [
                "plan.yaml:12:5: error: this value expands through YAML aliases to more than 1,000,000 values, "
                    + "over the limit "
                    + "for a plan; write the repeated parts once and share them with fewer aliases, "
                    + "or split the plan with include:"
            ])
    }

    @Test func aliasUsedAsAKeyIsRefusedBeforeYamsHashesIt() throws {
        let fixture = try PlanFixture(["plan.yaml": calendarHeader + Self.laughs + "y: { *a9 : 1 }\n"])
        #expect(
            fixture.messages() == [
                "plan.yaml:16:6: error: an alias (*a9) cannot be a key; keys in a plan are plain names; "
                    + "write the key out"
            ])
        let explicit = try PlanFixture(["plan.yaml": calendarHeader + Self.laughs + "y:\n  ? *a9\n  : 1\n"])
        #expect(
            explicit.messages() == [
                "plan.yaml:17:5: error: an alias (*a9) cannot be a key; keys in a plan are plain names; "
                    + "write the key out"
            ])
    }

    @Test func aliasShapesInsideQuotesAndCommentsAreText() {
        let text = "x: &x 1\ntitle: \"see *note: here\"\nname: 'a *b: c' # and *d: e\n"
        #expect(AliasExpansion.aliasKey(in: text, path: "p.yaml") == nil)
    }

    @Test func markdownEmphasisInABlockScalarIsText() throws {
        // A description written as a literal block, with Markdown emphasis that looks like an
        // alias key, beside an anchor elsewhere in the file: valid, and read as text.
        let text =
            "hours: &h 09:00-17:00\ndescription: |\n  *Important:* bring your badge.\n  *Note: rooms change.\n"
            + "next: *h\n"
        #expect(AliasExpansion.aliasKey(in: text, path: "p.yaml") == nil)
        let folded = "a: &a 1\nitems:\n  - >-\n    *Warning: x\n  - *a\nb: { *a : 1 }\n"
        #expect(AliasExpansion.aliasKey(in: folded, path: "p.yaml")?.location.line == 6)
    }

    @Test func sharedValuesWithinTheLimitStillLoad() throws {
        let fixture = try PlanFixture([
            "plan.yaml": calendarHeader + """
                audiences:
                  - id: sc
                    name: Steering Committee
                    zones: &zones [Europe/Paris, Asia/Seoul]
                  - id: team
                    name: Team
                    zones: *zones
                events: []

                """
        ])
        #expect(fixture.messages().filter { $0.contains("alias") } == [])
    }

    @Test func expansionIsMeasuredWithoutExpanding() throws {
        // Twenty levels of two aliases: about eight million values, measured in linear time.
        var lines = ["l0: &l0 [x, x]"]
        for level in 1...20 { lines.append("l\(level): &l\(level) [*l\(level - 1), *l\(level - 1)]") }
        let node = try #require(try Yams.compose(yaml: lines.joined(separator: "\n")))
        #expect(AliasExpansion.check(node, path: "p.yaml", limit: 10_000_000) == nil)
        #expect(AliasExpansion.check(node, path: "p.yaml", limit: 1_000_000) != nil)
    }
}
