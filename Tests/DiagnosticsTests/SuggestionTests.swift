import Diagnostics
import Testing

@Suite struct SuggestionTests {
    @Test func closeTyposGetASuggestion() {
        #expect(Suggestion.closest(to: "duraton", among: ["duration", "window"]) == "duration")
        #expect(Suggestion.closest(to: "Asia/Seol", among: ["Asia/Seoul", "Asia/Tokyo"]) == "Asia/Seoul")
        #expect(Suggestion.closest(to: "wnidow", among: ["window", "weight"]) == "window")  // a transposition
    }

    @Test func distantWordsGetNone() {
        #expect(Suggestion.closest(to: "colour", among: ["duration", "window"]) == nil)
        #expect(Suggestion.closest(to: "x", among: []) == nil)
    }

    @Test func diagnosticsPrintAsPathLineColumn() {
        let d = Diagnostic.error(
            at: SourceLocation(path: "plan.yaml", line: 3, column: 7), "unknown key 'x'", hint: "did you mean 'id'?")
        #expect(d.description == "plan.yaml:3:7: error: unknown key 'x'; did you mean 'id'?")
    }
}
