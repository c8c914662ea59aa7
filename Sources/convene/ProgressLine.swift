import Foundation

/// A live progress line on standard error for solves longer than a second, on a terminal only.
enum ProgressLine {
    nonisolated(unsafe) private static var shown = false

    static func reporter() -> (@Sendable (Double, Int?, Int) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        return { elapsed, best, bound in
            guard elapsed >= 1 else { return }
            shown = true
            let text = String(format: "\r%.1f s  best %@  bound %d   ", elapsed, best.map(String.init) ?? "–", bound)
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    static func clear() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
