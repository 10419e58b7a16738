public import Logging
public import PlutusCluster
public import RPCTransport

/// A service's settings, resolved from its flags, then its environment, then defaults; every
/// value is checked here so a bad one stops the service at start with a message naming it.
public struct ServiceConfiguration: Sendable {
    public var kind: ServiceKind
    public var listen: RPCAddress
    public var clusterToken: String?
    public var logLevel: Logger.Level
    public var maximumFrameSize: Int
    public var maximumConcurrentCalls: Int
    public var shutdownGrace: Duration
    public var instance: String

    /// - Throws: ``ConfigurationError`` naming the flag and variable of the first bad or missing value.
    public init(kind: ServiceKind, options: ServiceOptions, environment: [String: String]) throws {
        let settings = SettingResolver(environment: environment)
        self.kind = kind
        listen = try settings.required(options.listen, flag: "--listen", variable: "PLUTUS_LISTEN") {
            try RPCAddress(parsing: $0)
        }
        clusterToken = try settings.optional(options.clusterToken, flag: "--cluster-token", variable: "PLUTUS_CLUSTER_TOKEN") {
            guard $0.utf8.count >= 16 else { throw SettingError("a cluster token needs at least 16 characters") }
            return $0
        }
        logLevel =
            try settings.optional(options.logLevel, flag: "--log-level", variable: "PLUTUS_LOG_LEVEL") {
                guard let level = Logger.Level(rawValue: $0.lowercased()) else {
                    throw SettingError("expected trace, debug, info, notice, warning, error or critical")
                }
                return level
            } ?? .info
        maximumFrameSize =
            try settings.optional(options.maxFrameBytes, flag: "--max-frame-bytes", variable: "PLUTUS_MAX_FRAME_BYTES") {
                try SettingResolver.integer($0, in: 1024...(256 << 20))
            } ?? LengthPrefixedFrameDecoder.defaultMaximumFrameSize
        maximumConcurrentCalls =
            try settings.optional(
                options.maxConcurrentCalls, flag: "--max-concurrent-calls", variable: "PLUTUS_MAX_CONCURRENT_CALLS"
            ) { try SettingResolver.integer($0, in: 1...100_000) } ?? 128
        let graceSeconds =
            try settings.optional(
                options.shutdownGraceSeconds, flag: "--shutdown-grace-seconds", variable: "PLUTUS_SHUTDOWN_GRACE_SECONDS"
            ) { try SettingResolver.integer($0, in: 0...3600) } ?? 10
        shutdownGrace = .seconds(graceSeconds)
        instance =
            try settings.optional(options.instance, flag: "--instance", variable: "PLUTUS_INSTANCE") { $0 } ?? kind.rawValue
        if case .tcp = listen, clusterToken == nil {
            throw ConfigurationError(
                setting: "--cluster-token / PLUTUS_CLUSTER_TOKEN", value: nil,
                reason: "listening on TCP (\(listen)) requires a cluster token")
        }
    }

    /// Where to reach `upstream`: the flag's value, else its `PLUTUS_*_ADDRESS` variable.
    /// - Throws: ``ConfigurationError`` when neither is set or the value does not parse.
    public static func upstream(
        _ upstream: ServiceKind, flag value: String?, environment: [String: String]
    ) throws -> RPCTarget {
        try SettingResolver(environment: environment).required(
            value, flag: "--\(upstream.rawValue)", variable: upstream.addressVariable
        ) { try RPCTarget(parsing: $0) }
    }

    /// The client configuration for calls this service makes to others.
    public var clientConfiguration: RPCClient.Configuration {
        RPCClient.Configuration(clusterToken: clusterToken, maximumFrameSize: maximumFrameSize)
    }
}

/// A setting that is missing or malformed.
public struct ConfigurationError: Error, Hashable, CustomStringConvertible {
    /// The flag and variable, such as `--listen / PLUTUS_LISTEN`.
    public let setting: String
    public let value: String?
    public let reason: String

    public init(setting: String, value: String?, reason: String) {
        self.setting = setting
        self.value = value
        self.reason = reason
    }

    public var description: String {
        if let value { return "\(setting): '\(value)' is not valid: \(reason)" }
        return "\(setting): \(reason)"
    }
}

/// Why one value was rejected; ``SettingResolver`` wraps it into a ``ConfigurationError``.
/// Why a setting's value does not parse (wrapped by ``SettingResolver`` into a ``ConfigurationError``).
public struct SettingError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Picks each setting from the flag, else the environment, and parses it.
/// Resolves one setting from its flag, else its environment variable, turning a bad value into a
/// ``ConfigurationError`` that names both.
public struct SettingResolver: Sendable {
    public let environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// The parsed value, or `nil` when neither the flag nor the variable is set. An empty variable
    /// counts as not set (docker compose passes an optional setting through as `${NAME:-}`); an
    /// empty flag is refused.
    public func optional<Value>(
        _ flagValue: String?, flag: String, variable: String, parse: (String) throws -> Value
    ) throws -> Value? {
        let setting = "\(flag) / \(variable)"
        guard let raw = flagValue ?? environment[variable].flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
        guard !raw.isEmpty else { throw ConfigurationError(setting: setting, value: raw, reason: "it is empty") }
        do {
            return try parse(raw)
        } catch {
            throw ConfigurationError(setting: setting, value: raw, reason: "\(error)")
        }
    }

    /// The parsed value.
    /// - Throws: ``ConfigurationError`` when neither is set, or the value is empty or does not parse.
    public func required<Value>(
        _ flagValue: String?, flag: String, variable: String, parse: (String) throws -> Value
    ) throws -> Value {
        guard let value = try optional(flagValue, flag: flag, variable: variable, parse: parse) else {
            throw ConfigurationError(setting: "\(flag) / \(variable)", value: nil, reason: "required, and not set")
        }
        return value
    }

    /// Parses a whole number within `range`.
    public static func integer(_ text: String, in range: ClosedRange<Int>) throws -> Int {
        guard let value = Int(text) else { throw SettingError("expected a whole number") }
        guard range.contains(value) else {
            throw SettingError("expected a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}
