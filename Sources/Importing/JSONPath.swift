/// A position in a JSON document as a path from its root: `$.schedule.conference.days[1]`.
struct JSONPath: Sendable, CustomStringConvertible {
    private(set) var text = "$"

    /// The member `key`: `.rooms`, or `["Saal 1"]` when the key is not a plain name.
    func member(_ key: String) -> JSONPath {
        var next = self
        let plain =
            !key.isEmpty && key.unicodeScalars.first.map { !("0"..."9").contains($0) } == true
            && key.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
            }
        next.text += plain ? ".\(key)" : "[\(quoted(key))]"
        return next
    }

    /// The element `index` (0-based, as JSON paths count).
    func element(_ index: Int) -> JSONPath {
        var next = self
        next.text += "[\(index)]"
        return next
    }

    var description: String { text }

    private func quoted(_ key: String) -> String {
        var out = "\""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += "\\u" + String(scalar.value, radix: 16).leftPadded(4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
