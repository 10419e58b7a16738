/// Where a ``RedisClient`` connects, how it authenticates, and how long it waits.
///
/// Build one in code or from a URL with ``init(url:)``; every field but the endpoint has a default.
public struct RedisConfiguration: Sendable {
    /// The server's address: a TCP host and port, or a Unix socket path.
    public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
        enum Kind: Sendable, Hashable {
            case tcp(host: String, port: Int)
            case unixSocket(path: String)
        }

        let kind: Kind

        /// A TCP server.
        public static func tcp(host: String, port: Int = 6379) -> Endpoint {
            Endpoint(kind: .tcp(host: host, port: port))
        }

        /// A server listening on a Unix domain socket.
        public static func unixSocket(path: String) -> Endpoint {
            Endpoint(kind: .unixSocket(path: path))
        }

        public var description: String {
            switch kind {
            case .tcp(let host, let port): "\(host):\(port)"
            case .unixSocket(let path): "unix:\(path)"
            }
        }
    }

    /// The server's address.
    public var endpoint: Endpoint
    /// The ACL user for `AUTH`; `nil` authenticates as the default user when a password is set.
    public var username: String?
    /// The password for `AUTH`; `nil` sends no `AUTH`.
    public var password: String?
    /// The logical database selected on connect.
    public var database: Int
    /// The most connections (and so dedicated threads) the client opens at once.
    public var poolSize: Int
    /// How long opening a TCP or Unix connection may take.
    public var connectTimeout: Duration
    /// How long a command may wait for its reply; a blocking `XREADGROUP` gets its `BLOCK` time on top.
    public var commandTimeout: Duration
    /// How long a caller waits for a pooled connection when all are busy.
    public var acquireTimeout: Duration

    public init(
        endpoint: Endpoint,
        username: String? = nil,
        password: String? = nil,
        database: Int = 0,
        poolSize: Int = 8,
        connectTimeout: Duration = .seconds(5),
        commandTimeout: Duration = .seconds(5),
        acquireTimeout: Duration = .seconds(10)
    ) {
        self.endpoint = endpoint
        self.username = username
        self.password = password
        self.database = database
        self.poolSize = poolSize
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.acquireTimeout = acquireTimeout
    }
}
