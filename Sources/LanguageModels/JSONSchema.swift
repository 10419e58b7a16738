/// The subset of JSON Schema that tool input schemas use, checked against a model's output:
/// `type` (one or a list), `enum`, `properties`, `required`, `additionalProperties: false`,
/// `items`, `minItems`/`maxItems`, `minLength`/`maxLength`, `minimum`/`maximum`.
///
/// A model's tool input is untrusted: it is checked before anything reads it.
public struct JSONSchema: Sendable, Hashable {
    /// The schema document, as sent to the model.
    public let document: JSONValue

    public init(_ document: JSONValue) {
        self.document = document
    }

    /// Every way `value` breaks the schema, as readable paths and reasons; empty when it conforms.
    public func violations(of value: JSONValue) -> [String] {
        var found: [String] = []
        Self.check(value, against: document, at: "$", into: &found)
        return found
    }

    private static func check(_ value: JSONValue, against schema: JSONValue, at path: String, into found: inout [String]) {
        if let types = allowedTypes(schema), !types.contains(where: { value.conforms(toType: $0) }) {
            found.append("\(path): expected \(types.joined(separator: " or ")), got \(value.typeName)")
            return
        }
        if let choices = schema["enum"]?.arrayValue, !choices.contains(value) {
            found.append("\(path): \(value.jsonText) is not one of \(JSONValue.array(choices).jsonText)")
        }
        switch value {
        case .object(let members): checkObject(members, against: schema, at: path, into: &found)
        case .array(let elements): checkArray(elements, against: schema, at: path, into: &found)
        case .string(let text): checkBounds(text.count, schema, "minLength", "maxLength", "characters", path, &found)
        case .number(let number): checkRange(number, schema, path, &found)
        case .null, .bool: break
        }
    }

    private static func allowedTypes(_ schema: JSONValue) -> [String]? {
        switch schema["type"] {
        case .string(let type): [type]
        case .array(let types): types.compactMap(\.stringValue)
        default: nil
        }
    }

    private static func checkObject(
        _ members: [String: JSONValue], against schema: JSONValue, at path: String, into found: inout [String]
    ) {
        let properties = schema["properties"]?.objectValue ?? [:]
        for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
            found.append("\(path): missing required property \"\(name)\"")
        }
        for (name, member) in members.sorted(by: { $0.key < $1.key }) {
            if let propertySchema = properties[name] {
                check(member, against: propertySchema, at: "\(path).\(name)", into: &found)
            } else if schema["additionalProperties"] == .bool(false) {
                found.append("\(path): unexpected property \"\(name)\"")
            }
        }
    }

    private static func checkArray(
        _ elements: [JSONValue], against schema: JSONValue, at path: String, into found: inout [String]
    ) {
        checkBounds(elements.count, schema, "minItems", "maxItems", "items", path, &found)
        guard let itemSchema = schema["items"] else { return }
        for (index, element) in elements.enumerated() {
            check(element, against: itemSchema, at: "\(path)[\(index)]", into: &found)
        }
    }

    private static func checkBounds(
        _ count: Int, _ schema: JSONValue, _ minimumKey: String, _ maximumKey: String, _ unit: String,
        _ path: String, _ found: inout [String]
    ) {
        if let minimum = schema[minimumKey]?.intValue, count < minimum {
            found.append("\(path): \(count) \(unit), fewer than \(minimum)")
        }
        if let maximum = schema[maximumKey]?.intValue, count > maximum {
            found.append("\(path): \(count) \(unit), more than \(maximum)")
        }
    }

    private static func checkRange(_ number: Double, _ schema: JSONValue, _ path: String, _ found: inout [String]) {
        if let minimum = schema["minimum"]?.doubleValue, number < minimum {
            found.append("\(path): \(number) is below the minimum \(minimum)")
        }
        if let maximum = schema["maximum"]?.doubleValue, number > maximum {
            found.append("\(path): \(number) is above the maximum \(maximum)")
        }
    }
}

extension JSONValue {
    fileprivate func conforms(toType type: String) -> Bool {
        switch (type, self) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array),
            ("object", .object):
            true
        case ("integer", .number): intValue != nil
        default: false
        }
    }
}
