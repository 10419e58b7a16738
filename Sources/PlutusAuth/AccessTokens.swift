public import Foundation
import JWTKit

/// The app's bearer tokens: JWTs whose `sub` is the user's UUID, signed HS256 with the shared
/// secret `PLUTUS_JWT_SECRET`, or RS256/ES256 with a key from the host app's JWKS.
///
/// `plutus token` issues HS256 ones for development; the gateway verifies them on every request:
/// the signature (never `alg: none`), `exp` and `nbf` with a small leeway, `iss`, and `aud` when
/// an audience is set.
public struct AccessTokens: Sendable {
    /// What a token must say to be accepted.
    public struct Policy: Sendable, Hashable {
        /// The `iss` tokens must carry (and issued ones do).
        public var issuer: String
        /// When set, the `aud` tokens must include (and issued ones carry).
        public var audience: String?
        /// Clock skew forgiven on `exp` and `nbf`.
        public var leeway: Duration

        public init(issuer: String = AccessTokens.defaultIssuer, audience: String? = nil, leeway: Duration = .seconds(60)) {
            self.issuer = issuer
            self.audience = audience
            self.leeway = leeway
        }

        /// The policy `PLUTUS_JWT_ISSUER` (default `plutus`) and `PLUTUS_JWT_AUDIENCE` (default
        /// none) describe: what every issuer and verifier of the deployment's tokens shares.
        public init(environment: [String: String]) {
            let value = { (name: String) in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
            self.init(issuer: value("PLUTUS_JWT_ISSUER") ?? AccessTokens.defaultIssuer, audience: value("PLUTUS_JWT_AUDIENCE"))
        }
    }

    private let keys: JWTKeyCollection
    public let policy: Policy
    /// The shortest secret accepted: an HS256 key should be at least as long as its hash.
    public static let minimumSecretLength = 32
    public static let defaultIssuer = "plutus"

    private init(keys: JWTKeyCollection, policy: Policy) {
        self.keys = keys
        self.policy = policy
    }

    /// Tokens signed and checked with `secret`, and checked with the public keys in `jwks` (a JSON
    /// Web Key Set, whose tokens name their key with `kid`).
    /// - Throws: ``AccessTokenError/weakSecret`` when the secret is shorter than
    ///   ``minimumSecretLength``; ``AccessTokenError/badKeySet`` when `jwks` is not a usable set.
    public static func make(secret: String, policy: Policy = Policy(), jwks: String? = nil) async throws -> AccessTokens {
        guard secret.utf8.count >= minimumSecretLength else { throw AccessTokenError.weakSecret }
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        if let jwks {
            do {
                try await keys.add(jwksJSON: jwks)
            } catch {
                throw AccessTokenError.badKeySet("\(error)")
            }
        }
        return AccessTokens(keys: keys, policy: policy)
    }

    /// An HS256 token for `userID`, valid for `lifetime` from `now`, with the policy's issuer and
    /// audience.
    public func issue(userID: String, lifetime: Duration = .seconds(24 * 3600), now: Date = Date()) async throws -> String {
        let claims = Claims(
            sub: SubjectClaim(value: userID), exp: ExpirationClaim(value: now.addingTimeInterval(lifetime.seconds)),
            nbf: nil, iat: IssuedAtClaim(value: now), iss: IssuerClaim(value: policy.issuer),
            aud: policy.audience.map { AudienceClaim(value: [$0]) })
        return try await keys.sign(claims)
    }

    /// The user id a valid token names.
    /// - Throws: ``AccessTokenError``: expired, not yet valid, another issuer or audience, or not
    ///   a token signed with one of this server's keys.
    public func verify(_ token: String, now: Date = Date()) async throws -> String {
        let claims: Claims
        do {
            claims = try await keys.verify(token, as: Claims.self)
        } catch {
            throw AccessTokenError.invalid
        }
        let leeway = policy.leeway.seconds
        guard now.addingTimeInterval(-leeway) < claims.exp.value else { throw AccessTokenError.expired }
        if let nbf = claims.nbf, nbf.value > now.addingTimeInterval(leeway) { throw AccessTokenError.notYetValid }
        guard claims.iss?.value == policy.issuer else { throw AccessTokenError.wrongIssuer }
        if let audience = policy.audience, claims.aud?.value.contains(audience) != true {
            throw AccessTokenError.wrongAudience
        }
        return claims.sub.value
    }

    /// The claims read; checked in ``verify(_:now:)`` against the policy and the clock.
    struct Claims: JWTPayload {
        var sub: SubjectClaim
        var exp: ExpirationClaim
        var nbf: NotBeforeClaim?
        var iat: IssuedAtClaim?
        var iss: IssuerClaim?
        var aud: AudienceClaim?

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }
}

extension Duration {
    fileprivate var seconds: TimeInterval { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// Why a token (or the keys) was refused.
public enum AccessTokenError: Error, Equatable, CustomStringConvertible {
    case weakSecret
    case badKeySet(String)
    case expired
    case notYetValid
    case wrongIssuer
    case wrongAudience
    case invalid

    public var description: String {
        switch self {
        case .weakSecret: "PLUTUS_JWT_SECRET must be at least \(AccessTokens.minimumSecretLength) characters"
        case .badKeySet(let reason): "the JWKS cannot be used: \(reason)"
        case .expired: "the token has expired"
        case .notYetValid: "the token is not valid yet (nbf)"
        case .wrongIssuer: "the token was issued by someone else (iss)"
        case .wrongAudience: "the token is meant for another audience (aud)"
        case .invalid: "the token is not valid: malformed, or not signed with this server's keys"
        }
    }
}
