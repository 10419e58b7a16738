import ArgumentParser
import BenchmarkSupport
import CoachLanguage
import FinanceEngine

/// `plutus-bench-language`: what the offline language engine costs per message, on one core. Every
/// chat message is classified by the conversation agent (with the three latest turns, the coach's
/// long answers among them), and the goal and analysis agents read it again; this times each of
/// those reads over a fixed corpus, beside a floor in the same run (normalizing the message, which
/// every read starts with).
@main
struct LanguageBenchmarks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plutus-bench-language",
        abstract: "Time the offline language engine's reads of a message: route, goals, analyses, dates.")

    @Option(help: "Passes over the corpus per measurement.") var passes = 400

    /// The wrk mix and the coach benchmark's messages, with a few misspelt and non-English ones.
    static let messages = [
        "How is my portfolio doing and what is my net worth?",
        "I want to save for a house down payment of $60,000 in 4 years",
        "What should I do with my extra cash? Any advice?",
        "Thanks, that's all for today.",
        "what's my net worth", "should I pay off my loans or invest", "how am I doing?", "hi there",
        "whats my retirment looking like, am I on trak?",
        "Quiero ahorrar 20.000 euros para un coche el próximo verano",
        "yes, save it", "make it $25k by next summer instead",
    ]

    /// Turns as the coach writes them: figures, lists, a disclaimer.
    static let recent = [
        "What should I do with my extra cash? Any advice?",
        """
        Based on your numbers, Zoe, here's where I'd start. 1. Pay down high-interest debt, highest rate first. \
        An extra $1,500 a month, rate first, saves $45.06 in interest.

        2. Put cash beyond your six-month cushion to work. About $48,239.52 sits above a six-month cushion; \
        invested for the long term it could be worth roughly $14,983.36 more in 10 years than in savings.

        This is educational guidance, not individualized investment advice.
        """,
        "I want to save for a house down payment of $60,000 in 4 years",
        """
        A house down payment of $60,000 by December 2030 needs about $1,150.42 a month at a 4% return; you \
        set aside about $2,310.00 a month now, so it fits. Shall I save it as a goal?
        """,
    ]

    func run() throws {
        let today = CivilDate(utcDayOfSecondsSince1970: 1_796_601_600)  // 2026-12-07
        let history = Self.recent
        let corpus = Self.messages
        print("offline language engine, \(corpus.count) messages × \(passes) passes, µs per message (p50 / p99 of passes)")
        let floor = measure("floor: normalize the message") { message in TextNormalizer.tokens(in: message).count }
        var fresh = 0
        let rows: [(String, (String) -> Int)] = [
            ("route, no history", { RouteClassifier.classify($0).confidence > 0.5 ? 1 : 0 }),
            ("route, 4 recent turns", { RouteClassifier.classify($0, recent: history).confidence > 0.5 ? 1 : 0 }),
            ("route, 4 turns never seen", { message in
                // The conversation agent remembers the turns it read; a turn it never saw is read whole.
                fresh += 1
                let unseen = history.map { "\($0) (\(fresh))" }
                return RouteClassifier.classify(message, recent: unseen).confidence > 0.5 ? 1 : 0
            }),
            ("goals", { GoalParser.goals(in: $0, today: today).count }),
            ("analyses", { AnalysisSelector.analyses(for: $0).count }),
            ("dates", { DateParser.dates(in: $0, today: today).count }),
        ]
        for (name, body) in rows {
            let result = measure(name, body)
            print("  \(pad(name)) ratio to floor \(formatted(result.p50 / floor.p50, 1))×")
        }
    }

    /// Times every message of the corpus `passes` times; prints and returns the per-message p50 and p99 in µs.
    @discardableResult
    func measure(_ name: String, _ body: (String) -> Int) -> (p50: Double, p99: Double) {
        var sink = 0
        var samples = LatencySamples(reservingCapacity: passes)
        for _ in 0..<passes {
            let start = ContinuousClock.now
            for message in Self.messages { sink &+= body(message) }
            samples.record((ContinuousClock.now - start) / Self.messages.count)
        }
        let p50 = samples.percentile(0.5).microseconds
        let p99 = samples.percentile(0.99).microseconds
        print("\(pad(name)) \(formatted(p50, 1)) µs / \(formatted(p99, 1)) µs\(sink == .min ? " " : "")")
        return (p50, p99)
    }

    func pad(_ text: String) -> String { text + String(repeating: " ", count: max(0, 32 - text.count)) }
}
