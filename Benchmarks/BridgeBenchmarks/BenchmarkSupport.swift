import Foundation

/// Latency samples and their summary, shared by the bridge benchmarks.
struct LatencySamples {
    private(set) var samples: [Duration] = []

    mutating func record(_ duration: Duration) { samples.append(duration) }

    /// The sample at `fraction` (0.5 for the median) of the sorted samples.
    func percentile(_ fraction: Double) -> Duration {
        sortedPercentile(samples.sorted(), fraction)
    }
}

/// The sample at `fraction` of already sorted samples; zero when there are none.
func sortedPercentile(_ sorted: [Duration], _ fraction: Double) -> Duration {
    guard !sorted.isEmpty else { return .zero }
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
}

extension Duration {
    /// Seconds as a `Double`.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    var microseconds: Double { seconds * 1e6 }
    var milliseconds: Double { seconds * 1e3 }
}

/// Formats `value` with `decimals` digits after the point.
func formatted(_ value: Double, _ decimals: Int = 1) -> String {
    String(format: "%.\(decimals)f", value)
}

/// Runs an external program (a floor such as `pgbench` or `redis-benchmark`) and returns its output.
///
/// The program is started from a fresh thread with no signals blocked: threads of the cooperative
/// pool block some, a child inherits that mask, and `pgbench -T` then never sees its SIGALRM.
enum ExternalCommand {
    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ arguments: [String]) throws -> String {
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<String, any Error> = .failure(Failed(description: "not run"))
        Thread.detachNewThread {
            var none = sigset_t()
            sigemptyset(&none)
            pthread_sigmask(SIG_SETMASK, &none, nil)
            outcome = Result { try runHere(arguments) }
            finished.signal()
        }
        finished.wait()
        return try outcome.get()
    }

    private static func runHere(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failed(description: "\(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(text)")
        }
        return text
    }
}
