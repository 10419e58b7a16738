/// Turns text into vectors. A collection remembers which embedder filled it, and refuses text from another.
public protocol Embedder: Sendable {
    /// A stable name for what this embedder computes (stored with each collection it fills).
    var identifier: String { get }
    var dimension: Int { get }
    /// One vector per text, in order.
    func embed(_ texts: [String]) async throws -> [[Float]]
}

/// The default embedder: needs nothing, and gives the same vector for the same text on every machine.
/// Words and their character trigrams (with word boundaries) are hashed (FNV-1a) into 384 signed buckets,
/// words weighing twice a trigram, and the vector is L2-normalised: texts that share words and word parts
/// point the same way. Case and punctuation do not matter.
public struct HashedNGramEmbedder: Embedder {
    public let identifier = "plutus-hashed-ngrams-384-v1"
    public let dimension = 384

    public init() {}

    public func embed(_ texts: [String]) async throws -> [[Float]] { texts.map(vector) }

    /// The vector of `text`.
    public func vector(_ text: String) -> [Float] {
        var vector = [Float](repeating: 0, count: dimension)
        for word in Self.words(text) {
            add(word, weight: 2, to: &vector)
            let bounded = Array(("<" + word + ">").utf8)
            if bounded.count > 3 {
                for start in 0...(bounded.count - 3) { add(bounded[start..<start + 3], weight: 1, to: &vector) }
            }
        }
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? vector.map { $0 / norm } : vector
    }

    private func add(_ bytes: some Sequence<UInt8>, weight: Float, to vector: inout [Float]) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let bucket = Int(hash % UInt64(dimension))
        vector[bucket] += (hash >> 63) == 0 ? weight : -weight
    }

    private func add(_ word: String, weight: Float, to vector: inout [Float]) { add(word.utf8, weight: weight, to: &vector) }

    /// Lower-cased runs of letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}
