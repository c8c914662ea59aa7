import Foundation
import Testing
import Yams

@testable import Importing

@Suite struct YAMLTextTests {
    /// Text that would be misread unquoted: booleans, numbers, times, comments, flow and block
    /// indicators, quotes, escapes, line breaks, tabs, Unicode line separators.
    static let awkward = [
        "no", "yes", "~", "null", "08:00", "1e3", "0x1F", "#1 talk", "- dash", "a: b", "[x]", "{y}", "*alias",
        "&anchor",
        "!tag", "|", ">", "'single'", "\"double\"", "back\\slash", "two\nlines", "tab\there", "carriage\rreturn",
        "line\u{2028}separator", "nul\u{0}byte", "del\u{7F}", "c1\u{85}next", "Grüße 🎉", "  spaced  ", "",
    ]

    @Test func quotedScalarsLoadBackAsTheSameText() throws {
        for text in Self.awkward {
            let yaml = "value: \(YAMLScalar.quoted(text))\n"
            let loaded = try Yams.load(yaml: yaml) as? [String: Any]
            #expect(loaded?["value"] as? String == text, "\(yaml)")
        }
    }

    @Test func aByteOrderMarkInTheTextIsLeftOut() throws {
        let loaded = try Yams.load(yaml: "value: \(YAMLScalar.quoted("a\u{FEFF}b"))\n") as? [String: Any]
        #expect(loaded?["value"] as? String == "ab")
    }

    @Test func listsLoadBackAsTheSameTexts() throws {
        let loaded = try Yams.load(yaml: "list: \(YAMLScalar.list(Self.awkward))\n") as? [String: Any]
        #expect(loaded?["list"] as? [String] == Self.awkward)
    }

    @Test func aJSONPathQuotesKeysThatAreNotNames() {
        let path = JSONPath().member("schedule").member("days").element(1).member("rooms").member("Saal \"1\"")
        #expect(path.description == #"$.schedule.days[1].rooms["Saal \"1\""]"#)
    }

    @Test func idsAreValidUniqueAndReadable() {
        var mint = IdMint()
        #expect(mint.mint("Jürgen Müller", fallback: "speaker") == "jurgen-muller")
        #expect(mint.mint("Jürgen Müller", fallback: "speaker") == "jurgen-muller-2")
        #expect(mint.mint("李小龍", fallback: "speaker") == "speaker")
        #expect(mint.mint("李小龍", fallback: "speaker") == "speaker-2")
        #expect(mint.mint(String(repeating: "word ", count: 20), fallback: "x").count <= IdMint.maxLength)
    }

    @Test func granularityIsTheCoarsestStepEveryStartIsOn() {
        #expect(ProgrammeFeasibility.granularity([600, 630, 660]) == 30)
        #expect(ProgrammeFeasibility.granularity([600, 615]) == 15)
        #expect(ProgrammeFeasibility.granularity([600, 605]) == 5)
        #expect(ProgrammeFeasibility.granularity([600, 607]) == 1)
        #expect(ProgrammeFeasibility.granularity([]) == 60)
    }
}
