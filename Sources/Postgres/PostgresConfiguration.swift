import CLibPQ

/// Where and how to connect, and how large the pool grows.
public struct PostgresConfiguration: Sendable {
    /// A libpq connection URL: `postgresql://user:password@host:port/database?sslmode=...`.
    public var url: String
    /// The most connections open at once (each has its own thread).
    public var maximumConnections: Int
    /// How long a caller waits for a free connection.
    public var acquireTimeout: Duration
    /// How long opening one connection may take, in whole seconds (libpq's `connect_timeout`).
    public var connectTimeoutSeconds: Int
    /// Shown in `pg_stat_activity`.
    public var applicationName: String
    /// Prepared statements kept per connection; queries past that run unprepared.
    public var preparedStatementCacheSize: Int

    /// Checks `url` with libpq's own parser.
    /// - Throws: ``PostgresError`` with code `.invalidConfiguration` and libpq's reason.
    public init(
        url: String,
        maximumConnections: Int = 8,
        acquireTimeout: Duration = .seconds(10),
        connectTimeoutSeconds: Int = 5,
        applicationName: String = "plutus",
        preparedStatementCacheSize: Int = 256
    ) throws {
        try Self.validate(url: url)
        self.url = url
        self.maximumConnections = max(1, maximumConnections)
        self.acquireTimeout = acquireTimeout
        self.connectTimeoutSeconds = max(1, connectTimeoutSeconds)
        self.applicationName = applicationName
        self.preparedStatementCacheSize = max(0, preparedStatementCacheSize)
    }

    /// The `keyword=value` pairs handed to `PQconnectdbParams`: the URL expands first, the rest override.
    var connectionParameters: [(keyword: String, value: String)] {
        [
            ("dbname", url),
            ("application_name", applicationName),
            ("connect_timeout", String(connectTimeoutSeconds)),
        ]
    }

    private static func validate(url: String) throws {
        guard url.hasPrefix("postgresql://") || url.hasPrefix("postgres://") else {
            throw PostgresError(
                code: .invalidConfiguration, message: "a database URL starts with postgresql:// (got '\(url.prefix(20))')")
        }
        guard !url.utf8.contains(0) else {
            throw PostgresError(code: .invalidConfiguration, message: "the database URL contains a NUL byte")
        }
        var reason: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(url, &reason) else {
            let message = reason.map { String(cString: $0) } ?? "out of memory"
            reason.map { PQfreemem($0) }
            throw PostgresError(code: .invalidConfiguration, message: message.trimmingTrailingNewlines())
        }
        PQconninfoFree(options)
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }
}
