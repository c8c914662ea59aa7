import ICal

/// One fuzzer input read as an imported calendar, over the longest horizon a plan may have.
enum ICalFuzzInput {
    /// 2021-01-01 to 2031-01-01 UTC: ten years, the most `check` lets a plan ask for, so that
    /// recurrences are expanded as far as a real import would expand them.
    static let from = 1_609_459_200, until = 1_924_992_000

    /// Reads the input as a plan's import would (UTF-8 only) and checks what every read must
    /// hold, trapping (a finding) when it does not.
    static func run(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }  // refused before libical
        do {
            let occurrences = try ICalReader.occurrences(in: text, from: from, until: until)
            for occurrence in occurrences { check(occurrence) }
        } catch {
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
            precondition(error.line >= 1 && error.line <= lines + 1, "error past the file's \(lines) lines: \(error)")
        }
    }

    /// An occurrence inside the range asked for, that does not end before it starts.
    private static func check(_ occurrence: ICalOccurrence) {
        switch occurrence.span {
        case .instants(let start, let end):
            precondition(start < until && start <= end, "occurrence out of range or reversed: \(occurrence)")
        case .dates(let start, let end):
            let first = (start.year, start.month, start.day), last = (end.year, end.month, end.day)
            precondition(first <= last, "dates reversed: \(occurrence)")
        }
    }
}
