import Foundation
import PlutusData
import Testing

/// `isUUID` accepts what Foundation's `UUID(uuidString:)` accepts, except the blanks its `sscanf` skips.
@Suite struct UUIDTextTests {
    @Test(arguments: [
        "2f1c1b9e-8d4a-4c1e-9f3b-0a1b2c3d4e5f", "2F1C1B9E-8D4A-4C1E-9F3B-0A1B2C3D4E5F", "2f1C1b9E-8d4A-4c1E-9f3B-0a1B2c3D4e5F",
        "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
        "", "2f1c1b9e8d4a4c1e9f3b0a1b2c3d4e5f", "2f1c1b9e-8d4a-4c1e-9f3b-0a1b2c3d4e5", "2f1c1b9e-8d4a-4c1e-9f3b-0a1b2c3d4e5f0",
        "{2f1c1b9e-8d4a-4c1e-9f3b-0a1b2c3d4e5f}", "2f1c1b9e_8d4a-4c1e-9f3b-0a1b2c3d4e5f", "2f1c1b9e-8d4a-4c1e-9f3b-0a1b2c3d4e5g",
        "2f1c1b9e-8d4a4-c1e-9f3b-0a1b2c3d4e5f", "2f1c1b9e-8d4a-4c1e-9f3b-0a1b2c3d4é5",
        "2f1c1b9e-8d4a-4c1e-9f3b-0a1b2c3d4e5\u{0}", "2f1c1b9e-8d4a-4c1e-9f3b-0a1b2c3d4e5-",
    ])
    func agreesWithFoundation(_ text: String) {
        #expect(text.isUUID == (UUID(uuidString: text) != nil), "\(text)")
    }

    @Test func blanksAreNeverPartOfOne() {
        // Foundation's `sscanf("%2hhx")` skips a blank before a pair of digits and so takes this one.
        #expect(!" 2f1c1b9e-8d4a-4c1e-9f3b-0a1b2c3d4e5".isUUID)
        #expect(!"2f1c1b9e- 8d4-4c1e-9f3b-0a1b2c3d4e5f".isUUID)
    }

    @Test func everyGeneratedUUIDIsOne() {
        for _ in 0..<1_000 {
            let uuid = UUID().uuidString
            #expect(uuid.isUUID && uuid.lowercased().isUUID && Substring(uuid).isUUID)
        }
    }
}
