import FeedTokens
import Foundation
import Testing

/// `--tokens` values and password files.
@Suite struct TokenStoreLocationTests {
    @Test func aPostgresURLNamesServerDatabaseAndTLS() throws {
        let address = try PostgresAddress(parsing: "postgres://convene@db.example:6543/feeds?sslmode=require")
        #expect(
            address
                == PostgresAddress(user: "convene", host: "db.example", port: 6543, database: "feeds", tls: .require))
        #expect(address.description == "postgres://convene@db.example:6543/feeds?sslmode=require")
        let defaults = try PostgresAddress(parsing: "postgresql://ana@localhost")
        #expect(defaults == PostgresAddress(user: "ana", host: "localhost", port: 5432, database: "ana", tls: .prefer))
        #expect(try PostgresAddress(parsing: "postgres://u@[::1]:5433/d").description == "postgres://u@[::1]:5433/d")
    }

    @Test func anythingElseIsASQLitePath() throws {
        #expect(try TokenStoreLocation(parsing: "release.tokens.sqlite") == .sqlite(path: "release.tokens.sqlite"))
        #expect(try TokenStoreLocation(parsing: "/srv/a://b") == .sqlite(path: "/srv/a://b"))
        #expect(TokenStoreLocation.beside(release: "/srv/release") == .sqlite(path: "/srv/release.tokens.sqlite"))
    }

    @Test(arguments: [
        ("postgres://convene:hunter2@db/feeds", "holds a password"),
        ("postgres://db/feeds", "no user"),
        ("postgres://convene@/feeds", "no host"),
        ("postgres://convene@db/feeds?sslmode=verify-full", "unknown parameter"),
        ("postgres://convene@db/feeds?pool=3", "unknown parameter 'pool'"),
        ("mysql://convene@db/feeds", "'mysql' stores are not supported"),
        ("", "empty"),
    ])
    func badValuesSayWhatToWrite(value: String, reason: String) throws {
        let error = #expect(throws: TokenStoreError.self) { try TokenStoreLocation(parsing: value) }
        let text = error?.description ?? ""
        #expect(text.contains(reason), "\(text)")
        #expect(!text.contains("hunter2"))
    }

    @Test func thePasswordComesFromAFileElseTheEnvironment() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pw-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data("from-file\nignored\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(
            try DatabasePassword.resolve(file: file, environment: ["PGPASSWORD": "env"])
                == DatabasePassword("from-file"))
        #expect(try DatabasePassword.resolve(file: nil, environment: ["PGPASSWORD": "env"]) == DatabasePassword("env"))
        #expect(try DatabasePassword.resolve(file: nil, environment: [:]) == nil)
        #expect("\(DatabasePassword("from-file"))" == "***")
        try Data("\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: TokenStoreError.self) { try DatabasePassword.resolve(file: file, environment: [:]) }
        #expect(throws: TokenStoreError.self) {
            try DatabasePassword.resolve(file: file + "-missing", environment: [:])
        }
    }
}
