public import ArgumentParser
import Foundation
public import PlutusCluster
public import RPCTransport

/// The command of a service executable: its name and help come from its ``ServiceKind``, its
/// settings from ``ServiceOptions`` and the process environment.
public protocol ServiceCommand: AsyncParsableCommand {
    static var kind: ServiceKind { get }
    var options: ServiceOptions { get }
}

extension ServiceCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: kind.executable, abstract: kind.role)
    }

    /// Resolves the service's settings and sets up process-wide logging.
    /// - Throws: ``ConfigurationError`` for a bad or missing setting.
    public func bootstrap() throws -> ServiceRuntime {
        let configuration = try ServiceConfiguration(
            kind: Self.kind, options: options, environment: ProcessInfo.processInfo.environment)
        return ServiceRuntime.bootstrap(configuration)
    }

    /// Where `upstream` lives: `flag`, else its `PLUTUS_*_ADDRESS` variable.
    /// - Throws: ``ConfigurationError`` when neither is set or the value does not parse.
    public func target(of upstream: ServiceKind, flag: String?) throws -> RPCTarget {
        try ServiceConfiguration.upstream(upstream, flag: flag, environment: ProcessInfo.processInfo.environment)
    }
}
