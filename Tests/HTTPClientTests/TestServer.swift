import Foundation
import PlutusTestSupport

/// The Python test server (`Tests/Support/http_test_server.py`), one per test process.
///
/// It reads its stdin until EOF, and this process holds the write end of that pipe until it
/// exits, so the server dies with the test process however that ends.
///
/// `@unchecked Sendable`: `process` and `stdin` are set in `init` and never touched again; the
/// other properties are immutable values.
final class TestServer: @unchecked Sendable {
    /// The plain HTTP port.
    let port: Int
    /// The TLS port, serving a self-signed certificate for 127.0.0.1.
    let tlsPort: Int
    /// The PEM file of that certificate, to trust it explicitly.
    let certificateFile: String

    // Kept only so the pipe and the process outlive every test; never used after `init`.
    private let process: Process
    private let stdin: Pipe

    /// The shared server, started on first use.
    static func shared() throws -> TestServer { try started.get() }

    private static let started = Result { try TestServer() }

    private init() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plutus-http-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        certificateFile = directory.appendingPathComponent("cert.pem").path
        let keyFile = directory.appendingPathComponent("key.pem").path
        try Self.makeCertificate(certificateFile, key: keyFile)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Repository.path("Tests/Support/http_test_server.py"),
            "--tls-cert", certificateFile, "--tls-key", keyFile,
        ]
        stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        port = try Self.readPort(stdout.fileHandleForReading)
        tlsPort = try Self.readPort(stdout.fileHandleForReading)
    }

    /// `http://127.0.0.1:PORT` + `path`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// `https://127.0.0.1:TLSPORT` + `path`.
    func tlsURL(_ path: String) -> String { "https://127.0.0.1:\(tlsPort)\(path)" }

    private static func readPort(_ handle: FileHandle) throws -> Int {
        var line: [UInt8] = []
        while let byte = try handle.read(upToCount: 1)?.first, byte != UInt8(ascii: "\n") {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            throw TestServerError(message: "the test server printed \(line) instead of a port")
        }
        return port
    }

    private static func makeCertificate(_ certificate: String, key: String) throws {
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else {
            throw TestServerError(message: "openssl req exited \(openssl.terminationStatus)")
        }
    }
}

struct TestServerError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
