public import KlasterYAML

/// The scalars a validation run gathers on its way, as ``JSONSchema/annotatedScalars(in:including:)``
/// finds them, so that a record's tree is walked once for both (see
/// ``JSONSchema/validate(_:gathering:)``).
final class ScalarGatherer {
    let including: (YAMLScalar, Bool) -> Bool
    private(set) var found: [AnnotatedScalar] = []
    /// Places with several schemas, already gathered: the run reaches such a place once per
    /// schema there, and it counts once.
    private var seen: Set<[YAMLPath.Component]> = []
    /// True while every place gathered comes after the one before it in the document.
    private var inOrder = true

    init(including: @escaping (YAMLScalar, Bool) -> Bool) {
        self.including = including
    }

    func add(_ item: AnnotatedScalar, at path: [YAMLPath.Component], once: Bool) {
        if !once { guard seen.insert(path).inserted else { return } }
        if let last = found.last, last.scalar.span.start.offset > item.scalar.span.start.offset { inOrder = false }
        found.append(item)
    }

    /// What was gathered, in document order (places that share a position, through an alias,
    /// in the order they were reached).
    var scalars: [AnnotatedScalar] {
        if inOrder { return found }
        return found.indices.sorted { a, b in
            let (x, y) = (found[a].scalar.span.start.offset, found[b].scalar.span.start.offset)
            return x != y ? x < y : a < b
        }.map { found[$0] }
    }
}

extension SchemaValidator {
    /// Hands `node` to the gatherer when it is a scalar at a place some schema describes;
    /// `value` is its typed value there and the current ``path`` its path. `applying` is the
    /// schema about to be applied to it: a place with one schema is gathered when that one is
    /// applied (once), a place with several whenever one is, and counted once by its path.
    @inline(__always)
    func gather(_ node: Node, value: JSONValue?, at location: SchemaLocation, applying s: Int?) {
        guard let gatherer else { return }
        let once: Bool
        switch location {
        case .unconstrained: return
        case .single(let t):
            guard t == s else { return }
            once = true
        case .general: once = false
        }
        guard document.kind(node) == .scalar else { return }
        let scalar = document.yamlScalar(node, value: value)
        guard let item = schema.annotatedScalar(scalar, at: location, path: path, value: value, including: gatherer.including)
        else { return }
        gatherer.add(item, at: path, once: once)
    }
}

extension JSONSchema {
    /// Validates `document` (as ``validate(_:)``) and gathers its scalars (as
    /// ``annotatedScalars(in:including:)``) in the same walk over the tree.
    public func validate(
        _ document: YAMLNode,
        gathering including: @escaping (_ scalar: YAMLScalar, _ annotated: Bool) -> Bool
    ) -> (violations: [SchemaViolation], scalars: [AnnotatedScalar]) {
        validateDocument(TreeDocument(root: document), gathering: including)
    }

    /// ``validate(_:gathering:)`` of any document: a tree, or a flat one (whose scalars' spans
    /// end where they start).
    func validateDocument<Document: ValidatedDocument>(
        _ document: Document,
        gathering including: @escaping (_ scalar: YAMLScalar, _ annotated: Bool) -> Bool
    ) -> (violations: [SchemaViolation], scalars: [AnnotatedScalar]) {
        let gatherer = ScalarGatherer(including: including)
        let violations = run(document, gatherer: gatherer)
        return (SchemaViolation.ordered(violations), gatherer.scalars)
    }
}

extension SchemaSet {
    /// Every schema's violations (as ``validate(_:)``), and the first schema's scalars gathered
    /// as ``JSONSchema/annotatedScalars(in:including:)`` gathers them.
    func validateDocument<Document: ValidatedDocument>(
        _ document: Document,
        gathering including: @escaping (_ scalar: YAMLScalar, _ annotated: Bool) -> Bool
    ) -> (violations: [SchemaViolation], scalars: [AnnotatedScalar]) {
        let (first, scalars) = schemas[0].validateDocument(document, gathering: including)
        if schemas.count == 1 { return (first, scalars) }
        return (SchemaViolation.ordered(first + schemas.dropFirst().flatMap { $0.validateDocument(document) }), scalars)
    }
}
