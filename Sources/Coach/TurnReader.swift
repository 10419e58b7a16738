import CoachLanguage
import Logging

/// Reads a turn through the language provider, and through the offline engine when the provider
/// fails (the result then says `degraded`). Only cancellation is thrown.
struct TurnReader: Sendable {
    let provider: any LanguageProvider
    let logger: Logger

    struct Reading<Value: Sendable>: Sendable {
        let value: Value
        /// Whether the offline engine read it.
        let degraded: Bool
    }

    func route(_ text: TurnText) async throws -> Reading<RouteDecision> {
        try await read("classify", text) { try await $0.classify($1) }
    }

    func goals(_ text: TurnText) async throws -> Reading<[GoalMention]> {
        try await read("extract goals", text) { try await $0.extractGoals($1) }
    }

    private func read<Value: Sendable>(
        _ what: String, _ text: TurnText, _ call: (any LanguageProvider, TurnText) async throws -> Value
    ) async throws -> Reading<Value> {
        do {
            return Reading(value: try await call(provider, text), degraded: provider.isOffline)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.warning(
                "the language provider failed to \(what); reading offline",
                metadata: ["error": "\(error)", "model": "\(provider.model)"])
            return Reading(value: try await call(OfflineLanguageProvider(), text), degraded: true)
        }
    }
}
