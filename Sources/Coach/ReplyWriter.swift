import Logging

/// Writes a brief through the provider and passes the text through the compliance review. A
/// provider that fails is replaced by the offline writer (the reply says `degraded`); a reply
/// that breaks a rule is repaired, and the event logged. A reply no model streamed goes to the
/// turn's listener whole.
struct ReplyWriter: Sendable {
    let provider: any LanguageProvider
    let logger: Logger

    struct Written: Sendable {
        let reply: String
        let degraded: Bool
    }

    func write(_ brief: ReplyBrief) async -> Written {
        let offline = OfflineWriter().write(brief)
        var text = offline
        var degraded = provider.isOffline
        do {
            text = try await provider.write(brief)
        } catch {
            logger.warning("the language provider failed; answering offline", metadata: ["error": "\(error)", "model": "\(provider.model)"])
            degraded = true
        }
        let outcome = ComplianceReview.enforce(
            text, facts: brief.facts, givesAdvice: brief.givesAdvice, names: brief.names, fallback: offline)
        if outcome.rewritten {
            logger.warning(
                "compliance rewrote a reply",
                metadata: ["violations": "\(outcome.violations.map(\.description))", "model": "\(provider.model)"])
            let left = ComplianceReview.review(
                outcome.reply, facts: brief.facts, givesAdvice: brief.givesAdvice, names: brief.names)
            if !left.isEmpty {
                // The offline text is built from the facts; a violation here is a bug in an agent.
                logger.error("the repaired reply still breaks a rule", metadata: ["violations": "\(left.map(\.description))"])
            }
        }
        if degraded, let onText = TurnScope.current?.onText {
            await onText(outcome.reply)  // nothing was streamed: the listener gets the reply at once
        }
        return Written(reply: outcome.reply, degraded: degraded)
    }
}
