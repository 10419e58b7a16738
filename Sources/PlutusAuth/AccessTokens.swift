public import Foundation
import JWTKit

/// The app's bearer tokens: HS256 JWTs signed with the shared secret `PLUTUS_JWT_SECRET`, whose
/// `sub` is the user's UUID.
///
/// `plutus token` issues them for development; the gateway verifies them on every request.
public struct AccessTokens: Sendable {
    private let keys: JWTKeyCollection
    /// The shortest secret accepted: an HS256 key should be at least as long as its hash.
    public static let minimumSecretLength = 32
    public static let issuer = "plutus"

    private init(keys: JWTKeyCollection) {
        self.keys = keys
    }

    /// Tokens signed and checked with `secret`.
    /// - Throws: ``AccessTokenError/weakSecret`` when it is shorter than ``minimumSecretLength``.
    public static func make(secret: String) async throws -> AccessTokens {
        guard secret.utf8.count >= minimumSecretLength else { throw AccessTokenError.weakSecret }
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        return AccessTokens(keys: keys)
    }

    /// A token for `userID`, valid for `lifetime` from `now`.
    public func issue(userID: String, lifetime: Duration = .seconds(24 * 3600), now: Date = Date()) async throws -> String {
        let seconds = Double(lifetime.components.seconds)
        let claims = Claims(
            sub: SubjectClaim(value: userID), exp: ExpirationClaim(value: now.addingTimeInterval(seconds)),
            iat: IssuedAtClaim(value: now), iss: IssuerClaim(value: Self.issuer))
        return try await keys.sign(claims)
    }

    /// The user id a valid token names.
    /// - Throws: ``AccessTokenError``: expired, or not a token signed with this secret.
    public func verify(_ token: String) async throws -> String {
        let claims: Claims
        do {
            claims = try await keys.verify(token, as: Claims.self)
        } catch let error as JWTError where error.errorType == .claimVerificationFailure && error.failedClaim is ExpirationClaim {
            throw AccessTokenError.expired
        } catch {
            throw AccessTokenError.invalid
        }
        return claims.sub.value
    }

    struct Claims: JWTPayload {
        var sub: SubjectClaim
        var exp: ExpirationClaim
        var iat: IssuedAtClaim
        var iss: IssuerClaim

        func verify(using algorithm: some JWTAlgorithm) async throws {
            try exp.verifyNotExpired()
            guard iss.value == AccessTokens.issuer else {
                throw JWTError.claimVerificationFailure(failedClaim: iss, reason: "not issued by plutus")
            }
        }
    }
}

/// Why a token was refused.
public enum AccessTokenError: Error, Equatable, CustomStringConvertible {
    case weakSecret
    case expired
    case invalid

    public var description: String {
        switch self {
        case .weakSecret: "PLUTUS_JWT_SECRET must be at least \(AccessTokens.minimumSecretLength) characters"
        case .expired: "the token has expired"
        case .invalid: "the token is not valid: malformed, or not signed with this server's secret"
        }
    }
}
