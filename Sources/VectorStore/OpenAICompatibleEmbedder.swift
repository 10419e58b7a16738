public import Foundation
public import HTTPClient

/// Embeddings from an OpenAI-compatible `POST /v1/embeddings` endpoint over libcurl: OpenAI itself, or a
/// local model server (llama.cpp, llama-cpp-python, vLLM). Its ``identifier`` names the endpoint's model and
/// dimension, so a collection filled by it refuses text embedded any other way.
public struct OpenAICompatibleEmbedder: Embedder {
    public let identifier: String
    public let dimension: Int
    private let url: String
    private let model: String
    private let apiKey: String?
    private let http: HTTPClient
    private let timeout: Duration

    /// - Parameters:
    ///   - baseURL: up to `/v1`, such as `http://127.0.0.1:8081/v1`.
    ///   - dimension: what the model returns; an answer of another size is refused.
    public init(
        baseURL: String, model: String, dimension: Int, apiKey: String? = nil, http: HTTPClient,
        timeout: Duration = .seconds(30)
    ) throws {
        guard let parsed = URL(string: baseURL), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
            throw VectorStoreError.invalidArgument("the embeddings URL must be http(s)://host[:port]/v1, not \(baseURL)")
        }
        guard !model.isEmpty else { throw VectorStoreError.invalidArgument("the embeddings endpoint needs a model") }
        guard (1...4_096).contains(dimension) else {
            throw VectorStoreError.invalidArgument("an embedding dimension is 1 to 4096, not \(dimension)")
        }
        self.url = (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + "/embeddings"
        self.model = model
        self.dimension = dimension
        self.apiKey = apiKey.flatMap { $0.isEmpty ? nil : $0 }
        self.http = http
        self.timeout = timeout
        self.identifier = "openai-compatible:\(model):\(dimension)"
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        guard !texts.isEmpty else { return [] }
        var headers: HTTPHeaders = ["content-type": "application/json"]
        if let apiKey { headers.add(name: "authorization", value: "Bearer \(apiKey)") }
        let body = try JSONSerialization.data(withJSONObject: ["model": model, "input": texts, "dimensions": dimension])
        let response: HTTPResponse
        do {
            response = try await http.execute(
                HTTPRequest(method: .post, url: url, headers: headers, body: Array(body), timeout: timeout))
        } catch {
            throw VectorStoreError.unavailable("the embeddings endpoint did not answer: \(error)")
        }
        guard (200..<300).contains(response.status) else {
            throw VectorStoreError.unavailable(
                "the embeddings endpoint answered \(response.status): \(String(decoding: response.body.prefix(300), as: UTF8.self))")
        }
        let answer = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any]
        guard let data = answer?["data"] as? [[String: Any]], data.count == texts.count else {
            throw VectorStoreError.unavailable("the embeddings endpoint's answer has no vector for every text")
        }
        var vectors = [[Float]](repeating: [], count: texts.count)
        for (position, entry) in data.enumerated() {
            let index = entry["index"] as? Int ?? position
            guard vectors.indices.contains(index), let values = entry["embedding"] as? [Double],
                values.count == dimension, values.allSatisfy(\.isFinite)
            else {
                throw VectorStoreError.unavailable(
                    "the embeddings endpoint returned a vector that is not \(dimension) finite numbers")
            }
            vectors[index] = values.map(Float.init)
        }
        guard vectors.allSatisfy({ !$0.isEmpty }) else {
            throw VectorStoreError.unavailable("the embeddings endpoint's answer has no vector for every text")
        }
        return vectors
    }
}
