import Foundation
import JWTKit
import PlutusAuth
import Testing

@Suite struct AccessTokenTests {
    let secret = String(repeating: "s3cr3t-", count: 6)
    let user = "0b9f4a52-3c1e-4d7a-9a55-6f0e2d1c8b01"

    @Test func anIssuedTokenVerifiesToItsUser() async throws {
        let tokens = try await AccessTokens.make(secret: secret)
        let token = try await tokens.issue(userID: user)
        #expect(token.split(separator: ".").count == 3)
        #expect(try await tokens.verify(token) == user)
    }

    @Test func anExpiredTokenIsRefused() async throws {
        let tokens = try await AccessTokens.make(secret: secret)
        let token = try await tokens.issue(userID: user, lifetime: .seconds(60), now: Date().addingTimeInterval(-3600))
        await #expect(throws: AccessTokenError.expired) { try await tokens.verify(token) }
    }

    @Test func anotherSecretsTokenOrATamperedOneIsRefused() async throws {
        let tokens = try await AccessTokens.make(secret: secret)
        let other = try await AccessTokens.make(secret: String(secret.reversed()))
        await #expect(throws: AccessTokenError.invalid) { try await tokens.verify(try await other.issue(userID: user)) }
        let token = try await tokens.issue(userID: user)
        var parts = token.split(separator: ".").map(String.init)
        let forged = try await other.issue(userID: "00000000-0000-0000-0000-000000000000").split(separator: ".")
        parts[1] = String(forged[1])  // someone else's claims under this signature
        await #expect(throws: AccessTokenError.invalid) { try await tokens.verify(parts.joined(separator: ".")) }
        for garbage in ["", "a.b.c", "not a token", token + "x"] {
            await #expect(throws: AccessTokenError.invalid) { try await tokens.verify(garbage) }
        }
    }

    @Test func anUnsignedTokenIsRefused() async throws {
        let tokens = try await AccessTokens.make(secret: secret)
        let header = Data(#"{"alg":"none","typ":"JWT"}"#.utf8).base64EncodedString()
        let claims = Data(#"{"sub":"x","exp":9999999999,"iat":0,"iss":"plutus"}"#.utf8).base64EncodedString()
        await #expect(throws: AccessTokenError.invalid) { try await tokens.verify("\(header).\(claims).") }
    }

    @Test func anotherIssuersTokenIsInvalidNotExpired() async throws {
        struct Foreign: JWTPayload {
            var sub: SubjectClaim
            var exp: ExpirationClaim
            var iat: IssuedAtClaim
            var iss: IssuerClaim
            func verify(using algorithm: some JWTAlgorithm) async throws {}
        }
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        let token = try await keys.sign(
            Foreign(
                sub: .init(value: user), exp: .init(value: Date().addingTimeInterval(3600)), iat: .init(value: Date()),
                iss: .init(value: "someone-else")))
        let tokens = try await AccessTokens.make(secret: secret)
        await #expect(throws: AccessTokenError.wrongIssuer) { try await tokens.verify(token) }
    }

    /// The claims a host app's token may carry, signed with `keys`.
    struct HostClaims: JWTPayload {
        var sub: SubjectClaim
        var exp: ExpirationClaim
        var nbf: NotBeforeClaim?
        var iss: IssuerClaim
        var aud: AudienceClaim?
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    func hostToken(
        _ keys: JWTKeyCollection, kid: String? = nil, expires: TimeInterval = 3600, notBefore: TimeInterval? = nil,
        issuer: String = "wealthify", audience: [String]? = ["plutus-api"]
    ) async throws -> String {
        let now = Date()
        return try await keys.sign(
            HostClaims(
                sub: .init(value: user), exp: .init(value: now.addingTimeInterval(expires)),
                nbf: notBefore.map { .init(value: now.addingTimeInterval($0)) }, iss: .init(value: issuer),
                aud: audience.map { .init(value: $0) }),
            kid: kid.map { JWKIdentifier(string: $0) })
    }

    @Test func theIssuerAudienceAndClockAreChecked() async throws {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        let tokens = try await AccessTokens.make(
            secret: secret, policy: .init(issuer: "wealthify", audience: "plutus-api", leeway: .seconds(60)))
        #expect(try await tokens.verify(try await hostToken(keys)) == user)
        // Within the leeway either way: a clock a little behind or ahead.
        #expect(try await tokens.verify(try await hostToken(keys, expires: -30)) == user)
        #expect(try await tokens.verify(try await hostToken(keys, notBefore: 30)) == user)
        await #expect(throws: AccessTokenError.expired) { try await tokens.verify(try await hostToken(keys, expires: -120)) }
        await #expect(throws: AccessTokenError.notYetValid) { try await tokens.verify(try await hostToken(keys, notBefore: 600)) }
        await #expect(throws: AccessTokenError.wrongIssuer) { try await tokens.verify(try await hostToken(keys, issuer: "plutus")) }
        await #expect(throws: AccessTokenError.wrongAudience) {
            try await tokens.verify(try await hostToken(keys, audience: ["another-api"]))
        }
        await #expect(throws: AccessTokenError.wrongAudience) { try await tokens.verify(try await hostToken(keys, audience: nil)) }
        // What it issues passes its own checks.
        #expect(try await tokens.verify(try await tokens.issue(userID: user)) == user)
    }

    @Test func aHostAppsES256KeyFromAJWKSVerifies() async throws {
        let signing = ES256PrivateKey()
        let parameters = try #require(signing.publicKey.parameters)
        let jwks = #"{"keys":[{"kty":"EC","crv":"P-256","alg":"ES256","use":"sig","kid":"host-1","x":"\#(parameters.x)","y":"\#(parameters.y)"}]}"#
        let tokens = try await AccessTokens.make(secret: secret, policy: .init(issuer: "wealthify", audience: "plutus-api"), jwks: jwks)
        let host = JWTKeyCollection()
        await host.add(ecdsa: signing, kid: "host-1")
        #expect(try await tokens.verify(try await hostToken(host, kid: "host-1")) == user)
        // Another key under the same kid does not.
        let impostor = JWTKeyCollection()
        await impostor.add(ecdsa: ES256PrivateKey(), kid: "host-1")
        await #expect(throws: AccessTokenError.invalid) { try await tokens.verify(try await hostToken(impostor, kid: "host-1")) }
        await #expect(throws: AccessTokenError.self) { try await AccessTokens.make(secret: secret, jwks: #"{"keys": 7}"#) }
    }

    @Test func aShortSecretIsRefused() async throws {
        await #expect(throws: AccessTokenError.weakSecret) { try await AccessTokens.make(secret: "short") }
    }
}
