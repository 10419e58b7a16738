import Foundation

/// The proxy variables (`http_proxy`, `https_proxy`, `all_proxy`, `no_proxy` and their upper-case
/// forms) that decide which proxy a request uses.
///
/// The client sets `CURLOPT_PROXY` and `CURLOPT_NOPROXY` on every transfer from this value, so
/// libcurl never reads the process environment itself and tests can pass a dictionary instead.
public struct ProxyEnvironment: Sendable, Hashable {
    /// The variables, by name.
    public var variables: [String: String]

    /// Proxies from `variables`; names other than the proxy ones are ignored.
    public init(_ variables: [String: String]) {
        self.variables = variables
    }

    /// No proxy for any request, whatever the process environment says.
    public static let none = ProxyEnvironment([:])

    /// The process environment as it is when the configuration is created.
    public static var process: ProxyEnvironment {
        ProxyEnvironment(ProcessInfo.processInfo.environment)
    }

    /// The proxy URL for a request with `scheme`, or `nil` for a direct connection.
    ///
    /// The lower-case name wins over the upper-case one; `all_proxy` applies when the
    /// scheme-specific variable is unset. Hosts in `no_proxy` are left to libcurl.
    public func proxy(forScheme scheme: String) -> String? {
        let specific = scheme.lowercased() == "https" ? "https_proxy" : "http_proxy"
        return value(specific) ?? value("all_proxy")
    }

    /// The `no_proxy` list (comma-separated hosts, domain suffixes, `*`), or `nil` when unset.
    public var noProxy: String? { value("no_proxy") }

    private func value(_ lowercaseName: String) -> String? {
        for name in [lowercaseName, lowercaseName.uppercased()] {
            if let value = variables[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                return value
            }
        }
        return nil
    }
}
