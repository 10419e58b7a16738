import BenchmarkSupport

/// The Markdown table of one transport: floor against RPC, with each target's verdict.
struct Report {
    let transport: BenchTransport
    let plan: ComparisonPlan
    let payloadBytes: Int
    let comparison: Comparison

    /// RPC p50 at most this many times the floor's.
    static let latencyTarget = 2.0
    /// RPC throughput at least this fraction of the floor's.
    static let throughputTarget = 0.5

    var markdown: String {
        let (floor, rpc) = (comparison.floor, comparison.rpc)
        let inFlight = "\(plan.inFlight) in flight"
        return """
            ### \(transport.title)

            \(payloadBytes)-byte message; \(plan.sequentialCalls) sequential calls in \(plan.sequentialRounds) rounds \
            alternating floor and RPC; \
            \(formatted(plan.duration.seconds, 1)) s per throughput run.

            | measure | floor (bare NIO) | RPC | RPC / floor | target | result |
            |---|---:|---:|---:|---|---|
            \(latencyRow("sequential p50 (µs)", floor.sequentialP50, rpc.sequentialP50, target: Self.latencyTarget))
            \(latencyRow("sequential p99 (µs)", floor.sequentialP99, rpc.sequentialP99, target: nil))
            \(rateRow("\(inFlight), 1 connection (calls/s)", floor.oneConnection, rpc.oneConnection))
            \(rateRow("\(inFlight), \(plan.connections) connections (calls/s)", floor.spread, rpc.spread))
            """
    }

    private func latencyRow(_ name: String, _ floor: Duration, _ rpc: Duration, target: Double?) -> String {
        let ratio = rpc.seconds / max(floor.seconds, 1e-12)
        let verdict = target.map { ratio <= $0 ? "PASS" : "MISS" } ?? "–"
        let goal = target.map { "≤ \(formatted($0, 1))" } ?? "–"
        return row(name, formatted(floor.microseconds), formatted(rpc.microseconds), formatted(ratio, 2), goal, verdict)
    }

    private func rateRow(_ name: String, _ floor: Throughput, _ rpc: Throughput) -> String {
        let ratio = rpc.callsPerSecond / max(floor.callsPerSecond, 1e-9)
        let verdict = ratio >= Self.throughputTarget ? "PASS" : "MISS"
        return row(
            name, grouped(floor.callsPerSecond), grouped(rpc.callsPerSecond), formatted(ratio, 2),
            "≥ \(formatted(Self.throughputTarget, 1))", verdict)
    }

    private func row(_ columns: String...) -> String {
        "| " + columns.joined(separator: " | ") + " |"
    }

    /// A whole number with thousands separators: 123,456.
    private func grouped(_ value: Double) -> String {
        let digits = Array(String(Int(value.rounded())))
        return String(
            digits.enumerated().flatMap { index, digit in
                index > 0 && (digits.count - index) % 3 == 0 ? [",", digit] : [digit]
            })
    }
}
