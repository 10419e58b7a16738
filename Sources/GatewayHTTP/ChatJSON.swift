import Foundation
import Hummingbird
import PlutusData
import PlutusWire

// The chat endpoints' bodies, field for field as DESIGN.md's HTTP table names them (snake_case).

/// `POST /chat/start`'s body; it may be empty.
struct StartChatBody: Decodable {
    let title: String?

    func validated() throws -> String? {
        guard let title else { return nil }
        guard title.unicodeScalars.count <= 200 else { throw Problem.invalidField("`title` is longer than 200 characters") }
        guard !title.contains("\u{0}") else { throw Problem.invalidField("`title` must not contain NUL characters") }
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// `POST /chat/message`'s body.
struct SendMessageBody: Decodable {
    let conversationID: String
    let content: String
    let idempotencyKey: String?

    enum CodingKeys: String, CodingKey {
        case conversationID = "conversation_id"
        case content
        case idempotencyKey = "idempotency_key"
    }

    /// The conversation id (lowercased) and the content, checked.
    func validated() throws -> (conversationID: String, content: String) {
        let id = try Query.uuid(conversationID, "conversation_id")
        guard !content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw Problem.invalidField("`content` is empty")
        }
        guard content.unicodeScalars.count <= 8_000 else { throw Problem.invalidField("`content` is longer than 8000 characters") }
        if let idempotencyKey, idempotencyKey.isEmpty || idempotencyKey.utf8.count > 200 || idempotencyKey.contains("\u{0}") {
            throw Problem.invalidField("`idempotency_key` must be 1 to 200 bytes, without NUL characters")
        }
        return (id, content)
    }
}

struct ChatStartedJSON: Encodable, Sendable {
    let conversationID: String
    let sessionID: String
    let startedAt: String

    init(_ conversation: ConversationStore.Conversation) {
        conversationID = conversation.id
        sessionID = conversation.sessionID
        startedAt = Timestamp.iso(conversation.startedAt)
    }

    enum CodingKeys: String, CodingKey {
        case conversationID = "conversation_id"
        case sessionID = "session_id"
        case startedAt = "started_at"
    }
}

/// A turn's answer: the JSON of `POST /chat/message`, and of the SSE stream's `done` event.
struct ChatReplyJSON: Encodable, Sendable {
    let messageID: String
    let conversationID: String
    let reply: String
    let route: String
    let facts: [FactJSON]
    let goals: [GoalJSON]
    let recommendations: [RecommendationJSON]
    let degraded: Bool
    let model: String

    init(messageID: String, conversationID: String, route: Route, result: AgentResult) {
        self.messageID = messageID
        self.conversationID = conversationID
        reply = result.reply
        self.route = route.name
        facts = result.facts.map(FactJSON.init)
        goals = result.goals.map(GoalJSON.init)
        recommendations = result.recommendations.map(RecommendationJSON.init)
        degraded = result.degraded
        model = result.model
    }

    enum CodingKeys: String, CodingKey {
        case messageID = "message_id"
        case conversationID = "conversation_id"
        case reply, route, facts, goals, recommendations, degraded, model
    }
}

struct FactJSON: Encodable, Sendable {
    let name: String
    let value: String
    let unit: String
    let source: String

    init(_ fact: Fact) {
        name = fact.name
        value = fact.value
        unit = fact.unit
        source = fact.source
    }
}

struct GoalJSON: Encodable, Sendable {
    let id: String
    let type: String
    let title: String
    let targetAmount: FixedPoint?
    let targetDate: String?
    let priority: Int?
    let status: String

    init(_ goal: Goal) {
        id = goal.id
        type = goal.type
        title = goal.title
        targetAmount = goal.targetAmountCents.map(FixedPoint.cents)
        targetDate = goal.targetDate.isEmpty ? nil : goal.targetDate
        priority = goal.priority == 0 ? nil : Int(goal.priority)
        status = goal.status
    }

    enum CodingKeys: String, CodingKey {
        case id, type, title, priority, status
        case targetAmount = "target_amount"
        case targetDate = "target_date"
    }

    /// Unknown values are `null`, not missing: a client reads every key the contract names.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(type, forKey: .type)
        try container.encode(title, forKey: .title)
        try container.encode(targetAmount, forKey: .targetAmount)
        try container.encode(targetDate, forKey: .targetDate)
        try container.encode(priority, forKey: .priority)
        try container.encode(status, forKey: .status)
    }
}

struct RecommendationJSON: Encodable, Sendable {
    struct Impact: Encodable, Sendable {
        let amount: FixedPoint
        let unit: String
        let horizonMonths: Int

        enum CodingKeys: String, CodingKey {
            case amount, unit
            case horizonMonths = "horizon_months"
        }
    }

    let id: String
    let title: String
    let rationale: String
    let category: String
    let priority: Int
    let impact: Impact

    init(_ recommendation: Recommendation) {
        id = recommendation.id
        title = recommendation.title
        rationale = recommendation.rationale
        category = recommendation.category
        priority = Int(recommendation.priority)
        impact = Impact(
            amount: FixedPoint.cents(recommendation.impactAmountCents), unit: recommendation.impactUnit,
            horizonMonths: Int(recommendation.horizonMonths))
    }
}

struct ChatHistoryJSON: Encodable, Sendable {
    struct Message: Encodable, Sendable {
        let id: String
        let role: String
        let content: String
        let createdAt: String

        enum CodingKeys: String, CodingKey {
            case id, role, content
            case createdAt = "created_at"
        }
    }

    let conversationID: String
    let messages: [Message]

    init(conversationID: String, messages: [ConversationStore.Message]) {
        self.conversationID = conversationID
        self.messages = messages.map {
            Message(id: $0.id, role: $0.role.rawValue, content: $0.content, createdAt: Timestamp.iso($0.createdAt))
        }
    }

    enum CodingKeys: String, CodingKey {
        case conversationID = "conversation_id"
        case messages
    }
}

struct ChatEndedJSON: Encodable, Sendable {
    let conversationID: String
    let endedAt: String
    let summary: String

    enum CodingKeys: String, CodingKey {
        case conversationID = "conversation_id"
        case endedAt = "ended_at"
        case summary
    }
}

/// Timestamps as the API writes and reads them: ISO 8601 in UTC, with milliseconds.
enum Timestamp {
    static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// `text` as an RFC 3339 instant (`2026-12-02T10:00:00Z`, any fraction of a second, `Z` or
    /// an offset such as `+02:00`).
    static func parse(_ text: String) -> Date? {
        let pattern = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/
        guard let match = text.wholeMatch(of: pattern) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = DateComponents(
            year: Int(match.1), month: Int(match.2), day: Int(match.3), hour: Int(match.4), minute: Int(match.5),
            second: Int(match.6))
        guard let month = parts.month, (1...12).contains(month), let day = parts.day, (1...31).contains(day),
            let hour = parts.hour, hour < 24, let minute = parts.minute, minute < 60, let second = parts.second, second < 61,
            let whole = calendar.date(from: parts)
        else { return nil }
        let fraction = match.7.flatMap { Double("0" + $0) } ?? 0
        var offset = 0
        if let sign = match.9, let hours = match.10.flatMap({ Int($0) }), let minutes = match.11.flatMap({ Int($0) }) {
            guard hours < 24, minutes < 60 else { return nil }
            offset = (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
        return whole.addingTimeInterval(fraction - Double(offset))
    }
}

/// Query parameters, checked.
enum Query {
    /// `limit`, a whole number from 1 to `maximum`; `value` when absent.
    static func limit(_ request: Request, default value: Int, maximum: Int) throws -> Int {
        guard let text = request.uri.queryParameters.get("limit") else { return value }
        guard let limit = Int(text), (1...maximum).contains(limit) else {
            throw Problem.invalidField("`limit` must be a whole number from 1 to \(maximum)")
        }
        return limit
    }

    static func uuid(_ value: String?, _ name: String) throws -> String {
        guard let value, !value.isEmpty else { throw Problem.invalidField("`\(name)` is required") }
        guard value.isUUID else { throw Problem.invalidField("`\(name)` must be a UUID") }
        return value.lowercased()
    }
}

extension Problem {
    static func invalidField(_ detail: String) -> Problem { Problem(.unprocessableContent, "invalid-field", detail) }
}
