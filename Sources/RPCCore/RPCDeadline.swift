#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// When a call must be finished by, as an absolute wall-clock time so it survives every hop.
///
/// Frames carry it as Unix milliseconds; each side turns it into a remaining duration for its
/// own timers, so the callee gives up when the caller would have.
public struct RPCDeadline: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01 UTC.
    public let unixMilliseconds: Int64

    public init(unixMilliseconds: Int64) {
        self.unixMilliseconds = unixMilliseconds
    }

    /// The deadline `timeout` from `now`.
    public init(after timeout: Duration, now: Int64 = RPCDeadline.nowUnixMilliseconds()) {
        let (seconds, attoseconds) = timeout.components
        let milliseconds = saturating(seconds, times: 1000) &+ attoseconds / 1_000_000_000_000_000
        self.init(unixMilliseconds: saturating(now, plus: max(0, milliseconds)))
    }

    /// What a frame's field means: 0 is no deadline.
    public static func fromWire(_ unixMilliseconds: Int64) -> RPCDeadline? {
        unixMilliseconds > 0 ? RPCDeadline(unixMilliseconds: unixMilliseconds) : nil
    }

    /// The time left, zero once passed.
    public func remaining(now: Int64 = RPCDeadline.nowUnixMilliseconds()) -> Duration {
        .milliseconds(remainingMilliseconds(now: now))
    }

    /// The whole milliseconds left, zero once passed: what event-loop timers take.
    public func remainingMilliseconds(now: Int64 = RPCDeadline.nowUnixMilliseconds()) -> Int64 {
        max(0, unixMilliseconds - now)
    }

    public func hasPassed(now: Int64 = RPCDeadline.nowUnixMilliseconds()) -> Bool {
        unixMilliseconds <= now
    }

    /// The earlier of two optional deadlines.
    public static func earliest(_ first: RPCDeadline?, _ second: RPCDeadline?) -> RPCDeadline? {
        switch (first, second) {
        case let (first?, second?): min(first, second)
        case let (deadline?, nil), let (nil, deadline?): deadline
        case (nil, nil): nil
        }
    }

    public static func < (lhs: RPCDeadline, rhs: RPCDeadline) -> Bool {
        lhs.unixMilliseconds < rhs.unixMilliseconds
    }

    public var description: String { "deadline at \(unixMilliseconds) ms" }

    /// The wall clock now, in Unix milliseconds.
    public static func nowUnixMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}

private func saturating(_ value: Int64, times factor: Int64) -> Int64 {
    let (product, overflow) = value.multipliedReportingOverflow(by: factor)
    return overflow ? (value < 0 ? .min : .max) : product
}

private func saturating(_ value: Int64, plus addend: Int64) -> Int64 {
    let (sum, overflow) = value.addingReportingOverflow(addend)
    return overflow ? .max : sum
}

extension RPCDeadline {
    /// Runs `body`, cancelling it and throwing `DEADLINE_EXCEEDED` once `deadline` passes;
    /// without a deadline it simply runs `body`.
    public static func enforce<Result: Sendable>(
        _ deadline: RPCDeadline?, _ body: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        guard let deadline else { return try await body() }
        return try await withThrowingTaskGroup(of: Result.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: deadline.remaining())
                throw RPCError(code: .deadlineExceeded, message: "the call's deadline passed")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else {
                throw RPCError(code: .deadlineExceeded, message: "the call's deadline passed")
            }
            return first
        }
    }
}
