import Foundation

/// Reads one JSON object of the schedule against the schema: a member that is missing when
/// required, or of another type, is an error at its JSON path.
struct JSONObjectReader {
    let object: [String: Any]
    let path: JSONPath
    let file: String
    let log: ImportLog

    /// nil (and an error) when `value` is not an object.
    init?(_ value: Any, at path: JSONPath, file: String, what: String, log: ImportLog) {
        guard let object = value as? [String: Any] else {
            log.error(.jsonPath(file: file, path: "\(path)"), "\(what) must be an object, found \(Self.kind(value))")
            return nil
        }
        self.object = object
        self.path = path
        self.file = file
        self.log = log
    }

    var place: InputPlace { .jsonPath(file: file, path: "\(path)") }

    func place(_ key: String) -> InputPlace { .jsonPath(file: file, path: "\(path.member(key))") }

    func has(_ key: String) -> Bool { object[key] != nil }

    /// The member's value, or nil; when `required`, a missing member is an error.
    func value(_ key: String, required: Bool) -> Any? {
        guard let value = object[key] else {
            if required { log.error(place, "missing '\(key)', which the schedule schema requires") }
            return nil
        }
        return value
    }

    /// A string member; `null` (when the schema allows it) and blank text are nil.
    func string(_ key: String, required: Bool = false, nullable: Bool = true) -> String? {
        guard let value = value(key, required: required) else { return nil }
        if value is NSNull {
            if !nullable { log.error(place(key), "'\(key)' must be a string, found null") }
            return nil
        }
        guard let text = value as? String else {
            log.error(place(key), "'\(key)' must be a string, found \(Self.kind(value))")
            return nil
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// An integer member (a JSON number without a fraction).
    func integer(_ key: String, required: Bool = false, nullable: Bool = false) -> Int? {
        guard let value = value(key, required: required) else { return nil }
        if value is NSNull, nullable { return nil }
        guard !Self.isBoolean(value), let number = value as? NSNumber,
            number.doubleValue.rounded() == number.doubleValue,
            abs(number.doubleValue) < 1e15
        else {
            log.error(place(key), "'\(key)' must be an integer, found \(Self.kind(value))")
            return nil
        }
        return number.intValue
    }

    func array(_ key: String, required: Bool = false) -> [Any]? {
        guard let value = value(key, required: required) else { return nil }
        guard let items = value as? [Any] else {
            log.error(place(key), "'\(key)' must be an array, found \(Self.kind(value))")
            return nil
        }
        return items
    }

    func member(_ key: String, required: Bool = false, what: String) -> JSONObjectReader? {
        guard let value = value(key, required: required) else { return nil }
        return JSONObjectReader(value, at: path.member(key), file: file, what: what, log: log)
    }

    static func isBoolean(_ value: Any) -> Bool {
        if value is Bool, !(value is Int) { return true }
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c" || type(of: value) == Bool.self
    }

    /// What a JSON value is, for messages.
    static func kind(_ value: Any) -> String {
        switch value {
        case is NSNull: "null"
        case is String: "a string"
        case is [Any]: "an array"
        case is [String: Any]: "an object"
        case _ where isBoolean(value): "a boolean"
        case is NSNumber: "a number"
        default: "a value of another kind"
        }
    }
}
