import Foundation

/// The PostgreSQL password, from a file (`--tokens-password-file`) or from `PGPASSWORD`; never
/// from the command line. Printing it, by mistake or in a dump of the options, shows `***`.
public struct DatabasePassword: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    let text: String

    public init(_ text: String) { self.text = text }

    public var description: String { "***" }
    public var debugDescription: String { "***" }

    /// The password `file` holds (its first line, without the line break), else `PGPASSWORD`
    /// from `environment`, else none (the server may trust the connection, or ask and be refused).
    /// - Throws: `TokenStoreError.badPasswordFile` when the file cannot be read or is empty.
    public static func resolve(
        file: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> DatabasePassword? {
        guard let file else { return environment["PGPASSWORD"].map(DatabasePassword.init) }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw TokenStoreError.badPasswordFile(file, reason: "cannot read the password file")
        }
        let line = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)
        guard let line, !line.isEmpty else {
            throw TokenStoreError.badPasswordFile(
                file, reason: "the password file is empty; write the password on its first line")
        }
        return DatabasePassword(line)
    }
}
