import Crypto
import Foundation
import PlutusData
import Testing

@Suite struct DataCipherTests {
    static let newKey = DataCipher.generateKeyEntry(id: "k2")
    static let oldKey = DataCipher.generateKeyEntry(id: "k1")
    let cipher: DataCipher

    init() throws {
        cipher = try DataCipher(keyList: Self.newKey + "," + Self.oldKey)
    }

    @Test func sealedTextOpensOnlyInItsOwnContext() throws {
        let sealed = try cipher.seal("I owe $12,400 on my card", context: "plutus_messages:1")
        #expect(sealed.keyID == "k2")
        #expect(!String(decoding: sealed.bytes, as: UTF8.self).contains("12,400"))
        #expect(try cipher.openText(sealed, context: "plutus_messages:1") == "I owe $12,400 on my card")
        #expect(throws: DataCipherError.cannotOpen(context: "plutus_messages:2")) {
            try cipher.open(sealed, context: "plutus_messages:2")
        }
    }

    @Test func sealingTwiceGivesDifferentBytes() throws {
        let first = try cipher.seal("same", context: "c")
        let second = try cipher.seal("same", context: "c")
        #expect(first.bytes != second.bytes)
    }

    @Test func alteredBytesDoNotOpen() throws {
        var sealed = try cipher.seal("balance 5,000", context: "c")
        var bytes = sealed.bytes
        bytes[bytes.count / 2] ^= 0x01
        sealed = DataCipher.Sealed(bytes: bytes, keyID: sealed.keyID)
        #expect(throws: DataCipherError.self) { try cipher.open(sealed, context: "c") }
        #expect(throws: DataCipherError.self) { try cipher.open(.init(bytes: [1, 2, 3], keyID: "k2"), context: "c") }
    }

    @Test func oldKeysStillOpenAfterRotation() throws {
        let old = try DataCipher(keyList: Self.oldKey)
        let sealedWithOld = try old.seal("from before", context: "c")
        #expect(try cipher.openText(sealedWithOld, context: "c") == "from before")
        #expect(throws: DataCipherError.unknownKey("k2")) {
            try old.open(try cipher.seal("new", context: "c"), context: "c")
        }
    }

    @Test(arguments: [
        "", "nokey", "k1:not base64!", "k1:" + Data(repeating: 1, count: 16).base64EncodedString(),
        "bad id:" + Data(repeating: 1, count: 32).base64EncodedString(),
        "k1:" + Data(repeating: 1, count: 32).base64EncodedString() + ",k1:" + Data(repeating: 2, count: 32).base64EncodedString(),
    ])
    func badKeySettingsAreRefused(value: String) {
        #expect(throws: DataConfigurationError.self) { try DataCipher(keyList: value) }
    }

    @Test func aMalformedEntryIsNotEchoedIntoTheError() {
        let bareKey = Data(repeating: 0xAB, count: 32).base64EncodedString()
        let error = #expect(throws: DataConfigurationError.self) { try DataCipher(keyList: bareKey + "!") }
        #expect(error?.description.contains(bareKey.prefix(12)) == false)
        #expect(error?.description.contains("entry number 1") == true)
    }

    @Test func anUnsetKeyNamesTheVariable() {
        let error = #expect(throws: DataConfigurationError.self) { try DataCipher.fromEnvironment([:]) }
        #expect(error?.description.contains("PLUTUS_DATA_KEY") == true)
    }
}
