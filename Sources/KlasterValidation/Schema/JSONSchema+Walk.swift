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
    ///
    /// `including` picks the scalars worth the cost of a path and a typed value: it sees the
    /// scalar and whether its place has any annotation; by default every scalar is included.
    public func annotatedScalars(
        in document: YAMLNode,
        including: (_ scalar: YAMLScalar, _ annotated: Bool) -> Bool = { _, _ in true }
    ) -> [AnnotatedScalar] {
        var found: [AnnotatedScalar] = []
        var path: [YAMLPath.Component] = []
        path.reserveCapacity(16)
        walk(document, at: .single(root), path: &path, into: &found, including: including)
        return found
    }

    private func walk(
        _ node: YAMLNode,
        at location: SchemaLocation,
        path: inout [YAMLPath.Component],
        into found: inout [AnnotatedScalar],
        including: (YAMLScalar, Bool) -> Bool
    ) {
        switch node {
        case .scalar(let scalar):
            if let item = annotatedScalar(scalar, at: location, path: path, value: nil, including: including) {
                found.append(item)
            }
        case .sequence(let sequence):
            let itemLocation = child(of: location, key: nil)
            if itemLocation == .unconstrained { return }
            for i in sequence.items.indices {
                path.append(.index(i))
                walk(sequence.items[i], at: itemLocation, path: &path, into: &found, including: including)
                path.removeLast()
            }
        case .mapping(let mapping):
            // By index: binding each entry would copy (and reference-count) both of its nodes.
            for i in mapping.entries.indices {
                let key = Self.keyText(mapping.entries[i].key)
                let childLocation = child(of: location, key: key)
                if childLocation == .unconstrained { continue }
                path.append(.key(key))
                walk(mapping.entries[i].value, at: childLocation, path: &path, into: &found, including: including)
                path.removeLast()
            }
        }
    }
}

extension JSONSchema {
    /// The scalar at `path`, whose place is `location`, with its typed value (`value` when the
    /// caller has typed it already) and annotations; `nil` when `including` leaves it out.
    func annotatedScalar(
        _ scalar: YAMLScalar,
        at location: SchemaLocation,
        path: [YAMLPath.Component],
        value: JSONValue?,
        including: (YAMLScalar, Bool) -> Bool
    ) -> AnnotatedScalar? {
        let annotations = annotations(at: location)
        guard including(scalar, annotations.any) else { return nil }
        return annotatedScalar(scalar, annotations, at: location, path: path, value: value)
    }

    /// The annotations of the schemas at `location`.
    @inline(__always)
    func annotations(at location: SchemaLocation) -> ScalarAnnotations {
        if case .single(let s) = location { return scalarAnnotations[s] }
        return Self.merge(schemas(at: location), nodes)
    }

    /// `scalar` at `location` (whose ``annotations(at:)`` are `annotations`) with its path and
    /// typed value (`value`, or computed when `nil`).
    func annotatedScalar(
        _ scalar: YAMLScalar,
        _ annotations: ScalarAnnotations,
        at location: SchemaLocation,
        path: [YAMLPath.Component],
        value: JSONValue?
    ) -> AnnotatedScalar {
        let expected = expectedTypes(location)
        return AnnotatedScalar(
            // A copy of its own, so that the caller's path stays unshared as it moves on.
            path: YAMLPath(path.withUnsafeBufferPointer { Array($0) }),
            scalar: scalar,
            value: value ?? scalar.jsonValue(expecting: expected),
            expected: expected,
            xRef: annotations.xRef,
            xUnique: annotations.xUnique,
            xCheck: annotations.xCheck
        )
    }
}

/// The annotations a scalar takes from the schemas at its place.
struct ScalarAnnotations: Sendable {
    var xRef: SchemaRefTarget?
    var xCheck: DomainRule?
    var xUnique = false

    /// True when the place has any annotation.
    var any: Bool { xRef != nil || xCheck != nil || xUnique }
}

extension JSONSchema {
    /// For every node, the annotations of the schemas that apply where it applies: the node's
    /// own, its `$ref`/`allOf` targets, then its `anyOf`/`oneOf` branches (the first that says
    /// an `x-ref` or `x-check` decides it).
    static func scalarAnnotations(_ nodes: [SchemaNode]) -> [ScalarAnnotations] {
        nodes.indices.map { s in
            var members = nodes[s].conjunction
            for group in nodes[s].alternatives {
                for b in group { members += nodes[b].conjunction }
            }
            return merge(members, nodes)
        }
    }

    static func merge(_ members: [Int], _ nodes: [SchemaNode]) -> ScalarAnnotations {
        var result = ScalarAnnotations()
        for m in members {
            result.xRef = result.xRef ?? nodes[m].xRef
            result.xCheck = result.xCheck ?? nodes[m].xCheck
            result.xUnique = result.xUnique || nodes[m].xUnique
        }
        return result
    }
}
