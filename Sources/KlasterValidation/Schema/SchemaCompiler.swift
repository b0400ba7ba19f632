/// Turns a schema document into ``SchemaNode``s: one node per subschema reached from the root,
/// `$ref` resolved to local JSON Pointers (`#`, `#/$defs/name`, any `#/...`), cycles allowed.
struct SchemaCompiler {
    let document: JSONValue
    let file: String
    var nodes: [SchemaNode] = []
    var byLocation: [String: Int] = [:]
    var pendingRefs: [(node: Int, ref: String, location: String)] = []
    var unsupported: [String] = []

    init(document: JSONValue, file: String) {
        self.document = document
        self.file = file
    }

    /// Keywords that change a verdict but that Klaster does not apply; a schema using them is
    /// compiled, and ``JSONSchema/unsupportedKeywords`` lists where.
    static let unsupportedKeywords: Set<String> = [
        "multipleOf", "patternProperties", "propertyNames", "prefixItems", "contains", "minContains",
        "maxContains", "dependentRequired", "dependentSchemas", "dependencies", "if", "then", "else",
        "unevaluatedProperties", "unevaluatedItems", "$dynamicRef", "$recursiveRef", "additionalItems",
    ]

    mutating func compileAll() throws(SchemaError) {
        _ = try compile(document, at: "")
        while let pending = pendingRefs.popLast() {
            let target = try resolve(pending.ref, at: pending.location)
            nodes[pending.node].ref = target
        }
        finish()
    }

    func error(_ code: SchemaError.Code, _ message: String, _ location: String) -> SchemaError {
        SchemaError(code, message, file: file, location: location.isEmpty ? "/" : location)
    }

    mutating func compile(_ value: JSONValue, at location: String) throws(SchemaError) -> Int {
        if let existing = byLocation[location] { return existing }
        let index = nodes.count
        byLocation[location] = index
        switch value {
        case .bool(let b):
            nodes.append(SchemaNode(location: location, boolean: b))
            return index
        case .object(let object):
            nodes.append(SchemaNode(location: location))
            var node = SchemaNode(location: location)
            try fill(&node, index: index, from: object, at: location)
            nodes[index] = node
            return index
        default:
            throw error(.keyword, "a schema must be an object or a boolean", location)
        }
    }

    private mutating func fill(_ node: inout SchemaNode, index: Int, from object: JSONObject, at location: String) throws(SchemaError) {
        for (key, value) in object.entries {
            let here = location + "/" + JSONSchema.escapePointerToken(key)
            switch key {
            case "type": node.types = try types(value, here)
            case "const": node.constValue = value
            case "enum":
                guard case .array(let values) = value else { throw error(.keyword, "enum must be an array", here) }
                node.enumValues = values
            case "minLength": node.minLength = try count(value, here)
            case "maxLength": node.maxLength = try count(value, here)
            case "pattern":
                guard case .string(let source) = value else { throw error(.keyword, "pattern must be a string", here) }
                do {
                    node.pattern = try SchemaPattern(source)
                } catch {
                    throw self.error(.pattern, error.message, here)
                }
            case "format":
                guard case .string(let name) = value else { throw error(.keyword, "format must be a string", here) }
                node.format = SchemaFormat(rawValue: name)
            case "minimum": node.minimum = try number(value, here)
            case "maximum": node.maximum = try number(value, here)
            case "exclusiveMinimum": node.exclusiveMinimum = try number(value, here)
            case "exclusiveMaximum": node.exclusiveMaximum = try number(value, here)
            case "items": node.items = try compile(value, at: here)
            case "minItems": node.minItems = try count(value, here)
            case "maxItems": node.maxItems = try count(value, here)
            case "uniqueItems":
                guard case .bool(let b) = value else { throw error(.keyword, "uniqueItems must be true or false", here) }
                node.uniqueItems = b
            case "properties":
                guard case .object(let properties) = value else { throw error(.keyword, "properties must be an object", here) }
                for (name, subschema) in properties.entries {
                    let child = try compile(subschema, at: here + "/" + JSONSchema.escapePointerToken(name))
                    node.propertyOrder.append((name, child))
                    node.properties[name] = child
                }
            case "required":
                guard case .array(let names) = value, names.allSatisfy({ $0.stringValue != nil }) else {
                    throw error(.keyword, "required must be an array of strings", here)
                }
                node.required = names.compactMap(\.stringValue)
            case "additionalProperties": node.additionalProperties = try compile(value, at: here)
            case "minProperties": node.minProperties = try count(value, here)
            case "maxProperties": node.maxProperties = try count(value, here)
            case "$ref":
                guard case .string(let ref) = value else { throw error(.keyword, "$ref must be a string", here) }
                pendingRefs.append((index, ref, here))
            case "allOf": node.allOf = try list(value, here)
            case "anyOf": node.anyOf = try list(value, here)
            case "oneOf": node.oneOf = try list(value, here)
            case "not": node.not = try compile(value, at: here)
            case "$defs", "definitions":
                guard case .object(let defs) = value else { throw error(.keyword, "\(key) must be an object", here) }
                for (name, subschema) in defs.entries {
                    _ = try compile(subschema, at: here + "/" + JSONSchema.escapePointerToken(name))
                }
            case "x-ref":
                guard let target = SchemaRefTarget(value) else {
                    throw error(.keyword, "x-ref must be a kind, a list of kinds, or \"any\"", here)
                }
                node.xRef = target
            case "x-unique":
                guard case .bool(let unique) = value else { throw error(.keyword, "x-unique must be true or false", here) }
                node.xUnique = unique
            case "x-check":
                guard case .string(let name) = value, let rule = DomainRule(rawValue: name) else {
                    let known = DomainRule.allCases.map(\.rawValue).joined(separator: ", ")
                    throw error(.keyword, "x-check must be one of: \(known)", here)
                }
                node.xCheck = rule
            case "x-merge":
                guard case .string(let name) = value, let strategy = MergeStrategy(rawValue: name) else {
                    throw error(.keyword, "x-merge must be one of: set, keyed, text", here)
                }
                node.xMerge = strategy
            case "x-merge-key":
                guard case .string(let field) = value else { throw error(.keyword, "x-merge-key must be a string", here) }
                node.xMergeKey = field
            case "title": node.title = value.stringValue
            default:
                if Self.unsupportedKeywords.contains(key) { unsupported.append(here) }
            }
        }
        if node.xMerge == .keyed, node.xMergeKey == nil {
            throw error(.keyword, "x-merge: keyed needs x-merge-key", location)
        }
    }

    private func types(_ value: JSONValue, _ here: String) throws(SchemaError) -> SchemaTypes {
        let names: [JSONValue]
        switch value {
        case .string: names = [value]
        case .array(let items): names = items
        default: throw error(.keyword, "type must be a type name or an array of them", here)
        }
        var set: SchemaTypes = []
        for name in names {
            guard let text = name.stringValue, let type = SchemaTypes(name: text) else {
                throw error(.keyword, "unknown type \(name)", here)
            }
            set.formUnion(type)
        }
        return set
    }

    private func count(_ value: JSONValue, _ here: String) throws(SchemaError) -> Int {
        guard case .number(let n) = value, n.isInteger, n.doubleValue >= 0, n.doubleValue < 1e15 else {
            throw error(.keyword, "expected a non-negative integer", here)
        }
        return Int(n.doubleValue)
    }

    private func number(_ value: JSONValue, _ here: String) throws(SchemaError) -> JSONNumber {
        guard case .number(let n) = value else { throw error(.keyword, "expected a number", here) }
        return n
    }

    private mutating func list(_ value: JSONValue, _ here: String) throws(SchemaError) -> [Int] {
        guard case .array(let items) = value, !items.isEmpty else { throw error(.keyword, "expected a non-empty array of schemas", here) }
        var out: [Int] = []
        for (i, item) in items.enumerated() { out.append(try compile(item, at: here + "/\(i)")) }
        return out
    }

    /// Compiles (or finds) the subschema a local `$ref` names.
    private mutating func resolve(_ ref: String, at here: String) throws(SchemaError) -> Int {
        guard ref.hasPrefix("#") else {
            throw error(.ref, "only references within the same file (#/$defs/...) are supported, not \(ref)", here)
        }
        guard let pointer = Self.percentDecoded(String(ref.dropFirst())), pointer.isEmpty || pointer.hasPrefix("/") else {
            throw error(.ref, "\(ref) is not a JSON Pointer reference", here)
        }
        if let existing = byLocation[pointer] { return existing }
        var target = document
        for token in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let key = token.replacingOccurrences("~1", "/").replacingOccurrences("~0", "~")
            switch target {
            case .object(let object) where object[key] != nil: target = object[key]!
            case .array(let items) where Int(key).map({ items.indices.contains($0) }) == true: target = items[Int(key)!]
            default: throw error(.ref, "\(ref) points at nothing in this schema", here)
            }
        }
        return try compile(target, at: pointer)
    }

    private static func percentDecoded(_ text: String) -> String? {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let c = utf8.popFirst() {
            if c == UInt8(ascii: "%") {
                guard utf8.count >= 2, let v = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(v)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(c)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

extension Substring {
    fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        var out = ""
        var rest = self
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        self[...].replacingOccurrences(target, replacement)
    }
}
