/// A local date and time with its UTC offset, as schedule.json and the ledger write timed
/// starts and ends (`2021-07-13T10:00:00+03:00`), read once into values so nothing downstream
/// slices the text again.
public struct LocalStamp: Sendable, Hashable {
    public let date: CivilDate
    public let time: LocalTime
    /// The offset as written: `+03:00`, `-04:30`, or `Z`.
    public let offset: String

    /// Reads `YYYY-MM-DDTHH:MM[:SS](±HH:MM|Z)`; nil for anything else.
    public init?(_ text: String) {
        let chars = Array(text)
        guard chars.count >= 17, chars[10] == "T",
            case .success(let date) = CivilDate.parse(String(chars[0..<10])),
            case .success(let time) = LocalTime.parse(String(chars[11..<16]))
        else { return nil }
        var rest = chars[16...]
        if rest.first == ":" { rest = rest.dropFirst(3) }  // seconds, always :00 in Convene's files
        guard let first = rest.first, first == "Z" || first == "+" || first == "-" else { return nil }
        self.date = date
        self.time = time
        offset = String(rest)
    }
}
