import Foundation

/// The whole process's CPU time and context switches, every thread's together, from `getrusage`.
struct ResourceUsage: Sendable {
    let cpu: Duration
    let contextSwitches: Int

    static func now() -> ResourceUsage {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = duration(usage.ru_utime) + duration(usage.ru_stime)
        return ResourceUsage(cpu: cpu, contextSwitches: usage.ru_nvcsw + usage.ru_nivcsw)
    }

    /// What `body` used, with its result.
    static func measure<Result>(_ body: () async throws -> Result) async rethrows -> (Result, ResourceUsage) {
        let before = now()
        let result = try await body()
        let after = now()
        return (
            result,
            ResourceUsage(cpu: after.cpu - before.cpu, contextSwitches: after.contextSwitches - before.contextSwitches)
        )
    }

    private static func duration(_ time: timeval) -> Duration {
        .seconds(Int64(time.tv_sec)) + .microseconds(Int64(time.tv_usec))
    }
}
