import Foundation
import Hummingbird

/// `GET /readyz`: whether this gateway can answer, dependency by dependency. 200 when every check
/// passes, else 503; either way the body says which failed and why.
public struct Readiness: Sendable {
    /// One dependency's state.
    public struct Check: Sendable {
        public let name: String
        public let ready: Bool
        public let detail: String

        public init(name: String, ready: Bool, detail: String) {
            self.name = name
            self.ready = ready
            self.detail = detail
        }
    }

    let checks: @Sendable () async -> [Check]

    /// - Parameter checks: run on every probe, concurrently where they can be; each should give
    ///   up within a second or two.
    public init(checks: @escaping @Sendable () async -> [Check]) {
        self.checks = checks
    }

    /// Runs `probe` as the check `name`, failed after `timeout` or on an error; `probe` returns
    /// what to report when it passes.
    public static func check(
        _ name: String, timeout: Duration = .seconds(2), _ probe: @escaping @Sendable () async throws -> String
    ) async -> Check {
        await withTaskGroup(of: Check?.self) { group in
            group.addTask {
                do {
                    return Check(name: name, ready: true, detail: try await probe())
                } catch {
                    return Check(name: name, ready: false, detail: "\(error)")
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return Task.isCancelled ? nil : Check(name: name, ready: false, detail: "no answer within \(timeout)")
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? Check(name: name, ready: false, detail: "no answer")
        }
    }

    struct Body: Encodable {
        struct Entry: Encodable {
            let ready: Bool
            let detail: String
        }

        let status: String
        let checks: [String: Entry]
    }

    func respond() async throws -> Response {
        let results = await checks()
        let ready = results.allSatisfy(\.ready)
        let body = Body(
            status: ready ? "ready" : "not_ready",
            checks: Dictionary(results.map { ($0.name, Body.Entry(ready: $0.ready, detail: $0.detail)) }) { first, _ in first })
        return try JSONResponse.make(ready ? .ok : .serviceUnavailable, body)
    }
}
