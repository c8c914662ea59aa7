import Foundation

/// Paths in a plan are read from the folder of the file that names them.
public enum RelativePath {
    /// `value` as a path: absolute as written, else beside `file` (`a/sub/../b.yaml` kept
    /// relative and tidied, so messages show paths as the user would write them).
    public static func resolve(_ value: String, from file: String) -> String {
        let folder = (file as NSString).deletingLastPathComponent
        let joined = value.hasPrefix("/") || folder.isEmpty ? value : (folder as NSString).appendingPathComponent(value)
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: false) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != "..", !last.isEmpty {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
