import Foundation

/// What a live test waited for and how long, when it waited too long.
public struct TimeLimitExceeded: Error, CustomStringConvertible {
    public let what: String
    public let seconds: Double

    public var description: String { "\(what): no answer within \(secondsText(seconds)) s" }
}

/// Runs `body` and returns what it returns, or throws `TimeLimitExceeded` naming `what` once
/// `seconds` have passed: then `body` is cancelled and left behind, whether or not it stops.
///
/// For the tests that talk to real servers (PostgreSQL, the feed server on a socket), so that
/// a wait that never ends fails the one test, by name, instead of holding the whole run. The
/// clock is a thread of its own, not a `Task.sleep`: it fires whatever state the waiting code
/// left Swift's executors and timers in.
public func withinTimeLimit<T: Sendable>(
    _ seconds: Double, _ what: String, _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    let outcome = FirstOutcome<T>()
    return try await withCheckedThrowingContinuation { continuation in
        outcome.waiting(continuation)
        let work = Task {
            do { outcome.settle(.success(try await body())) } catch { outcome.settle(.failure(error)) }
        }
        Thread {
            if !outcome.wait(seconds) && outcome.settle(.failure(TimeLimitExceeded(what: what, seconds: seconds))) {
                work.cancel()
            }
        }.start()
    }
}

/// The first of the body's answer and the clock's, passed on once.
private final class FirstOutcome<T: Sendable>: @unchecked Sendable {
    // @unchecked: `continuation` and `settled` change only under `lock`.
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var continuation: CheckedContinuation<T, any Error>?
    private var settled = false

    func waiting(_ continuation: CheckedContinuation<T, any Error>) {
        lock.withLock { self.continuation = continuation }
    }

    /// Resumes the waiting test with `result` unless an answer came first; true when this one did.
    @discardableResult
    func settle(_ result: Result<T, any Error>) -> Bool {
        let continuation: CheckedContinuation<T, any Error>? = lock.withLock {
            guard !settled else { return nil }
            settled = true
            defer { self.continuation = nil }
            return self.continuation
        }
        guard let continuation else { return false }
        done.signal()
        continuation.resume(with: result)
        return true
    }

    /// Whether an answer came within `seconds` (a semaphore's timed wait, not a Dispatch timer).
    func wait(_ seconds: Double) -> Bool {
        done.wait(timeout: .now() + seconds) == .success
    }
}

/// Seconds as a person reads them: "20", "2.5".
private func secondsText(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
}
