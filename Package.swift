// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// The service executables: product (what operators run), target, folder under Sources/Services,
/// and what the service needs beyond what every service has.
let services: [(product: String, target: String, folder: String, needs: [Target.Dependency])] = [
    ("plutus-gateway", "GatewayService", "Gateway", ["CoachGraph", "ContextEngine", "GatewayHTTP", "PlutusAuth", "PlutusData", "Postgres", "Redis"]),
    ("plutus-context", "ContextService", "Context", [
        "ContextEngine", "Postgres", "Redis", .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
    ]),
    ("plutus-conversation-agent", "ConversationAgentService", "ConversationAgent", ["Coach"]),
    ("plutus-financial-agent", "FinancialAgentService", "FinancialAgent", ["Coach"]),
    ("plutus-goal-agent", "GoalAgentService", "GoalAgent", ["Coach"]),
    ("plutus-recommendation-agent", "RecommendationAgentService", "RecommendationAgent", ["Coach"]),
    ("plutus-vector", "VectorService", "Vector", ["HTTPClient", "VectorStore"]),
]

let serviceDependencies: [Target.Dependency] = [
    "PlutusService", "PlutusCluster", "RPCTransport",
    .product(name: "ArgumentParser", package: "swift-argument-parser"),
]

let package = Package(
    name: "Plutus",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Postgres", targets: ["Postgres"]),
        .library(name: "Redis", targets: ["Redis"]),
        .library(name: "HTTPClient", targets: ["HTTPClient"]),
        .library(name: "PlutusWire", targets: ["PlutusWire"]),
        .executable(name: "plutus", targets: ["PlutusCLI"]),
    ] + services.map { .executable(name: $0.product, targets: [$0.target]) } + [
        .executable(name: "plutus-bench-bridges", targets: ["BridgeBenchmarks"]),
        .executable(name: "plutus-bench-rpc", targets: ["RPCBenchmarks"]),
        .executable(name: "plutus-bench-context", targets: ["ContextBenchmarks"]),
        .executable(name: "plutus-bench-coach", targets: ["CoachBenchmarks"]),
        .executable(name: "plutus-bench-language", targets: ["LanguageBenchmarks"]),
        .executable(name: "plutus-bench-vector", targets: ["VectorBenchmarks"]),
        .executable(name: "plutus-loadgen", targets: ["LoadGenerator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // AES-GCM for data at rest; JWTs for the app's bearer tokens (HS256).
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        // The gateway's HTTP API. No traits: swift-configuration is not needed (settings come from PLUTUS_*).
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        // The gateway's /metrics: swift-metrics (Hummingbird already records into it) in Prometheus text.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // plutus-loadgen's latency percentiles.
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
    ],
    targets: [
        // System libraries: the four C libraries Plutus is built on.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CHiredis", pkgConfig: "hiredis", providers: [.apt(["libhiredis-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CProtobufC", pkgConfig: "libprotobuf-c", providers: [.apt(["libprotobuf-c-dev"])]),
        // Typed wrappers for libcurl's variadic functions.
        .target(name: "CCurlShim", dependencies: ["CCurl"]),

        // Shared machinery of the blocking C bridges: dedicated threads and connection pools.
        .target(
            name: "BridgeSupport",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Postgres",
            dependencies: ["CLibPQ", "BridgeSupport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Redis",
            dependencies: ["CHiredis", "BridgeSupport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HTTPClient",
            dependencies: ["CCurl", "CCurlShim", "BridgeSupport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        // Language models over HTTPClient: Claude and OpenAI-compatible clients, SSE, retries, a circuit
        // breaker, redaction, and Redis-backed rate limits and response cache.
        .target(
            name: "LanguageModels",
            dependencies: [
                "HTTPClient", "Redis", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The wire: protoc-c's C for Protos/plutus/v1 (generated), and the Swift message types over it.
        .target(name: "PlutusProtoC", dependencies: ["CProtobufC"]),
        .target(name: "PlutusWire", dependencies: ["PlutusProtoC"], swiftSettings: swiftSettings),

        // The RPC's vocabulary: status codes, errors, methods, metadata, deadlines. No I/O.
        .target(name: "RPCCore", swiftSettings: swiftSettings),
        // Frames on the wire and, later, the NIO client and server.
        .target(
            name: "RPCTransport",
            dependencies: [
                "RPCCore", "PlutusWire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Plutus's data: the schema and its migrations, the host app's table names, sealing at rest.
        .target(
            name: "PlutusData",
            dependencies: [
                "Postgres", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The app's bearer tokens (HS256 JWTs): issued by `plutus token`, verified by the gateway.
        .target(
            name: "PlutusAuth", dependencies: [.product(name: "JWTKit", package: "jwt-kit")],
            swiftSettings: swiftSettings),
        // The context engine: builds, caches, versions and refreshes users' financial contexts.
        .target(
            name: "ContextEngine",
            dependencies: [
                "FinanceEngine", "PlutusData", "Postgres", "Redis", "PlutusWire", "RPCCore", "RPCTransport", "PlutusService",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // plutus-vector's store: collections in tenant namespaces, exact search with metadata filters, an
        // append-only log with snapshots, and the default local embedder.
        .target(
            name: "VectorStore", dependencies: ["BridgeSupport", "HTTPClient", "PlutusWire", "RPCCore", "RPCTransport"],
            swiftSettings: swiftSettings),
        // The coach's arithmetic: time value of money, debts, cash flow, goals, projections, portfolios. No I/O.
        .target(name: "FinanceEngine", swiftSettings: swiftSettings),
        // The offline language engine's reading: amounts, dates, goals, routes and analyses in a person's words.
        .target(name: "CoachLanguage", dependencies: ["FinanceEngine"], swiftSettings: swiftSettings),
        // A LangGraph-style graph library: typed state, async nodes, routed edges, checkpoints, resume.
        .target(name: "StateGraph", swiftSettings: swiftSettings),
        // The four agents' work (the coach): finance engine + language provider -> replies with facts.
        .target(
            name: "Coach",
            dependencies: [
                "FinanceEngine", "CoachLanguage", "PlutusWire", "RPCCore", "RPCTransport", "PlutusCluster",
                "PlutusService", "LanguageModels", "HTTPClient", "Redis",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The Plutus conversation graph the gateway runs: nodes as RPC calls, checkpoints in PostgreSQL.
        .target(
            name: "CoachGraph",
            dependencies: [
                "StateGraph", "PlutusWire", "PlutusData", "Postgres", "RPCCore", "RPCTransport", "PlutusCluster",
                "ContextEngine", "FinanceEngine", "PlutusService",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The app's HTTP API on Hummingbird: bearer auth, problem+json errors, chat over the graph, SSE.
        .target(
            name: "GatewayHTTP",
            dependencies: [
                "CoachGraph", "Coach", "ContextEngine", "StateGraph", "PlutusAuth", "PlutusData", "PlutusWire",
                "PlutusService", "PlutusCluster", "RPCCore", "RPCTransport", "Redis",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/openapi.json")],
            swiftSettings: swiftSettings
        ),
        // The cluster's catalogue (services, addresses, the manifest `plutus up` writes).
        .target(name: "PlutusCluster", dependencies: ["RPCCore"], swiftSettings: swiftSettings),
        // What every service process shares: flags from PLUTUS_*, logging, the listener, graceful shutdown.
        .target(
            name: "PlutusService",
            dependencies: [
                "PlutusCluster", "RPCTransport", "RPCCore", "PlutusWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The seven service executables.
    ] + services.map { service in
        .executableTarget(
            name: service.target, dependencies: serviceDependencies + service.needs,
            path: "Sources/Services/\(service.folder)",
            swiftSettings: swiftSettings)
    } + [
        .executableTarget(
            name: "PlutusCLI",
            dependencies: [
                "Postgres", "Redis", "PlutusCluster", "PlutusWire", "RPCTransport", "RPCCore", "ProcessSupport",
                "PlutusData", "PlutusAuth", "HTTPClient", "LanguageModels",
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Latency samples and number formatting shared by the benchmark executables.
        .target(name: "BenchmarkSupport", path: "Benchmarks/BenchmarkSupport", swiftSettings: swiftSettings),
        .executableTarget(
            name: "BridgeBenchmarks",
            dependencies: [
                "Postgres", "Redis", "HTTPClient", "LanguageModels", "CLibPQ", "BenchmarkSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/BridgeBenchmarks",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "RPCBenchmarks",
            dependencies: [
                "RPCTransport", "RPCCore", "PlutusWire", "BenchmarkSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/RPCBenchmarks",
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "ContextBenchmarks",
            dependencies: [
                "ContextEngine", "PlutusData", "PlutusWire", "Postgres", "Redis", "RPCCore", "RPCTransport",
                "BenchmarkSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/ContextBenchmarks",
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "CoachBenchmarks",
            dependencies: [
                "Coach", "CoachLanguage", "CoachGraph", "StateGraph", "ContextEngine", "FinanceEngine", "PlutusData", "PlutusWire", "Postgres", "RPCCore", "RPCTransport",
                "PlutusCluster", "ProcessSupport", "BenchmarkSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/CoachBenchmarks",
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "LanguageBenchmarks",
            dependencies: [
                "CoachLanguage", "FinanceEngine", "BenchmarkSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/LanguageBenchmarks",
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "VectorBenchmarks",
            dependencies: [
                "VectorStore", "PlutusWire", "BenchmarkSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/VectorBenchmarks",
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "LoadGenerator",
            dependencies: [
                "HTTPClient", "Postgres", "PlutusAuth",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/LoadGenerator",
            swiftSettings: swiftSettings
        ),

        // Spawning and supervising child processes cleanly (posix_spawn, no inherited signal mask).
        .target(name: "CSpawnShim"),
        .target(name: "ProcessSupport", dependencies: ["CSpawnShim"], swiftSettings: swiftSettings),

        // Helpers for tests: checkout paths, the local services' addresses, running our scripts.
        .target(
            name: "PlutusTestSupport", dependencies: ["ProcessSupport", "Postgres", "PlutusData", "HTTPClient", "LanguageModels"],
            path: "Tests/Support", exclude: ["http_test_server.py", "llm_test_server.py"], swiftSettings: swiftSettings
        ),
        .testTarget(name: "RPCCoreTests", dependencies: ["RPCCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RPCTransportTests",
            dependencies: [
                "RPCTransport", "PlutusWire", "RPCCore", "PlutusTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PlutusServiceTests",
            dependencies: [
                "PlutusService", "PlutusCluster", "PlutusWire", "RPCTransport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ClusterTests",
            dependencies: [
                "PlutusTestSupport", "ProcessSupport", "PlutusCluster", "PlutusWire", "RPCTransport", "RPCCore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(name: "ProcessSupportTests", dependencies: ["ProcessSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "BridgeSupportTests", dependencies: ["BridgeSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "PlutusTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PlutusDataTests", dependencies: ["PlutusData", "Postgres", "PlutusTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ContextEngineTests",
            dependencies: [
                "ContextEngine", "PlutusData", "PlutusWire", "Postgres", "Redis", "RPCCore", "RPCTransport",
                "PlutusTestSupport", "ProcessSupport", "PlutusService", "VectorStore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "PlutusAuthTests", dependencies: ["PlutusAuth", .product(name: "JWTKit", package: "jwt-kit")],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "FinanceEngineTests", dependencies: ["FinanceEngine", "PlutusTestSupport"],
            exclude: ["reference.py"], swiftSettings: swiftSettings),
        .testTarget(name: "CoachLanguageTests", dependencies: ["CoachLanguage", "FinanceEngine"], swiftSettings: swiftSettings),
        .testTarget(
            name: "VectorStoreTests",
            dependencies: [
                "VectorStore", "PlutusWire", "PlutusTestSupport", "ProcessSupport", "RPCCore", "RPCTransport", "HTTPClient",
                "LanguageModels",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(name: "StateGraphTests", dependencies: ["StateGraph"], swiftSettings: swiftSettings),
        .testTarget(
            name: "CoachTests",
            dependencies: [
                "Coach", "CoachLanguage", "FinanceEngine", "PlutusWire", "RPCCore", "RPCTransport", "PlutusCluster",
                "LanguageModels", "HTTPClient", "PlutusTestSupport", "PlutusService",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CoachGraphTests",
            dependencies: [
                "Coach", "CoachLanguage", "CoachGraph", "StateGraph", "ContextEngine", "FinanceEngine", "PlutusData", "PlutusWire", "Postgres",
                "RPCCore", "RPCTransport", "PlutusCluster", "PlutusTestSupport", "ProcessSupport", "PlutusAuth", "HTTPClient",
                "GatewayHTTP", "Redis",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(name: "RedisTests", dependencies: ["Redis", "PlutusTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "LanguageModelsTests",
            dependencies: [
                "LanguageModels", "HTTPClient", "Redis", "PlutusTestSupport", .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "HTTPClientTests", dependencies: ["HTTPClient", "PlutusTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DeploymentTests",
            dependencies: ["PlutusTestSupport", "PlutusCluster", "ProcessSupport", "HTTPClient", "Postgres", "Redis"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "PlutusWireTests", dependencies: ["PlutusWire", "PlutusTestSupport"], swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
