public import KlasterYAML

/// A scalar of a record together with what the schema says about its place: its typed value
/// and Klaster's `x-ref`, `x-unique` and `x-check` annotations.
public struct AnnotatedScalar: Sendable {
    public var path: YAMLPath
    public var scalar: YAMLScalar
    /// The value the scalar means at this place (see ``JSONSchema/jsonValue(of:)``).
    public var value: JSONValue
    /// The types the schema allows here.
    public var expected: SchemaTypes
    public var xRef: SchemaRefTarget?
    public var xUnique: Bool
    public var xCheck: DomainRule?
}

extension JSONSchema {
    /// Every scalar of `document` (mapping values and sequence items; keys are not values), in
    /// document order, with the schema's annotations for its place. Places the schema does not
    /// describe (unknown fields) are skipped: validation reports them.
    public func annotatedScalars(in document: YAMLNode) -> [AnnotatedScalar] {
        var found: [AnnotatedScalar] = []
        var path: [YAMLPath.Component] = []
        walk(document, at: .single(root), path: &path, into: &found)
        return found
    }

    private func walk(
        _ node: YAMLNode,
        at location: SchemaLocation,
        path: inout [YAMLPath.Component],
        into found: inout [AnnotatedScalar]
    ) {
        switch node {
        case .scalar(let scalar):
            let expected = expectedTypes(location)
            var item = AnnotatedScalar(
                path: YAMLPath(path),
                scalar: scalar,
                value: scalar.jsonValue(expecting: expected),
                expected: expected,
                xRef: nil,
                xUnique: false,
                xCheck: nil
            )
            for s in schemas(at: location) {
                let schema = nodes[s]
                item.xRef = item.xRef ?? schema.xRef
                item.xCheck = item.xCheck ?? schema.xCheck
                item.xUnique = item.xUnique || schema.xUnique
            }
            found.append(item)
        case .sequence(let sequence):
            let itemLocation = child(of: location, key: nil)
            if itemLocation == .unconstrained { return }
            for (i, item) in sequence.items.enumerated() {
                path.append(.index(i))
                walk(item, at: itemLocation, path: &path, into: &found)
                path.removeLast()
            }
        case .mapping(let mapping):
            for entry in mapping.entries {
                let key = Self.keyText(entry.key)
                let childLocation = child(of: location, key: key)
                if childLocation == .unconstrained { continue }
                path.append(.key(key))
                walk(entry.value, at: childLocation, path: &path, into: &found)
                path.removeLast()
            }
        }
    }
}
