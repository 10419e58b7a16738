import Testing
@testable import VectorStore

@Suite("Hashed n-gram embedder")
struct EmbedderTests {
    let embedder = HashedNGramEmbedder()

    func cosine(_ lhs: [Float], _ rhs: [Float]) -> Float { zip(lhs, rhs).reduce(0) { $0 + $1.0 * $1.1 } }

    @Test func isDeterministicUnitLengthAndThreeHundredEightyFourWide() {
        let vector = embedder.vector("Pay down the Visa card first")
        #expect(vector.count == 384)
        #expect(abs(cosine(vector, vector) - 1) < 1e-5)
        #expect(vector == embedder.vector("pay down the visa card, first!"), "case and punctuation do not matter")
        #expect(embedder.vector("").allSatisfy { $0 == 0 })
    }

    @Test func textsSharingWordsAreCloserThanUnrelatedOnes() {
        let query = embedder.vector("emergency fund savings")
        let related = embedder.vector("building an emergency fund from savings")
        let unrelated = embedder.vector("mortgage refinancing rates")
        #expect(cosine(query, related) > cosine(query, unrelated) + 0.2)
        #expect(cosine(query, embedder.vector("emergancy funds")) > cosine(query, unrelated), "word parts still match")
    }
}
