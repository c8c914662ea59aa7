import ReleaseFormat

/// The small formats of the c3voc schedule: clock times, slugs, numeric ids, and the patterns
/// its two schemas hold values to (docs/frab/), so that a value the schema would refuse is
/// written another way or left out.
enum FrabText {
    /// Minutes as `HH:MM` (a time of day, or a duration).
    static func clock(_ minutes: Int) -> String {
        let m = max(0, minutes)
        return "\(m / 60 < 10 ? "0" : "")\(m / 60):\(m % 60 < 10 ? "0" : "")\(m % 60)"
    }

    /// `ACRONYM-ID`: the event id in the JSON schema's slug alphabet (`[a-z0-9_-]`, ending in a
    /// letter or digit). Plan ids are already lowercase; a `.` becomes `-`.
    static func slug(_ acronym: String, _ id: String) -> String {
        var text = "\(acronym)-" + String(id.map { $0 == "." ? "-" : $0 })
        while let last = text.last, last == "-" || last == "_" { text.removeLast() }
        return text
    }

    /// The XML schema's `voc-slug-new`: `[a-z0-9_]{4,}-[a-z0-9\-_]{4,}`.
    static func isXMLSlug(_ text: String) -> Bool {
        guard let dash = text.firstIndex(of: "-") else { return false }
        let head = text[..<dash], tail = text[text.index(after: dash)...]
        return head.count >= 4 && head.allSatisfy { isLowerDigit($0) || $0 == "_" }
            && tail.count >= 4 && tail.allSatisfy { isLowerDigit($0) || $0 == "_" || $0 == "-" }
    }

    /// The JSON schema's acronym: `^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$`.
    static func isAcronym(_ text: String) -> Bool {
        var body = Substring(text)
        // The optional `-2NNN-word` suffix.
        if let dash = body.dropFirst().firstIndex(of: "-") {
            let suffix = body[body.index(after: dash)...].split(separator: "-", omittingEmptySubsequences: false)
            guard suffix.count == 2, suffix[0].count == 4, suffix[0].first == "2", suffix[0].allSatisfy(\.isASCIIDigit),
                !suffix[1].isEmpty, suffix[1].allSatisfy({ ("a"..."z").contains($0) })
            else { return false }
            body = body[..<dash]
        }
        guard let first = body.first, isLowerDigit(first) || first == "_" || first == "-" else { return false }
        let rest = body.dropFirst()
        return rest.count >= 3 && rest.allSatisfy { isLowerDigit($0) || $0 == "_" }
    }

    /// A track slug both schemas take: `[a-z][a-z0-9-]+` (XML) ending in a letter or digit (JSON).
    static func isTrackSlug(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, text.count >= 2 else { return false }
        return ("a"..."z").contains(first) && isLowerDigit(last) && text.allSatisfy { isLowerDigit($0) || $0 == "-" }
    }

    /// `#RRGGBB`.
    static func isHexColor(_ text: String) -> Bool {
        text.count == 7 && text.first == "#" && text.dropFirst().allSatisfy(\.isHexDigit)
    }

    /// The JSON schema's `time_zone_name`, `^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$`, read as its
    /// validators do: a zone starting `Area/Name` (`America/New_York` passes), or ending `UTC`.
    static func isTimeZoneName(_ text: String) -> Bool {
        if text.hasSuffix("UTC") { return true }
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        func word(_ s: Substring) -> Bool {
            guard let first = s.first, first.isASCII, first.isUppercase, let second = s.dropFirst().first else {
                return false
            }
            return second.isASCII && second.isLowercase
        }
        return parts.count == 2 && word(parts[0]) && parts[0].dropFirst().allSatisfy { $0.isASCII && $0.isLowercase }
            && word(parts[1])
    }

    /// `text` without a final slash when it is an http(s) URL, else nil.
    static func httpURL(_ text: String) -> String? {
        guard text.hasPrefix("http://") || text.hasPrefix("https://"), !text.contains(where: \.isWhitespace) else {
            return nil
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    /// Each GUID's positive integer (`NameUUID.positiveInteger`); the rare GUID whose integer
    /// another already has takes the next free one, the GUIDs taken in sorted order.
    static func uniqueIntegers(_ guids: [String]) -> [String: Int] {
        var used = Set<Int>(), result: [String: Int] = [:]
        for guid in Set(guids).sorted() {
            var n = NameUUID.positiveInteger(guid)
            while used.contains(n) { n = n % (1 << 30) + 1 }
            used.insert(n)
            result[guid] = n
        }
        return result
    }

    static func isLowerDigit(_ c: Character) -> Bool { ("a"..."z").contains(c) || ("0"..."9").contains(c) }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
