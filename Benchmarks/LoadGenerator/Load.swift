import Foundation
import Histogram

/// What a session says, in order: every route, a goal proposed and confirmed, small talk.
let script = [
    "what's my net worth", "how much did I spend on food last month", "I want to save $20,000 for a wedding by June 2028",
    "yes", "should I pay off my loans or invest", "what's my savings rate", "thanks, bye",
]

/// Drives the virtual users and keeps their measurements.
struct Load: Sendable {
    let clients: [APIClient]
    let recorder: LoadRecorder

    func run(rate: Double?, warmup: Duration, measure: Duration, mode: String) async throws -> LoadReport {
        let start = ContinuousClock.now
        let measureFrom = start + warmup
        let end = measureFrom + measure
        await recorder.begin(at: measureFrom)
        if let rate {
            await openLoop(rate: rate, from: start, until: end)
        } else {
            await withTaskGroup(of: Void.self) { group in
                for client in clients { group.addTask { await session(client, until: end) } }
            }
        }
        return await recorder.report(mode: mode, measured: measure)
    }

    /// One user, session after session: start, the script's messages, history, end.
    private func session(_ client: APIClient, until end: ContinuousClock.Instant) async {
        while ContinuousClock.now < end {
            let started = await timed("start", client) { await client.send(.post, "/chat/start", json: [:]) }
            guard let conversationID = started?.object?["conversation_id"] as? String else {
                try? await Task.sleep(for: .milliseconds(100))  // the API is away or refusing: do not spin
                continue
            }
            for message in script where ContinuousClock.now < end {
                _ = await timed("message", client) {
                    await client.send(.post, "/chat/message", json: ["conversation_id": conversationID, "content": message])
                }
            }
            _ = await timed("history", client) { await client.send(.get, "/chat/history?conversation_id=\(conversationID)") }
            _ = await timed("end", client) { await client.send(.delete, "/chat/end?conversation_id=\(conversationID)") }
        }
    }

    /// Messages due every 1/rate s, each sent on time whatever the others do, spread over the
    /// clients' conversations; a message's latency runs from when it was due.
    private func openLoop(rate: Double, from start: ContinuousClock.Instant, until end: ContinuousClock.Instant) async {
        var conversations: [(APIClient, String)] = []
        for client in clients {
            if let id = await client.send(.post, "/chat/start", json: [:]).object?["conversation_id"] as? String {
                conversations.append((client, id))
            }
        }
        guard !conversations.isEmpty else { return }
        let interval = Duration.seconds(1 / rate)
        await withTaskGroup(of: Void.self) { group in
            var due = ContinuousClock.now
            var index = 0
            while due < end {
                try? await Task.sleep(until: due, clock: .continuous)
                let (client, id) = conversations[index % conversations.count]
                let message = script[index % script.count]
                let scheduled = due
                group.addTask {
                    let answer = await client.send(.post, "/chat/message", json: ["conversation_id": id, "content": message])
                    await recorder.record("message", answer.status, since: scheduled)
                }
                index += 1
                due += interval
            }
        }
    }

    private func timed(_ kind: String, _ client: APIClient, _ call: () async -> APIClient.Answer) async -> APIClient.Answer? {
        let sent = ContinuousClock.now
        let answer = await call()
        await recorder.record(kind, answer.status, since: sent)
        return (200..<300).contains(answer.status) ? answer : nil
    }
}

/// The measurements: a latency histogram per request kind (microseconds), errors by kind and
/// status, counted from the end of the warm-up.
actor LoadRecorder {
    private var measureFrom: ContinuousClock.Instant = .now
    private var histograms: [String: Histogram<UInt64>] = [:]
    private var errors: [String: Int] = [:]

    func begin(at instant: ContinuousClock.Instant) { measureFrom = instant }

    func record(_ kind: String, _ status: Int, since sent: ContinuousClock.Instant) {
        let now = ContinuousClock.now
        guard sent >= measureFrom else { return }
        guard (200..<300).contains(status) else {
            errors["\(kind) \(status == 0 ? "transport" : String(status))", default: 0] += 1
            return
        }
        var histogram = histograms[kind] ?? Histogram<UInt64>(highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: .three)
        _ = histogram.record(UInt64(max(1, (now - sent) / .microseconds(1))))
        histograms[kind] = histogram
    }

    func report(mode: String, measured: Duration) -> LoadReport {
        LoadReport(mode: mode, seconds: measured / .seconds(1), histograms: histograms, errors: errors)
    }
}

/// The numbers of a run, as text and as JSON.
struct LoadReport: Sendable {
    let mode: String
    let seconds: Double
    let histograms: [String: Histogram<UInt64>]
    let errors: [String: Int]

    struct Row: Codable {
        let kind: String
        let count: UInt64
        let perSecond: Double
        let p50Ms: Double
        let p90Ms: Double
        let p99Ms: Double
        let p999Ms: Double
        let maxMs: Double
    }

    var rows: [Row] {
        histograms.sorted { $0.key < $1.key }.map { kind, histogram in
            func ms(_ percentile: Double) -> Double { Double(histogram.valueAtPercentile(percentile)) / 1000 }
            return Row(
                kind: kind, count: histogram.totalCount, perSecond: Double(histogram.totalCount) / seconds, p50Ms: ms(50),
                p90Ms: ms(90), p99Ms: ms(99), p999Ms: ms(99.9), maxMs: Double(histogram.max) / 1000)
        }
    }

    var text: String {
        var lines = ["plutus-loadgen: \(mode), \(String(format: "%.0f", seconds)) s measured"]
        lines.append("  kind        count      /s     p50 ms   p90 ms   p99 ms  p99.9 ms   max ms")
        for row in rows {
            lines.append(
                "  " + row.kind.padding(toLength: 8, withPad: " ", startingAt: 0)
                    + String(
                        format: " %8llu %8.1f %9.2f %8.2f %8.2f %9.2f %8.2f", row.count, row.perSecond, row.p50Ms, row.p90Ms,
                        row.p99Ms, row.p999Ms, row.maxMs))
        }
        lines.append("  errors: " + (errors.isEmpty ? "none" : errors.sorted { $0.key < $1.key }.map { "\($0.key) × \($0.value)" }.joined(separator: ", ")))
        return lines.joined(separator: "\n")
    }

    func json() throws -> Data {
        struct Document: Codable {
            let mode: String
            let seconds: Double
            let requests: [Row]
            let errors: [String: Int]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(Document(mode: mode, seconds: seconds, requests: rows, errors: errors))
    }
}
