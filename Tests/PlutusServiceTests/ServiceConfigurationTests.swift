import ArgumentParser
import PlutusCluster
import PlutusWire
import PlutusService
import RPCTransport
import Testing

/// Settings come from flags, then PLUTUS_* variables, then defaults; every bad value is refused
/// at start with a message naming the flag and the variable.
@Suite("Service configuration from flags and environment")
struct ServiceConfigurationTests {
    private func options(_ arguments: [String]) throws -> ServiceOptions {
        try ServiceOptions.parse(arguments)
    }

    private func configuration(
        _ arguments: [String] = [], environment: [String: String] = [:], kind: ServiceKind = .financialAgent
    ) throws -> ServiceConfiguration {
        try ServiceConfiguration(kind: kind, options: options(arguments), environment: environment)
    }

    @Test func defaultsApplyWhenOnlyTheAddressIsGiven() throws {
        let settings = try configuration(environment: ["PLUTUS_LISTEN": "unix:///run/plutus/financial.sock"])
        #expect(settings.listen == .unix(path: "/run/plutus/financial.sock"))
        #expect(settings.logLevel == .info)
        #expect(settings.maximumFrameSize == 4 << 20)
        #expect(settings.maximumConcurrentCalls == 128)
        #expect(settings.shutdownGrace == .seconds(10))
        #expect(settings.instance == "financial-agent")
        #expect(settings.clusterToken == nil)
    }

    @Test func flagsWinOverTheEnvironment() throws {
        let settings = try configuration(
            ["--listen", "tcp://0.0.0.0:7001", "--log-level", "DEBUG", "--max-frame-bytes", "65536", "--instance", "f-2"],
            environment: [
                "PLUTUS_LISTEN": "unix:///ignored.sock", "PLUTUS_LOG_LEVEL": "error",
                "PLUTUS_CLUSTER_TOKEN": "a-long-enough-cluster-token", "PLUTUS_MAX_CONCURRENT_CALLS": "64",
            ])
        #expect(settings.listen == .tcp(host: "0.0.0.0", port: 7001))
        #expect(settings.logLevel == .debug)
        #expect(settings.maximumFrameSize == 65536)
        #expect(settings.maximumConcurrentCalls == 64)
        #expect(settings.instance == "f-2")
        #expect(settings.clusterToken == "a-long-enough-cluster-token")
    }

    @Test func anEmptyVariableCountsAsUnsetAndAnEmptyFlagIsRefused() throws {
        // docker compose passes optional settings through as `${NAME:-}`.
        let settings = try configuration(
            environment: ["PLUTUS_LISTEN": "unix:///a.sock", "PLUTUS_LOG_LEVEL": "", "PLUTUS_CLUSTER_TOKEN": ""])
        #expect(settings.logLevel == .info)
        #expect(settings.clusterToken == nil)
        let error = #expect(throws: ConfigurationError.self) {
            try configuration(["--log-level", ""], environment: ["PLUTUS_LISTEN": "unix:///a.sock"])
        }
        #expect(error?.description == "--log-level / PLUTUS_LOG_LEVEL: '' is not valid: it is empty")
    }

    @Test(arguments: [
        (["PLUTUS_LISTEN": "http://x:1"], "--listen / PLUTUS_LISTEN"),
        ([:], "--listen / PLUTUS_LISTEN"),
        (["PLUTUS_LISTEN": ""], "--listen / PLUTUS_LISTEN"),
        (["PLUTUS_LISTEN": "unix:///a.sock", "PLUTUS_LOG_LEVEL": "loud"], "--log-level / PLUTUS_LOG_LEVEL"),
        (["PLUTUS_LISTEN": "unix:///a.sock", "PLUTUS_MAX_FRAME_BYTES": "4MiB"], "--max-frame-bytes / PLUTUS_MAX_FRAME_BYTES"),
        (["PLUTUS_LISTEN": "unix:///a.sock", "PLUTUS_MAX_FRAME_BYTES": "10"], "--max-frame-bytes / PLUTUS_MAX_FRAME_BYTES"),
        (
            ["PLUTUS_LISTEN": "unix:///a.sock", "PLUTUS_MAX_CONCURRENT_CALLS": "-1"],
            "--max-concurrent-calls / PLUTUS_MAX_CONCURRENT_CALLS"
        ),
        (
            ["PLUTUS_LISTEN": "unix:///a.sock", "PLUTUS_SHUTDOWN_GRACE_SECONDS": "soon"],
            "--shutdown-grace-seconds / PLUTUS_SHUTDOWN_GRACE_SECONDS"
        ),
        (["PLUTUS_LISTEN": "unix:///a.sock", "PLUTUS_CLUSTER_TOKEN": "short"], "--cluster-token / PLUTUS_CLUSTER_TOKEN"),
        (["PLUTUS_LISTEN": "tcp://0.0.0.0:7000"], "--cluster-token / PLUTUS_CLUSTER_TOKEN"),
    ])
    func badOrMissingSettingsAreRefusedByName(environment: [String: String], setting: String) throws {
        let error = #expect(throws: ConfigurationError.self) { try configuration(environment: environment) }
        #expect(error?.setting == setting)
        #expect(error?.description.hasPrefix(setting) == true)
    }

    @Test func upstreamsComeFromTheirFlagOrAddressVariable() throws {
        #expect(
            try ServiceConfiguration.upstream(.financialAgent, flag: nil, environment: [
                "PLUTUS_FINANCIAL_AGENT_ADDRESS": "dns://financial-agent:7000"
            ]) == .dns(host: "financial-agent", port: 7000))
        #expect(
            try ServiceConfiguration.upstream(.vector, flag: "unix:///a.sock,unix:///b.sock", environment: [:])
                == .addresses([.unix(path: "/a.sock"), .unix(path: "/b.sock")]))
        let missing = #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.upstream(.goalAgent, flag: nil, environment: [:])
        }
        #expect(missing?.setting == "--goal-agent / PLUTUS_GOAL_AGENT_ADDRESS")
        #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.upstream(.context, flag: "dns://context", environment: [:])
        }
    }

    @Test func replicaPlansParseAndRefuseNonsense() throws {
        let plan = try ReplicaPlan(parsing: "financial=3,goal-agent=2")
        #expect(plan.replicas(of: .financialAgent) == 3)
        #expect(plan.replicas(of: .goalAgent) == 2)
        #expect(plan.replicas(of: .gateway) == 1)
        #expect(try ReplicaPlan(parsing: "").counts.values.allSatisfy { $0 == 1 })
        for bad in ["financial", "financial=0", "financial=17", "financial=x", "banking=2", "goal=2,goal=3"] {
            #expect(throws: ReplicaPlanError.self, "\(bad)") { try ReplicaPlan(parsing: bad) }
        }
    }

    @Test func everyServiceHasADistinctExecutableAddressVariableAndRPCName() {
        let kinds = ServiceKind.allCases
        #expect(kinds.count == 7)
        #expect(Set(kinds.map(\.executable)).count == 7)
        #expect(Set(kinds.map(\.addressVariable)).count == 7)
        #expect(Set(kinds.map(\.rpcService)).count == 7)
        #expect(ServiceKind.financialAgent.addressVariable == "PLUTUS_FINANCIAL_AGENT_ADDRESS")
        #expect(ServiceKind(named: "financial") == .financialAgent)
        #expect(ServiceKind(named: "recommendation-agent") == .recommendationAgent)
        #expect(ServiceKind.gateway.upstreams.count == 6)
    }
}
