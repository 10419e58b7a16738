import Foundation
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

/// Resolves a host name to its IPv4 addresses with `getaddrinfo`, on NIO's blocking-work thread
/// pool so the cooperative pool never waits on DNS.
enum DNSResolver {
    struct Failure: Error, CustomStringConvertible {
        let host: String
        let reason: String
        var description: String { "could not resolve '\(host)': \(reason)" }
    }

    /// Every A record of `host`, as dotted quads, sorted and without duplicates.
    static func ipv4Addresses(of host: String) async throws -> [String] {
        try await NIOThreadPool.singleton.runIfActive { try lookUp(host) }
    }

    private static func lookUp(_ host: String) throws -> [String] {
        var hints = addrinfo()
        hints.ai_family = AF_INET
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &results)
        guard status == 0 else { throw Failure(host: host, reason: String(cString: gai_strerror(status))) }
        defer { freeaddrinfo(results) }
        var addresses: Set<String> = []
        var entry = results
        while let current = entry {
            if let socketAddress = current.pointee.ai_addr, current.pointee.ai_family == AF_INET {
                var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
                socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4 in
                    var address = ipv4.pointee.sin_addr
                    _ = inet_ntop(AF_INET, &address, &text, socklen_t(INET_ADDRSTRLEN))
                }
                addresses.insert(String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            entry = current.pointee.ai_next
        }
        return addresses.sorted()
    }
}
