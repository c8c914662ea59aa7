import FeedTokens
import Foundation
import PostgresFixture
import Testing

/// What only the PostgreSQL store has to get right: replicas preparing the schema at once, and
/// saying clearly why a server cannot be used, without the password.
@Suite struct PostgresStoreTests {
    @Test func replicasPreparingAtOnceShareOneSchema() async throws {
        try await withinTimeLimit(60, "four stores preparing one schema at once") {
            let postgres = try await TestPostgres.start()
            defer { postgres.stop() }
            let location = try TokenStoreLocation(parsing: postgres.url)
            let password = DatabasePassword(postgres.password)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await withTokenStore(location, password: password) { try await $0.ping() } }
                }
                try await group.waitForAll()
            }
            let token = try await withTokenStore(location, password: password) { try await $0.issue(person: "ana") }
            let person = try await withTokenStore(location, password: password) { try await $0.person(for: token) }
            #expect(person == "ana")
        }
    }

    @Test func aServerThatIsNotThereIsSaidSo() async throws {
        try await withinTimeLimit(60, "a store with no server") {
            let port = try TestPostgres.freePort()
            let location = try TokenStoreLocation(
                parsing: "postgres://convene@127.0.0.1:\(port)/convene?sslmode=disable")
            let error = await #expect(throws: TokenStoreError.self) {
                try await withTokenStore(location, password: DatabasePassword("s3cret-pw")) { try await $0.ping() }
            }
            let text = error?.description ?? ""
            #expect(text.contains("postgres://convene@127.0.0.1:\(port)/convene"))
            #expect(text.lowercased().contains("refused") && text.contains("is PostgreSQL running"))
            #expect(!text.contains("s3cret-pw"))
        }
    }

    @Test func aWrongPasswordIsSaidSoWithoutShowingIt() async throws {
        try await withinTimeLimit(60, "a store with a wrong password") {
            let postgres = try await TestPostgres.start()
            defer { postgres.stop() }
            let location = try TokenStoreLocation(parsing: postgres.url)
            let error = await #expect(throws: TokenStoreError.self) {
                try await withTokenStore(location, password: DatabasePassword("wrong-pw-123")) { try await $0.ping() }
            }
            let text = error?.description ?? ""
            #expect(text.contains("password authentication failed") && text.contains("PGPASSWORD"))
            #expect(!text.contains("wrong-pw-123") && !text.contains(postgres.password))
        }
    }
}
