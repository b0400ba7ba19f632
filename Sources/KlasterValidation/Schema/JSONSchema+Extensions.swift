public import KlasterModel
public import KlasterYAML

/// What a schema says about one field of a record, beyond validation: Klaster's `x-ref`,
/// `x-merge`, `x-merge-key` and `x-unique`, and the types the field may have.
public struct SchemaFieldInfo: Hashable, Sendable {
    /// The types the field may have (``SchemaTypes/all`` when unconstrained).
    public var types: SchemaTypes
    /// `x-ref`: which records the field (or each item of it) refers to.
    public var xRef: SchemaRefTarget?
    /// `x-merge`: how the field merges; `nil` for ordered arrays and plain scalars.
    public var xMerge: MergeStrategy?
    /// `x-merge-key`: for `keyed` merges, the field that identifies an element.
    public var xMergeKey: String?
    /// `x-unique`: the value must not repeat across the records of the kind.
    public var xUnique = false
    /// The schema's `title` for the field, if any.
    public var title: String?
}

/// A field that holds a reference to another record, as found in one record.
public struct SchemaReference: Hashable, Sendable {
    /// Where the reference is in the record (`memberships[0].cluster`).
    public var path: YAMLPath
    /// The field's `x-ref`.
    public var target: SchemaRefTarget
    /// The text of the reference as written (`okip`, or `cluster:okip` for a mixed reference).
    public var value: String
    public var mark: Mark

    /// The record referred to, or `nil` when the text does not fit the target
    /// (see ``SchemaRefTarget/resolve(_:)``).
    public var resolved: (kind: RecordKind, id: String)? { target.resolve(value) }
}

extension JSONSchema {
    /// What the schema says about the field at `path` (keys, indices or `[field=value]` steps);
    /// `nil` when no schema describes it (a boolean schema, such as `additionalProperties: false`,
    /// describes nothing). `x-*` values come from the first schema at that place
    /// that states them (the field's own, then `$ref`/`allOf` targets, then `anyOf`/`oneOf`).
    public func fieldInfo(at path: YAMLPath) -> SchemaFieldInfo? {
        var location = SchemaLocation.single(root)
        for component in path.components {
            if case .key(let key) = component {
                location = child(of: location, key: key)
            } else {
                location = child(of: location, key: nil)
            }
        }
        let members = schemas(at: location).filter { nodes[$0].boolean == nil }
        if members.isEmpty { return nil }
        var info = SchemaFieldInfo(types: expectedTypes(location))
        for s in members {
            let node = nodes[s]
            info.xRef = info.xRef ?? node.xRef
            info.xMerge = info.xMerge ?? node.xMerge
            info.xMergeKey = info.xMergeKey ?? node.xMergeKey
            info.xUnique = info.xUnique || node.xUnique
            info.title = info.title ?? node.title
        }
        return info
    }

    /// The `x-ref` fields of `document` that hold a string: every reference the record makes.
    /// A field whose array items are `x-ref` strings yields one reference per item.
    public func references(in document: YAMLNode) -> [SchemaReference] {
        annotatedScalars(in: document, including: { _, annotated in annotated }).compactMap { scalar in
            guard let target = scalar.xRef, case .string(let text) = scalar.value else { return nil }
            return SchemaReference(path: scalar.path, target: target, value: text, mark: scalar.scalar.span.start)
        }
    }

    /// Every schema node at `location`, the place's own first, then `$ref`/`allOf` targets, then
    /// `anyOf`/`oneOf` branches.
    func schemas(at location: SchemaLocation) -> [Int] {
        Self.schemas(at: location, nodes)
    }

    static func schemas(at location: SchemaLocation, _ nodes: [SchemaNode]) -> [Int] {
        let heads: [Int]
        switch location {
        case .unconstrained: return []
        case .single(let s): heads = [s]
        case .general(let groups): heads = groups.flatMap { $0.flatMap { $0 } }
        }
        var out: [Int] = []
        var seen: Set<Int> = []
        for s in heads {
            for t in nodes[s].conjunction where seen.insert(t).inserted { out.append(t) }
        }
        for s in heads {
            for group in nodes[s].alternatives {
                for b in group {
                    for t in nodes[b].conjunction where seen.insert(t).inserted { out.append(t) }
                }
            }
        }
        return out
    }
}
