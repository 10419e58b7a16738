import Foundation
import PlutusTestSupport
import PlutusWire
import ProcessSupport
import RPCCore
import RPCTransport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// 100,000 random and mutated frames thrown at a real service process over its Unix socket.
/// The server must survive, keep answering, and keep its memory bounded.
@Suite("Live server fuzzing")
struct LiveServerFuzzTests {
    @Test(.timeLimit(.minutes(5)))
    func aHundredThousandHostileFramesNeitherCrashNorBloatTheServer() async throws {
        let directory = "/tmp/plutus-fuzz-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let socket = directory + "/vector.sock"
        let server = try ChildProcess.spawn(
            Repository.product("plutus-vector"),
            ["--listen", "unix://\(socket)", "--log-level", "error", "--max-frame-bytes", "65536"],
            standardError: .appendingTo(path: directory + "/vector.log"))
        defer { server.forceKill() }
        try await waitUntilServing(socket)

        var generator = HostileFrames(seed: 0xF022_5EED)
        let firstHalf = try await throwFrames(50_000, at: socket, using: &generator)
        #expect(await HealthProbe.servesWithin(.seconds(60), .unix(path: socket)), "the server still answers after the first half")
        let residentAfterFirstHalf = try Self.residentKilobytes(of: server.pid)
        let secondHalf = try await throwFrames(50_000, at: socket, using: &generator)
        #expect(await HealthProbe.servesWithin(.seconds(60), .unix(path: socket)), "the server still answers after all 100,000 frames")
        let residentAtEnd = try Self.residentKilobytes(of: server.pid)

        #expect(firstHalf.frames + secondHalf.frames == 100_000)
        #expect(firstHalf.connections > 1_000, "hostile frames cost the sender its connection")
        // Bounded: the second 50,000 frames may not grow the server by more than 16 MiB.
        #expect(
            residentAtEnd - residentAfterFirstHalf < 16 * 1024,
            "resident memory grew from \(residentAfterFirstHalf) kB to \(residentAtEnd) kB")
        server.terminate()
        #expect(await server.termination() == .exited(0), "it still shuts down cleanly")
    }

    struct Tally {
        var frames = 0
        var connections = 0
    }

    /// Sends `count` frames in batches, one connection per batch; the server closes a connection
    /// at the first frame it cannot accept, so the rest of that batch may be refused by the socket.
    private func throwFrames(_ count: Int, at socket: String, using generator: inout HostileFrames) async throws -> Tally {
        var batches: [[UInt8]] = []
        var tally = Tally()
        while tally.frames < count {
            let size = min(Int.random(in: 1...24, using: &generator.random), count - tally.frames)
            var bytes: [UInt8] = []
            for _ in 0..<size { bytes += generator.next() }
            batches.append(bytes)
            tally.frames += size
        }
        tally.connections = batches.count
        let frames = batches
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            Thread.detachNewThread {
                continuation.resume(with: Result { try RawSocket.send(frames, to: socket) })
            }
        }
        return tally
    }

    private func waitUntilServing(_ socket: String) async throws {
        guard await HealthProbe.servesWithin(.seconds(30), .unix(path: socket)) else {
            throw RPCError(code: .unavailable, message: "plutus-vector did not start")
        }
    }

    static func residentKilobytes(of pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { throw RPCError(code: .internal, message: "no VmRSS for \(pid)") }
        return kilobytes
    }
}

/// Makes frames a careless or hostile client might send, each with its 4-byte length prefix:
/// valid calls, random bytes, bit-flipped and truncated frames, lying lengths, and well-formed
/// frames that break the protocol.
struct HostileFrames {
    var random: SplitMix64
    private var streamID: UInt64 = 0

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func next() -> [UInt8] {
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<20: return prefixed(validRequest())
        case 20..<40: return prefixed(randomBytes(Int.random(in: 0...512, using: &random)))
        case 40..<65: return prefixed(mutated(validRequest()))
        case 65..<72: return lengthOnly(0)
        case 72..<78: return lengthOnly(UInt32.random(in: 65_537...UInt32.max, using: &random))
        case 78..<88: return truncated(validRequest())
        default: return prefixed(protocolViolation())
        }
    }

    private mutating func validRequest() -> [UInt8] {
        streamID += 1
        var frame = Frame()
        frame.streamID = streamID
        frame.kind = .request
        frame.method = HealthService.check.fullName
        frame.metadata = ["traceparent": "00-\(String(repeating: "a", count: 32))-\(String(repeating: "b", count: 16))-01"]
        frame.payload = (try? HealthCheckRequest(service: "fuzz").serializedBytes()) ?? []
        return (try? frame.serializedBytes()) ?? []
    }

    private mutating func protocolViolation() -> [UInt8] {
        var frame = Frame()
        frame.streamID = UInt64.random(in: 0...3, using: &random)
        frame.kind = [FrameKind.message, .end, .cancel, .unspecified, .unrecognized(99)].randomElement(using: &random) ?? .end
        frame.method = ["", "nonsense", "plutus.v1.Nope/Nothing", String(repeating: "x", count: 300)]
            .randomElement(using: &random) ?? ""
        frame.deadlineUnixMs = Int64.random(in: -5...5, using: &random)
        return (try? frame.serializedBytes()) ?? []
    }

    private mutating func mutated(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        guard !bytes.isEmpty else { return bytes }
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let index = Int.random(in: 0..<bytes.count, using: &random)
            bytes[index] ^= UInt8.random(in: 1...255, using: &random)
        }
        return bytes
    }

    private mutating func randomBytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
    }

    private func prefixed(_ body: [UInt8]) -> [UInt8] {
        lengthOnly(UInt32(body.count)) + body
    }

    private func lengthOnly(_ length: UInt32) -> [UInt8] {
        withUnsafeBytes(of: length.bigEndian) { Array($0) }
    }

    /// A frame whose prefix promises more bytes than follow.
    private mutating func truncated(_ body: [UInt8]) -> [UInt8] {
        let kept = Int.random(in: 0..<max(1, body.count), using: &random)
        return lengthOnly(UInt32(body.count)) + body.prefix(kept)
    }
}

/// Blocking Unix-socket writes without NIO, so the fuzzer sends exactly the bytes it made.
enum RawSocket {
    /// Opens one connection per batch, writes it (stopping quietly when the server hangs up),
    /// and closes it.
    static func send(_ batches: [[UInt8]], to path: String) throws {
        for batch in batches {
            let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
            defer { close(descriptor) }
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { buffer in
                for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
            }
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            guard connected == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECONNREFUSED) }
            var offset = 0
            while offset < batch.count {
                let written = batch[offset...].withUnsafeBytes {
                    Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                }
                if written <= 0 { break }  // the server closed the connection: expected
                offset += written
            }
        }
    }
}
