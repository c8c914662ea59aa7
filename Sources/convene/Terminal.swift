import Diagnostics
import Foundation

/// Writing to the terminal: diagnostics to standard error, one per line.
enum Terminal {
    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { printError(diagnostic.description) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        if errors > 0 { printError("\(errors) error\(errors == 1 ? "" : "s")") }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
