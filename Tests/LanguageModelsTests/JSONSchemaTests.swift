import LanguageModels
import Testing

struct JSONSchemaTests {
    let schema = JSONSchema([
        "type": "object",
        "properties": [
            "route": ["type": "string", "enum": ["a", "b"]],
            "confidence": ["type": "number", "minimum": 0, "maximum": 1],
            "count": ["type": ["integer", "null"]],
            "tags": ["type": "array", "items": ["type": "string", "minLength": 1], "maxItems": 2],
        ],
        "required": ["route", "confidence"],
        "additionalProperties": false,
    ])

    @Test("conforming input has no violations")
    func conforming() {
        #expect(schema.violations(of: ["route": "a", "confidence": 0.5, "count": nil, "tags": ["x"]]).isEmpty)
        #expect(schema.violations(of: ["route": "b", "confidence": 1, "count": 3]).isEmpty)
    }

    @Test("each rule reports where and why")
    func violations() {
        let found = schema.violations(of: ["route": "c", "confidence": 1.5, "count": 2.5, "tags": ["", "y", "z"], "extra": true])
        #expect(found == [
            "$.confidence: 1.5 is above the maximum 1.0",
            "$.count: expected integer or null, got number",
            "$: unexpected property \"extra\"",
            "$.route: \"c\" is not one of [\"a\",\"b\"]",
            "$.tags: 3 items, more than 2",
            "$.tags[0]: 0 characters, fewer than 1",
        ])
    }

    @Test("missing required properties and wrong top-level types")
    func shape() {
        #expect(schema.violations(of: ["route": "a"]) == ["$: missing required property \"confidence\""])
        #expect(schema.violations(of: "not json") == ["$: expected object, got string"])
    }
}
