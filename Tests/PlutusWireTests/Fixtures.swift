import PlutusWire

/// Messages with every field set, for round trips.
enum Fixtures {
    static let unicode = "héllo wörld 👋🏽 日本語 ∑ \u{10FFFF}"

    static let profile = UserProfile(
        userID: "5f0c1c1e-8a57-4a5e-9d0f-2f1f3c1b9a77", name: "Zoë Ångström 👩🏽‍💻", birthDate: "1990-02-28",
        riskTolerance: "moderate", annualIncomeCents: 12_345_678_90, currency: "EUR")

    static let account = Account(
        id: "acc-1", type: "credit_card", name: "Visa", institution: "Banque 🏦", currency: "USD",
        balanceCents: -Int64.max, availableCents: .min, aprBps: 2_499, asOfUnixMs: 1_767_225_600_000)

    static let holding = Holding(
        symbol: "VTI", assetClass: "us_equity", quantityMicros: 1_500_000, priceCents: 28_512,
        costBasisCents: 40_000_00, expenseRatioBps: 3, accountID: "acc-2", currency: "USD")

    static let transaction = Transaction(
        id: "tx-1", accountID: "acc-1", amountCents: -4_250, date: "2026-11-24", merchant: "Café ☕", category: "dining")

    static let goal = Goal(
        id: "goal-1", type: "home_purchase", title: "A flat in Lisbon", targetAmountCents: 80_000_00,
        currentAmountCents: 12_000_00, targetDate: "2030-06-01", priority: 1, status: "active", progressBps: 1_500,
        source: "coach")

    static let insight = Insight(
        id: "ins-1", type: "spending", content: unicode, confidence: 0.87, source: "conversation",
        extractedAtUnixMs: 1_767_225_600_123)

    static let netWorth = NetWorth(assetsCents: .max, liabilitiesCents: 12_400_00, netWorthCents: .min)

    static let slice = AllocationSlice(assetClass: "us_equity", valueCents: 60_000_00, shareBps: 6_000)

    static let portfolio = PortfolioSummary(
        valueCents: 100_000_00, costBasisCents: 80_000_00, unrealizedGainCents: -20_000_00,
        weightedExpenseRatioCentibps: 345, annualFeesCents: 34_50, allocation: [slice, AllocationSlice()])

    static let categoryTotal = CategoryTotal(category: "dining 🍜", amountCents: 412_34)

    static let cashFlow = CashFlow(
        days: 90, incomeCents: 21_000_00, spendingCents: 16_800_00, netCents: 4_200_00, savingsRateBps: 0,
        spendingByCategory: [categoryTotal, CategoryTotal()])

    static let conversationSummary = ConversationSummary(
        conversationID: "conv-1", title: unicode, summary: "Talked about the card.", startedAtUnixMs: 1,
        endedAtUnixMs: .max)

    static let memory = Memory(id: "mem-1", text: unicode, distance: 0.125, kind: "insight")

    static let preference = Preference(key: "tone", value: "brief ✂️")

    static let context = UserContext(
        userID: profile.userID, version: 42, profile: profile, accounts: [account, Account(id: "acc-2", aprBps: 0)],
        holdings: [holding], transactions: [transaction, transaction], goals: [goal, Goal(id: "goal-2")],
        insights: [insight], builtAtUnixMs: 1_767_225_600_999, netWorth: netWorth, portfolio: portfolio,
        cashFlow: cashFlow, conversations: [conversationSummary], memories: [memory, Memory()],
        memoriesUnavailable: true, preferences: [preference])

    static let recommendation = Recommendation(
        id: "rec-1", title: "Pay down the card", rationale: "24.99% APR costs more than any return", category: "debt",
        priority: 1, impactAmountCents: 61_200, impactUnit: "USD/year", horizonMonths: 12)

    static let fact = Fact(name: "net_worth", value: "12,345.67", unit: "USD", source: "finance_engine.net_worth")

    static let item = VectorItem(
        id: "mem-1", vector: [0.25, -1.5, .infinity, -.infinity, .greatestFiniteMagnitude, .leastNonzeroMagnitude],
        document: unicode, metadataJSON: #"{"user": "u1", "kind": "insight", "": "empty key", "n": 1.5}"#)

    static let modelCall = ModelCall(
        provider: "anthropic", model: "claude-sonnet-4-5", purpose: "write", outcome: "failed:overloaded",
        inputTokens: .max, outputTokens: 1, cacheCreationInputTokens: 2_048, cacheReadInputTokens: 4_096,
        latencyMs: 1_234, attempts: .max)

    static let hit = QueryHit(id: "mem-1", distance: 0.125, document: "doc", metadataJSON: #"{"k": "v", "ü": "✓"}"#)

    static let collection = VectorCollection(
        tenant: "user-1", name: "memory", dimension: 384, distance: .l2, embedder: "plutus-hashed-ngrams-384", count: .max)

    /// One fully set message of every generated type.
    static let all: [any WireMessage] = [
        ChatTurn(role: "user", content: unicode, createdAtUnixMs: 1),
        fact,
        modelCall,
        recommendation,
        AgentRequest(
            conversationID: "conv-1", userID: "user-1", message: "How am I doing?",
            history: [ChatTurn(role: "user", content: "hi"), ChatTurn(role: "assistant", content: "")],
            context: context, route: .getAdvice, summary: "Talked about the card.",
            pendingGoals: [goal, Goal(status: "proposed")], today: "2026-11-25"),
        AgentResult(
            route: .discussGoals, reply: "You can reach it by 2030.", facts: [fact, fact], goals: [goal],
            recommendations: [recommendation], degraded: true, model: "claude-sonnet",
            missingFields: ["target_date", "", "priority"], intent: "confirm", handoff: true,
            modelCalls: [modelCall, ModelCall()]),
        CoachTurnState(
            runID: "run-7", userID: "user-1", conversationID: "conv-1", message: unicode,
            history: [ChatTurn(role: "user", content: "hi")], today: "2026-11-25", context: context,
            route: .discussGoals, intent: "goal", result: AgentResult(reply: "ok", goals: [goal]),
            pendingGoals: [goal], savedGoals: [goal, Goal()], contextVersion: .max,
            visited: ["conversation", "goal_extraction"], modelCalls: [modelCall]),
        ConverseRequest(userID: "user-1", conversationID: "conv-1", message: unicode, today: "2026-11-25"),
        AgentEvent(token: unicode, result: AgentResult(reply: "done", modelCalls: [modelCall])),
        ConverseEvent(node: "financial_analysis", token: "Your ", reply: ConverseReply(conversationID: "conv-1", messageID: "m")),
        ConverseReply(
            conversationID: "conv-1", messageID: "msg-9", runID: "run-7", route: .getAdvice,
            result: AgentResult(reply: unicode, facts: [fact]), paused: true, visited: ["conversation", ""]),
        Int64Value(value: .min),
        Int32Value(value: .max),
        profile,
        account,
        holding,
        transaction,
        goal,
        insight,
        context,
        GetContextRequest(userID: "user-1", minVersion: .max, topic: unicode),
        ContextUpdate(
            userID: "user-1", baseVersion: 41, goals: [goal], insights: [insight], removedGoalIDs: ["goal-0", ""],
            profile: profile, reason: "goal_extraction", runID: "run-7:context_update",
            preferences: [preference, Preference()]),
        ContextVersion(userID: "user-1", version: 43),
        netWorth,
        slice,
        portfolio,
        categoryTotal,
        cashFlow,
        conversationSummary,
        memory,
        preference,
        RefreshContextRequest(userID: "user-1", reason: "event:balance_updated"),
        ContextHistoryRequest(userID: "user-1", limit: .max),
        ContextVersionInfo(version: .max, createdAtUnixMs: 1_767_225_600_000, reason: unicode),
        ContextHistory(userID: "user-1", versions: [ContextVersionInfo(version: 1), ContextVersionInfo()]),
        Status(code: 14, message: "unavailable: \(unicode)"),
        Frame(
            streamID: .max, kind: .request, method: "plutus.v1.ContextEngine/GetContext", deadlineUnixMs: .min,
            metadata: ["traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "idempotency-key": ""],
            status: Status(code: 0, message: ""), payload: [0, 1, 2, 255, 0]),
        HealthCheckRequest(service: "plutus.v1.ContextEngine"),
        HealthCheckResponse(status: .notServing),
        item,
        UpsertRequest(
            tenant: "user-1", collection: "memory", items: [item, VectorItem(id: "empty")], dimension: 4_096,
            distance: .dot),
        UpsertResponse(upserted: .max),
        QueryRequest(
            tenant: "user-1", collection: "memory", vector: [1, 0, -1], text: "budget", topK: 5,
            whereJSON: #"{"kind": {"$eq": "insight"}}"#, documentContains: unicode),
        hit,
        QueryResponse(hits: [hit, QueryHit()]),
        collection,
        GetRequest(
            tenant: "user-1", collection: "memory", ids: ["a", unicode], whereJSON: "{}", documentContains: "x", limit: 7,
            includeVectors: true),
        GetResponse(items: [item, VectorItem()]),
        DeleteRequest(tenant: "user-1", collection: "memory", ids: ["a", ""], whereJSON: #"{"k": 1}"#, documentContains: "y"),
        DeleteResponse(deleted: .max),
        CountRequest(tenant: "user-1", collection: "memory"),
        CountResponse(count: .max),
        ListCollectionsRequest(tenant: unicode),
        ListCollectionsResponse(collections: [collection, VectorCollection()]),
        DeleteCollectionRequest(tenant: "user-1", collection: "memory"),
        DeleteCollectionResponse(deleted: true),
        VectorLogRecord(kind: .deleteCollection, collection: collection, items: [item], ids: ["a", unicode]),
    ]
}
