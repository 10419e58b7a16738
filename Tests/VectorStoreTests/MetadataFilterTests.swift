import Testing
@testable import VectorStore

@Suite("Metadata filters (ChromaDB where)")
struct MetadataFilterTests {
    let item: Metadata = ["kind": .string("insight"), "year": .int(2026), "score": .double(0.75), "pinned": .bool(true)]

    func matches(_ json: String) throws -> Bool {
        try #require(try MetadataFilter.parse(json)).matches(item)
    }

    @Test func equalityAndItsShorthand() throws {
        #expect(try matches(#"{"kind": "insight"}"#))
        #expect(try matches(#"{"kind": {"$eq": "insight"}}"#))
        #expect(try !matches(#"{"kind": {"$eq": "summary"}}"#))
        #expect(try matches(#"{"year": 2026.0}"#), "1 equals 1.0")
        #expect(try !matches(#"{"year": "2026"}"#), "a string never equals a number")
        #expect(try matches(#"{"pinned": true}"#))
        #expect(try !matches(#"{"pinned": 1}"#), "a boolean is not a number")
    }

    @Test func inequalityAndMembership() throws {
        #expect(try matches(#"{"kind": {"$ne": "summary"}}"#))
        #expect(try !matches(#"{"kind": {"$ne": "insight"}}"#))
        #expect(try matches(#"{"kind": {"$in": ["summary", "insight"]}}"#))
        #expect(try !matches(#"{"kind": {"$nin": ["summary", "insight"]}}"#))
        #expect(try matches(#"{"year": {"$in": [2025, 2026]}}"#))
    }

    @Test func numericRanges() throws {
        #expect(try matches(#"{"year": {"$gt": 2025}}"#))
        #expect(try !matches(#"{"year": {"$gt": 2026}}"#))
        #expect(try matches(#"{"year": {"$gte": 2026}}"#))
        #expect(try matches(#"{"score": {"$lt": 1}}"#))
        #expect(try matches(#"{"score": {"$lte": 0.75}}"#))
        #expect(try !matches(#"{"kind": {"$ne": "x"}, "score": {"$lt": 0.5}}"#), "several fields must all match")
    }

    @Test func andOrNest() throws {
        #expect(try matches(#"{"$and": [{"kind": "insight"}, {"$or": [{"year": 1999}, {"pinned": true}]}]}"#))
        #expect(try !matches(#"{"$or": [{"kind": "summary"}, {"year": {"$lt": 2000}}]}"#))
    }

    @Test func aMissingFieldMatchesNoCondition() throws {
        #expect(try !matches(#"{"absent": {"$ne": "x"}}"#))
        #expect(try !matches(#"{"absent": {"$nin": ["x"]}}"#))
        #expect(try !matches(#"{"absent": {"$gt": 0}}"#))
    }

    @Test func emptyFiltersMatchEverything() throws {
        #expect(try MetadataFilter.parse("") == nil)
        #expect(try MetadataFilter.parse("  ") == nil)
        #expect(try MetadataFilter.parse("{}") == nil)
    }

    @Test(arguments: [
        "not json", "[]", #"{"kind": {"$regex": "i.*"}}"#, #"{"$not": {"kind": "x"}}"#,
        #"{"year": {"$gt": "2000"}}"#, #"{"kind": {"$in": "insight"}}"#, #"{"$and": []}"#, #"{"$or": [1]}"#,
        #"{"kind": {"$eq": "a", "$ne": "b"}}"#, #"{"kind": {"$eq": [1]}}"#, #"{"kind": null}"#,
    ])
    func malformedFiltersAreRefusedWithTheReason(json: String) {
        #expect {
            try MetadataFilter.parse(json)
        } throws: { error in
            guard case VectorStoreError.invalidArgument(let reason) = error else { return false }
            return !reason.isEmpty
        }
    }
}
