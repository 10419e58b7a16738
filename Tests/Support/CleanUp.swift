/// Runs `body`, then `cleanUp` however `body` ends, and returns or rethrows what `body` did:
/// the `defer` that async clean-up cannot be written as.
public func withCleanUp<Result>(
    _ body: () async throws -> Result, cleanUp: () async -> Void
) async throws -> Result {
    let result: Result
    do {
        result = try await body()
    } catch {
        await cleanUp()
        throw error
    }
    await cleanUp()
    return result
}
