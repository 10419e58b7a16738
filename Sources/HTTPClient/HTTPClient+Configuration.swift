extension HTTPClient {
    /// How an ``HTTPClient`` makes its requests. Every value has a default.
    public struct Configuration: Sendable {
        /// The total time allowed for a transfer, streamed body included; `nil` means none.
        /// A request's own ``HTTPRequest/timeout`` overrides it.
        public var timeout: Duration?
        /// The time allowed to connect, TLS handshake included. A request's own
        /// ``HTTPRequest/connectTimeout`` overrides it.
        public var connectTimeout: Duration
        /// Certificate verification settings.
        public var tls: TLS
        /// Where the proxy variables are read from.
        public var proxy: ProxyEnvironment
        /// How many redirects are followed; `0` returns 3xx responses as they are.
        public var maximumRedirects: Int
        /// The largest body ``HTTPClient/execute(_:)`` buffers before failing with
        /// ``HTTPClientError/Code/responseTooLarge``.
        public var maximumBodySize: Int
        /// How many bytes a streamed body buffers before the transfer is paused until the consumer
        /// catches up.
        public var streamBufferSize: Int
        /// The `User-Agent` sent unless a request sets its own; `nil` sends none.
        public var userAgent: String?

        /// Creates a configuration; every argument has a sensible default.
        public init(
            timeout: Duration? = .seconds(60),
            connectTimeout: Duration = .seconds(10),
            tls: TLS = TLS(),
            proxy: ProxyEnvironment = .process,
            maximumRedirects: Int = 5,
            maximumBodySize: Int = 64 << 20,
            streamBufferSize: Int = 256 << 10,
            userAgent: String? = "plutus-http/1"
        ) {
            self.timeout = timeout
            self.connectTimeout = connectTimeout
            self.tls = tls
            self.proxy = proxy
            self.maximumRedirects = maximumRedirects
            self.maximumBodySize = maximumBodySize
            self.streamBufferSize = streamBufferSize
            self.userAgent = userAgent
        }

        /// The defaults: 60 s total, 10 s to connect, TLS verified, proxies from the process
        /// environment.
        public static var defaults: Configuration { Configuration() }
    }
}

extension HTTPClient.Configuration {
    /// TLS settings. Verification is on unless turned off explicitly.
    public struct TLS: Sendable, Hashable {
        /// Whether the peer's certificate chain is verified (`CURLOPT_SSL_VERIFYPEER`).
        public var verifyPeer: Bool
        /// Whether the certificate must name the host (`CURLOPT_SSL_VERIFYHOST`).
        public var verifyHost: Bool
        /// A PEM file of trusted certificates replacing the system's (`CURLOPT_CAINFO`).
        public var caFile: String?

        public init(verifyPeer: Bool = true, verifyHost: Bool = true, caFile: String? = nil) {
            self.verifyPeer = verifyPeer
            self.verifyHost = verifyHost
            self.caFile = caFile
        }
    }
}
