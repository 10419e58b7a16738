public import Crypto
import Foundation

/// Seals the text Plutus keeps about a person (messages, insights, context snapshots) with
/// AES-256-GCM before it reaches the database, and opens it again.
///
/// Keys come from `PLUTUS_DATA_KEY`: comma-separated `id:base64-of-32-bytes` entries. The first
/// seals; every one opens, so a key rotates by putting the new one first and keeping the old one
/// until its rows are re-sealed. Each ciphertext is stored beside the id of its key, and is
/// bound to where it is stored (`context`), so a sealed value copied to another row does not open.
public struct DataCipher: Sendable {
    /// A sealed value and the id of the key that sealed it.
    public struct Sealed: Sendable, Equatable {
        /// Nonce, ciphertext and tag.
        public let bytes: [UInt8]
        public let keyID: String

        public init(bytes: [UInt8], keyID: String) {
            self.bytes = bytes
            self.keyID = keyID
        }
    }

    /// The id of the key that seals.
    public let activeKeyID: String
    private let keys: [String: SymmetricKey]

    /// - Parameter keys: id and 256-bit key; the first seals.
    /// - Throws: ``DataConfigurationError`` for no keys, a repeated or malformed id, or a key that is not 256 bits.
    public init(keys: [(id: String, key: SymmetricKey)]) throws {
        guard let first = keys.first else { throw DataConfigurationError("PLUTUS_DATA_KEY: no key given") }
        var byID: [String: SymmetricKey] = [:]
        for (id, key) in keys {
            guard !id.isEmpty, id.utf8.count <= 32, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            else { throw DataConfigurationError("PLUTUS_DATA_KEY: key id '\(id)' is not 1–32 letters, digits, - or _") }
            guard key.bitCount == 256 else {
                throw DataConfigurationError("PLUTUS_DATA_KEY: key '\(id)' has \(key.bitCount / 8) bytes, not 32")
            }
            guard byID.updateValue(key, forKey: id) == nil else {
                throw DataConfigurationError("PLUTUS_DATA_KEY: key id '\(id)' appears twice")
            }
        }
        self.activeKeyID = first.id
        self.keys = byID
    }

    /// Reads keys in the `PLUTUS_DATA_KEY` format: `id:base64[,id:base64...]`.
    public init(keyList: String) throws {
        var keys: [(id: String, key: SymmetricKey)] = []
        for entry in keyList.split(separator: ",") {
            let parts = entry.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let bytes = Data(base64Encoded: String(parts[1])) else {
                // Never the entry itself in the message: without its `id:` it may be the key.
                let id = parts.count == 2 ? "'\(parts[0].prefix(32))'" : "number \(keys.count + 1)"
                throw DataConfigurationError("PLUTUS_DATA_KEY: entry \(id) is not id:base64-of-32-bytes")
            }
            keys.append((String(parts[0]), SymmetricKey(data: bytes)))
        }
        try self.init(keys: keys)
    }

    /// The cipher `PLUTUS_DATA_KEY` describes.
    /// - Throws: ``DataConfigurationError`` when it is unset or malformed.
    public static func fromEnvironment() throws -> DataCipher {
        try fromEnvironment(ProcessInfo.processInfo.environment)
    }

    /// The cipher `PLUTUS_DATA_KEY` in `environment` describes.
    public static func fromEnvironment(_ environment: [String: String]) throws -> DataCipher {
        guard let value = environment["PLUTUS_DATA_KEY"], !value.isEmpty else {
            throw DataConfigurationError(
                "PLUTUS_DATA_KEY is not set: give it id:base64-of-32-random-bytes (`plutus keygen` prints one)")
        }
        return try DataCipher(keyList: value)
    }

    /// A new random key in the `PLUTUS_DATA_KEY` format.
    public static func generateKeyEntry(id: String) -> String {
        let key = SymmetricKey(size: .bits256)
        return id + ":" + key.withUnsafeBytes { Data($0).base64EncodedString() }
    }

    /// Seals `plaintext` with the active key, bound to `context` (say `plutus_messages:<id>`).
    public func seal(_ plaintext: [UInt8], context: String) throws -> Sealed {
        guard let key = keys[activeKeyID] else { throw DataCipherError.unknownKey(activeKeyID) }
        let box = try AES.GCM.seal(plaintext, using: key, authenticating: Array(context.utf8))
        guard let combined = box.combined else { throw DataCipherError.cannotOpen(context: context) }
        return Sealed(bytes: Array(combined), keyID: activeKeyID)
    }

    /// Seals UTF-8 text.
    public func seal(_ text: String, context: String) throws -> Sealed {
        try seal(Array(text.utf8), context: context)
    }

    /// Opens what ``seal(_:context:)-([UInt8],_)`` sealed with the same `context`.
    /// - Throws: ``DataCipherError`` for a key this cipher does not have, or bytes that were
    ///   altered or sealed for another context.
    public func open(_ sealed: Sealed, context: String) throws -> [UInt8] {
        guard let key = keys[sealed.keyID] else { throw DataCipherError.unknownKey(sealed.keyID) }
        do {
            let box = try AES.GCM.SealedBox(combined: sealed.bytes)
            return Array(try AES.GCM.open(box, using: key, authenticating: Array(context.utf8)))
        } catch {
            throw DataCipherError.cannotOpen(context: context)
        }
    }

    /// Opens sealed UTF-8 text.
    public func openText(_ sealed: Sealed, context: String) throws -> String {
        String(decoding: try open(sealed, context: context), as: UTF8.self)
    }
}

/// Why a sealed value did not open.
public enum DataCipherError: Error, Equatable, CustomStringConvertible {
    /// Sealed with a key id `PLUTUS_DATA_KEY` does not list (a key retired too early).
    case unknownKey(String)
    /// Altered, truncated, or sealed for another place.
    case cannotOpen(context: String)

    public var description: String {
        switch self {
        case .unknownKey(let id): "sealed with key '\(id)', which PLUTUS_DATA_KEY does not list"
        case .cannotOpen(let context): "the sealed value for \(context) does not open: altered, or not sealed for it"
        }
    }
}
