/// How `x-merge` says an array or long string merges (SPEC §3, §8).
public enum MergeStrategy: String, Hashable, Sendable, CaseIterable {
    /// Unordered, no duplicates.
    case set
    /// A list of objects matched by the field named in `x-merge-key`.
    case keyed
    /// A multi-line string merged line by line.
    case text
}

/// One compiled (sub)schema. Subschemas are indices into ``JSONSchema/nodes``, so `$ref` cycles
/// are plain back edges.
///
/// Hot code reads fields in place (`nodes[s].minLength`) rather than binding a node to a local,
/// which would copy (and reference-count) every field.
struct SchemaNode: Sendable {
    /// Where the node is in the schema file, as a JSON Pointer (`/properties/founded`).
    var location: String
    /// `true` or `false` for boolean schemas; `nil` for object schemas.
    var boolean: Bool?

    var types: SchemaTypes?
    var constValue: JSONValue?
    var enumValues: [JSONValue]?

    var minLength: Int?
    var maxLength: Int?
    var pattern: SchemaPattern?
    var format: SchemaFormat?

    var minimum: JSONNumber?
    var maximum: JSONNumber?
    var exclusiveMinimum: JSONNumber?
    var exclusiveMaximum: JSONNumber?

    var items: Int?
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false

    /// Property names in schema order, with their subschemas.
    var propertyOrder: [(name: String, schema: Int)] = []
    var properties: [String: Int] = [:]
    var required: [String] = []
    var additionalProperties: Int?
    var minProperties: Int?
    var maxProperties: Int?

    var ref: Int?
    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    var not: Int?

    var xRef: SchemaRefTarget?
    var xUnique = false
    var xCheck: DomainRule?
    var xMerge: MergeStrategy?
    var xMergeKey: String?
    var title: String?

    // Filled in after every node is compiled.

    /// The types an instance here may have, through `$ref`, `allOf`, `anyOf`, `oneOf` too, and
    /// by the values of `const` and `enum`; ``SchemaTypes/all`` when nothing constrains it.
    var expected: SchemaTypes = .all
    /// This node and every node `$ref` and `allOf` reach from it, without repeats: the schemas an
    /// instance here must satisfy together.
    var conjunction: [Int] = []
    /// The `anyOf` and `oneOf` lists of the nodes in ``conjunction``.
    var alternatives: [[Int]] = []
    /// ``JSONSchema/child(of:key:)`` of `.single(self)`, for every key some schema here names.
    var memberLocations: [String: SchemaLocation] = [:]
    /// The keys of ``memberLocations`` and ``properties``, for one cheap look-up per member;
    /// ``keyedProperty`` and ``keyedLocation`` are indexed like its keys.
    var keys = KeyTable()
    /// Per key of ``keys``: its subschema in ``properties``, or -1.
    var keyedProperty: [Int] = []
    /// Per key of ``keys``: ``JSONSchema/child(of:key:)`` of `.single(self)`.
    var keyedLocation: [SchemaLocation] = []
    /// The same for any other key.
    var otherMemberLocation: SchemaLocation = .unconstrained
    /// The same for array items.
    var itemLocation: SchemaLocation = .unconstrained

    init(location: String, boolean: Bool? = nil) {
        self.location = location
        self.boolean = boolean
    }

    /// The subschema an object member named `key` gets from this node alone.
    @inline(__always)
    func memberSchema(_ key: String) -> Int? {
        properties[key] ?? additionalProperties
    }
}
