public import KlasterYAML

/// Several schemas that all apply to the same records: the one bundled with Klaster and a
/// store's own stricter one (SPEC §2: "Validation applies both").
///
/// Each schema types the record's scalars by its own expectations and validates on its own;
/// findings are merged, a finding that two schemas both make (same place, rule and message) is
/// reported once.
public struct SchemaSet: Sendable {
    public var schemas: [JSONSchema]

    public init(_ schemas: [JSONSchema]) {
        self.schemas = schemas
    }

    /// Every schema's violations, without repeats, in document order.
    public func validate(_ document: YAMLNode) -> [SchemaViolation] {
        if schemas.count == 1 { return schemas[0].validate(document) }
        return SchemaViolation.ordered(schemas.flatMap { $0.validate(document) })
    }

    /// True when every schema accepts `document`.
    public func isValid(_ document: YAMLNode) -> Bool {
        schemas.allSatisfy { $0.isValid(document) }
    }

    /// What the schemas say about the field at `path`, first schema first: the first that
    /// states an `x-ref`, `x-merge` or `x-merge-key` decides it; `x-unique` from any schema holds.
    public func fieldInfo(at path: YAMLPath) -> SchemaFieldInfo? {
        var merged: SchemaFieldInfo?
        for schema in schemas {
            guard let info = schema.fieldInfo(at: path) else { continue }
            guard var current = merged else {
                merged = info
                continue
            }
            current.types.formIntersection(info.types)
            current.xRef = current.xRef ?? info.xRef
            current.xMerge = current.xMerge ?? info.xMerge
            current.xMergeKey = current.xMergeKey ?? info.xMergeKey
            current.xUnique = current.xUnique || info.xUnique
            merged = current
        }
        return merged
    }
}
