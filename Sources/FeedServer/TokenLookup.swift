import FeedTokens
import Foundation
import Logging

/// The feed server's way to the token store: each personal-feed request asks the store (no
/// answer is kept), within a time limit, and while the store is known to be down only one
/// request at a time tries it again, so the others get their 503 at once instead of each
/// waiting out the time limit.
final class TokenLookup: @unchecked Sendable {
    // @unchecked: `state` is only touched under `lock`; the store is Sendable.
    enum Answer: Equatable, Sendable {
        case person(String)
        case unknown
        case unavailable
    }

    let store: any TokenStore
    let timeLimit: Duration
    let logger: Logger
    /// How long after a failure requests get 503 without trying the store.
    let pause: Duration
    private let lock = NSLock()
    private var state = State.healthy

    private enum State {
        case healthy
        case down(lastFailure: ContinuousClock.Instant, probing: Bool)
    }

    init(store: any TokenStore, timeLimit: Duration, pause: Duration = .milliseconds(500), logger: Logger) {
        self.store = store
        self.timeLimit = timeLimit
        self.pause = pause
        self.logger = logger
    }

    /// Whose personal feed `token` opens, or that it opens none, or that the store cannot say now.
    func person(for token: String) async -> Answer {
        guard mayTry() else { return .unavailable }
        do {
            let person = try await bounded { [store] in try await store.person(for: token) }
            succeeded()
            return person.map(Answer.person) ?? .unknown
        } catch {
            // A request given up (its connection closed) says nothing about the store.
            if !Task.isCancelled { failed(error) } else { release() }
            return .unavailable
        }
    }

    /// Whether the store answers now: `/healthz` asks it every time, even during an outage.
    func reachable() async -> Bool {
        do {
            try await bounded { [store] in try await store.ping() }
            succeeded()
            return true
        } catch {
            failed(error)
            return false
        }
    }

    /// SQLite answers from a local file on the calling thread, which a time limit could not
    /// interrupt; PostgreSQL's answers cross a network, and a lost server could hold them for
    /// the pool's whole connect and retry cycle.
    private func bounded<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        if store is SQLiteTokenStore { return try await operation() }
        let (limit, description) = (timeLimit, store.description)
        return try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: limit)
                throw TokenStoreError.timedOut(description, after: limit)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }

    private func mayTry() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        switch state {
        case .healthy:
            return true
        case .down(let lastFailure, let probing):
            guard !probing, lastFailure.duration(to: .now) >= pause else { return false }
            state = .down(lastFailure: lastFailure, probing: true)
            return true
        }
    }

    /// Lets the next request try the store again, without a verdict on this one.
    private func release() {
        lock.lock()
        if case .down(let lastFailure, _) = state { state = .down(lastFailure: lastFailure, probing: false) }
        lock.unlock()
    }

    private func succeeded() {
        lock.lock()
        let wasDown: Bool
        if case .down = state { wasDown = true } else { wasDown = false }
        state = .healthy
        lock.unlock()
        if wasDown { logger.notice("token store reachable again", metadata: ["store": "\(store.description)"]) }
    }

    private func failed(_ error: any Error) {
        lock.lock()
        let wasHealthy: Bool
        if case .healthy = state { wasHealthy = true } else { wasHealthy = false }
        state = .down(lastFailure: .now, probing: false)
        lock.unlock()
        if wasHealthy {
            logger.error(
                "token store unreachable; personal feeds answer 503 until it answers",
                metadata: ["store": "\(store.description)", "reason": "\(TokenStoreError.reason(error))"])
        }
    }
}
