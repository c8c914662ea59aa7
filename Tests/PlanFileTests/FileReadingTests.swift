import Foundation
import Testing
@testable import PlanFile

@Suite struct FileReadingTests {
    @Test func yamlSyntaxErrorPointsAtTheProblem() throws {
        let fixture = try PlanFixture(["plan.yaml": calendarHeader + "events:\n  - id: a\n    title: [unclosed\n"])
        #expect(
            fixture.messages() == [
                "plan.yaml:9:1: error: YAML syntax error: did not find expected ',' or ']' "
                    + "(while parsing a flow sequence at line 8, column 12); "
                    + "check the indentation and quoting around here"
            ])
    }

    @Test func emptyFileIsReportedAtItsStart() throws {
        let fixture = try PlanFixture(["plan.yaml": "\n  \n# only a comment\n"])
        #expect(
            fixture.messages() == [
                "plan.yaml:1:1: error: the plan file is empty; start from the example in docs/plan-format.md"
            ])
    }

    @Test func fileThatIsNotUTF8IsReportedAtTheFirstBadByte() throws {
        let fixture = try PlanFixture([:])
        var bytes = Array((calendarHeader + "events:\n  - id: caf").utf8)
        bytes.append(0xE9)  // Latin-1 é
        bytes += Array("\n".utf8)
        try fixture.write("plan.yaml", Data(bytes))
        #expect(
            fixture.messages() == [
                "plan.yaml:7:12: error: file is not valid UTF-8 (bad byte here); save the file as UTF-8"
            ])
    }

    @Test func fileOverTheSizeLimitIsRefusedUnread() throws {
        let fixture = try PlanFixture([:])
        try fixture.write("plan.yaml", Data(repeating: UInt8(ascii: "#"), count: SourceText.sizeLimit + 1))
        #expect(
            fixture.messages() == [
                "plan.yaml:1:1: error: file is 10.0 MB, over the 10 MB limit for plan files; "
                    + "split it with include: or remove what is not a plan"
            ])
    }

    @Test func missingRootFileIsReported() throws {
        let fixture = try PlanFixture([:])
        #expect(
            fixture.messages("absent.yaml")
                == [
                    "absent.yaml:1:1: error: no such file '\(fixture.folder.path)/absent.yaml'; check the path; "
                        + "relative paths are read from the including file's folder"
                ].map { $0.replacingOccurrences(of: fixture.folder.path + "/", with: "") })
    }

    @Test func duplicateKeyInOneMappingIsAnError() throws {
        let fixture = try PlanFixture(["plan.yaml": calendarHeader + "events:\n  - id: a\n    id: b\n"])
        let messages = fixture.messages()
        #expect(messages.count == 1)
        #expect(messages.first?.contains("duplicate key 'id' in one mapping") == true)
    }
}
