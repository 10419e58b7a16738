import Foundation

extension RedisConfiguration {
    /// Parses `redis://[[user]:password@]host[:port][/db]` or `unix:///path/to/socket[?db=N&password=P]`.
    ///
    /// Everything the URL does not say keeps its default. `rediss://` is refused: hiredis 0.14 has no TLS.
    /// - Throws: ``RedisError`` with code ``RedisError/Code/invalidURL``.
    public init(url: String) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            throw Self.invalid(url, "not a URL")
        }
        switch scheme {
        case "redis": try self.init(tcpURL: components, url)
        case "unix", "redis+unix": try self.init(unixURL: components, url)
        default: throw Self.invalid(url, "scheme must be redis:// or unix://")
        }
    }

    private init(tcpURL components: URLComponents, _ url: String) throws {
        guard let host = components.host, !host.isEmpty else { throw Self.invalid(url, "no host") }
        let port = components.port ?? 6379
        guard (1...65535).contains(port) else { throw Self.invalid(url, "port out of range") }
        let path = components.path.drop { $0 == "/" }
        guard let database = path.isEmpty ? 0 : Int(path), database >= 0 else {
            throw Self.invalid(url, "the path must be a database number")
        }
        self.init(endpoint: .tcp(host: host.trimmingCharacters(in: ["[", "]"]), port: port), database: database)
        try applyCredentials(components, url)
    }

    private init(unixURL components: URLComponents, _ url: String) throws {
        guard !components.path.isEmpty else { throw Self.invalid(url, "no socket path") }
        let query = components.queryItems ?? []
        let databaseText = query.last { $0.name == "db" }?.value ?? "0"
        guard let database = Int(databaseText), database >= 0 else {
            throw Self.invalid(url, "db must be a database number")
        }
        self.init(endpoint: .unixSocket(path: components.path), database: database)
        try applyCredentials(components, url)
        if let password = query.last(where: { $0.name == "password" })?.value { self.password = password }
    }

    private mutating func applyCredentials(_ components: URLComponents, _ url: String) throws {
        let user = components.user.flatMap { $0.isEmpty ? nil : $0 }
        if user != nil, components.password == nil {
            throw Self.invalid(url, "a user needs a password (redis://user:password@host)")
        }
        username = user
        password = components.password
    }

    private static func invalid(_ url: String, _ reason: String) -> RedisError {
        RedisError(code: .invalidURL, message: "\(reason): \(redacted(url))")
    }

    /// The URL with any password replaced, so errors and logs never carry it.
    private static func redacted(_ url: String) -> String {
        guard let at = url.lastIndex(of: "@") else { return url }
        let start = url.range(of: "://")?.upperBound ?? url.startIndex
        guard start <= at else { return url }
        return url[..<start] + "***" + url[at...]
    }
}
