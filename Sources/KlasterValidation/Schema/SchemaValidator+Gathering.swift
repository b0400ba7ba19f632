public import KlasterYAML

/// The scalars a validation run gathers on its way, as ``JSONSchema/annotatedScalars(in:including:)``
/// finds them, so that a record's tree is walked once for both (see
/// ``JSONSchema/validate(_:gathering:)``). A value held by the run (a class's stored
/// properties would be checked for exclusive access on every use).
struct ScalarGatherer {
    /// Which scalars are worth the cost of a path and a typed value.
    enum Filter {
        /// Scalars at a place with an annotation (`x-ref`, `x-check`, `x-unique`), and plain
        /// untagged ones that YAML 1.1 reads as something other than text: what the store's
        /// checks of a record read. Decided without building the scalar.
        case annotatedOrAmbiguous
        /// What the closure says of the scalar and whether its place has an annotation.
        case custom((_ scalar: YAMLScalar, _ annotated: Bool) -> Bool)
    }

    let filter: Filter
    private(set) var found: [AnnotatedScalar] = []
    /// Places with several schemas, already gathered: the run reaches such a place once per
    /// schema there, and it counts once.
    private var seen: Set<[YAMLPath.Component]> = []
    /// True while every place gathered comes after the one before it in the document.
    private var inOrder = true

    init(_ filter: Filter) {
        self.filter = filter
    }

    mutating func add(_ item: consuming AnnotatedScalar, at path: [YAMLPath.Component], once: Bool) {
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
    mutating func gather(_ node: Node, value: ScalarValue?, at location: SchemaLocation, applying s: Int?) {
        guard let filter = gatherer?.filter else { return }
        let once: Bool
        switch location {
        case .unconstrained: return
        case .single(let t):
            guard t == s else { return }
            once = true
        case .general: once = false
        }
        guard document.kind(node) == .scalar else { return }
        let annotations = schema.annotations(at: location)
        if case .annotatedOrAmbiguous = filter, !annotations.any, document.plainYAML11Reading(node) == nil { return }
        let scalar = document.yamlScalar(node)
        if case .custom(let including) = filter, !including(scalar, annotations.any) { return }
        // A string's value is the scalar's text, built once above.
        let typed: JSONValue? =
            switch value {
            case .text?: .string(scalar.value)
            case .value(let value)?: value
            case nil: nil
            }
        gatherer!.add(schema.annotatedScalar(scalar, annotations, at: location, path: path, value: typed), at: path, once: once)
    }
}

extension JSONSchema {
    /// Validates `document` (as ``validate(_:)``) and gathers its scalars (as
    /// ``annotatedScalars(in:including:)``) in the same walk over the tree.
    public func validate(
        _ document: YAMLNode,
        gathering including: @escaping (_ scalar: YAMLScalar, _ annotated: Bool) -> Bool
    ) -> (violations: [SchemaViolation], scalars: [AnnotatedScalar]) {
        validateDocument(TreeDocument(root: document), gathering: .custom(including))
    }

    /// ``validate(_:gathering:)`` of any document: a tree, or a flat one (whose scalars' spans
    /// end where they start).
    func validateDocument<Document: ValidatedDocument>(
        _ document: Document,
        gathering filter: ScalarGatherer.Filter
    ) -> (violations: [SchemaViolation], scalars: [AnnotatedScalar]) {
        let (violations, gatherer) = run(document, gatherer: ScalarGatherer(filter))
        return (SchemaViolation.ordered(violations), gatherer?.scalars ?? [])
    }
}

extension SchemaSet {
    /// Every schema's violations (as ``validate(_:)``), and the first schema's scalars gathered
    /// as ``JSONSchema/annotatedScalars(in:including:)`` gathers them.
    func validateDocument<Document: ValidatedDocument>(
        _ document: Document,
        gathering filter: ScalarGatherer.Filter
    ) -> (violations: [SchemaViolation], scalars: [AnnotatedScalar]) {
        let (first, scalars) = schemas[0].validateDocument(document, gathering: filter)
        if schemas.count == 1 { return (first, scalars) }
        return (SchemaViolation.ordered(first + schemas.dropFirst().flatMap { $0.validateDocument(document) }), scalars)
    }
}
