import Foundation

/// The API's OpenAPI 3.1 document (`Sources/GatewayHTTP/Resources/openapi.json`), served at
/// `/api/v1/plutus/openapi.json`. A test holds it to the router's routes, both ways.
public enum OpenAPIDocument {
    /// The document's bytes, as installed beside the executable.
    /// - Throws: when the resource is missing (an install that left the bundle behind).
    public static func load() throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "openapi.json is not in the GatewayHTTP bundle"])
        }
        return Array(try Data(contentsOf: url))
    }
}
