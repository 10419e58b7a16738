import ArgumentParser
import Foundation
import PlutusAuth

/// `plutus token`: a bearer token for a user, signed with `PLUTUS_JWT_SECRET`.
struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a JWT (HS256, signed with $PLUTUS_JWT_SECRET) for a user, for the app's API.")

    @Option(help: "The user's UUID.")
    var user: String

    @Option(help: "Hours the token stays valid.")
    var hours = 24

    func validate() throws {
        guard UUID(uuidString: user) != nil else { throw ValidationError("--user must be a UUID, not '\(user)'") }
        guard (1...24 * 365).contains(hours) else { throw ValidationError("--hours must be from 1 to 8760") }
    }

    func run() async throws {
        guard let secret = ProcessInfo.processInfo.environment["PLUTUS_JWT_SECRET"], !secret.isEmpty else {
            throw ValidationError("PLUTUS_JWT_SECRET is not set")
        }
        let tokens: AccessTokens
        do {
            tokens = try await AccessTokens.make(secret: secret, policy: .init(environment: ProcessInfo.processInfo.environment))
        } catch {
            throw ValidationError("\(error)")
        }
        print(try await tokens.issue(userID: user.lowercased(), lifetime: .seconds(hours * 3600)))
    }
}
