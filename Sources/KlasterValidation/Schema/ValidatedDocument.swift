import KlasterYAML

/// A document as validation reads it: a tree of ``YAMLNode``s (``TreeDocument``) or a
/// ``FlatYAML`` (nodes by index, scalar text as bytes, no tree to build or reference-count).
///
/// ``SchemaValidator``, the gathering of scalars and the store's checks of one record are
/// written once over this, so a record the fast reader takes is checked without a tree and any
/// other one through the tree, with the same findings.
protocol ValidatedDocument {
    associatedtype Node

    var root: Node { get }
    func kind(_ node: Node) -> FlatYAML.Kind
    /// Where `node` starts in its file.
    func start(_ node: Node) -> Mark
    /// A sequence's items or a mapping's entries.
    func count(_ node: Node) -> Int
    /// Calls `body` with the position and node of each item of the sequence `node`, in order,
    /// until `body` returns false.
    func forEachItem(_ node: Node, _ body: (Int, Node) -> Bool)
    /// Calls `body` with each entry of the mapping `node`, in order, until `body` returns false;
    /// `merged` is true for an entry that came in through a `<<` merge key.
    func forEachEntry(_ node: Node, _ body: (_ key: Node, _ value: Node, _ merged: Bool) -> Bool)
    /// A mapping key as JSON sees it: a scalar's text, or the compact JSON of a collection key.
    func keyText(_ key: Node) -> String
    /// True when no two keys of a mapping can have the same ``keyText(_:)``.
    var keyTextsAreDistinct: Bool { get }
    /// A scalar's text.
    func text(_ node: Node) -> String
    /// The length of a scalar's text in UTF-8 bytes.
    func textCount(_ node: Node) -> Int
    /// Whether `key` is a scalar whose text is `name` (as Swift compares strings).
    func isKey(_ key: Node, named name: String) -> Bool
    /// The position of mapping key `key` in `table`, if it is there (as ``KeyTable/index(of:)``
    /// finds ``keyText(_:)``).
    func keyIndex(_ key: Node, in table: KeyTable) -> Int?
    /// Calls `body` with a scalar's text as UTF-8 bytes.
    func withUTF8<R>(_ node: Node, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R
    /// The scalar at `node` where a schema allows `types` (``YAMLScalar/jsonValue(expecting:)``).
    func scalarValue(_ node: Node, expecting types: SchemaTypes) -> JSONValue
    /// ``scalarValue(_:expecting:)`` as validation carries it: a string is the node's text,
    /// not built.
    func typedValue(_ node: Node, expecting types: SchemaTypes) -> ScalarValue
    /// The scalar at `node` as a ``YAMLScalar`` (its span starting where the node does).
    func yamlScalar(_ node: Node) -> YAMLScalar
    /// A plain untagged scalar that YAML 1.2's core schema reads as null (``YAMLNode/isNull``).
    func isNull(_ node: Node) -> Bool
    /// What YAML 1.1 reads a plain untagged scalar as (``PlainScalar/yaml11Reading(_:)``);
    /// `nil` for text, and for any other node.
    func plainYAML11Reading(_ node: Node) -> PlainScalar.Reading?
}

extension ValidatedDocument {
    /// The value of scalar `node` whose typed value is `value`, as a ``JSONValue``.
    func jsonValue(_ node: Node, _ value: ScalarValue) -> JSONValue {
        switch value {
        case .text: .string(text(node))
        case .value(let value): value
        }
    }

    /// The value of the first entry of mapping `node` whose key is the scalar `name`.
    func value(forKey name: String, in node: Node) -> Node? {
        var found: Node?
        forEachEntry(node) { key, value, _ in
            guard isKey(key, named: name) else { return true }
            found = value
            return false
        }
        return found
    }
}

/// A document tree read by the parser (or built in memory).
struct TreeDocument: ValidatedDocument {
    let root: YAMLNode

    func kind(_ node: YAMLNode) -> FlatYAML.Kind {
        switch node {
        case .scalar: .scalar
        case .sequence: .sequence
        case .mapping: .mapping
        }
    }

    func start(_ node: YAMLNode) -> Mark { node.span.start }

    func count(_ node: YAMLNode) -> Int {
        switch node {
        case .scalar: 0
        case .sequence(let sequence): sequence.items.count
        case .mapping(let mapping): mapping.entries.count
        }
    }

    func forEachItem(_ node: YAMLNode, _ body: (Int, YAMLNode) -> Bool) {
        guard case .sequence(let sequence) = node else { return }
        for i in sequence.items.indices where !body(i, sequence.items[i]) { return }
    }

    func forEachEntry(_ node: YAMLNode, _ body: (YAMLNode, YAMLNode, Bool) -> Bool) {
        guard case .mapping(let mapping) = node else { return }
        // By index: binding each entry would copy (and reference-count) both of its nodes.
        for i in mapping.entries.indices
        where !body(mapping.entries[i].key, mapping.entries[i].value, mapping.entries[i].isMerged) {
            return
        }
    }

    func keyText(_ key: YAMLNode) -> String { JSONSchema.keyText(key) }

    /// Distinct YAML keys can share a text (`1` and `"1"`).
    var keyTextsAreDistinct: Bool { false }

    func text(_ node: YAMLNode) -> String { node.scalar?.value ?? "" }

    func textCount(_ node: YAMLNode) -> Int { node.scalar?.value.utf8.count ?? 0 }

    func isKey(_ key: YAMLNode, named name: String) -> Bool {
        guard case .scalar(let scalar) = key else { return false }
        return scalar.value == name
    }

    func keyIndex(_ key: YAMLNode, in table: KeyTable) -> Int? { table.index(of: keyText(key)) }

    func withUTF8<R>(_ node: YAMLNode, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = node.scalar?.value ?? ""
        return text.withUTF8(body)
    }

    func scalarValue(_ node: YAMLNode, expecting types: SchemaTypes) -> JSONValue {
        node.scalar?.jsonValue(expecting: types) ?? .null
    }

    func typedValue(_ node: YAMLNode, expecting types: SchemaTypes) -> ScalarValue {
        ScalarValue(scalarValue(node, expecting: types))
    }

    func yamlScalar(_ node: YAMLNode) -> YAMLScalar { node.scalar ?? YAMLScalar("") }

    func isNull(_ node: YAMLNode) -> Bool { node.isNull }

    func plainYAML11Reading(_ node: YAMLNode) -> PlainScalar.Reading? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, scalar.tag == nil else { return nil }
        return PlainScalar.yaml11Reading(scalar.value)
    }
}

extension FlatYAML: ValidatedDocument {
    func start(_ node: Int) -> Mark { mark(node) }

    func forEachEntry(_ node: Int, _ body: (Int, Int, Bool) -> Bool) {
        forEachEntry(node) { key, value in body(key, value, false) }
    }

    /// A flat document's keys are scalars: their text is the key.
    func keyText(_ key: Int) -> String { string(key) }

    /// The fast reader takes no document where two keys share a text.
    var keyTextsAreDistinct: Bool { true }

    func text(_ node: Int) -> String { string(node) }

    func textCount(_ node: Int) -> Int { kind(node) == .scalar ? count(node) : 0 }

    /// A flat document's keys are ASCII scalars: comparing bytes is comparing strings.
    func isKey(_ key: Int, named name: String) -> Bool {
        withText(key) { TextHash.equal(name, $0) }
    }

    func keyIndex(_ key: Int, in table: KeyTable) -> Int? { withText(key) { table.index(ofBytes: $0) } }

    func scalarValue(_ node: Int, expecting types: SchemaTypes) -> JSONValue { jsonValue(node, expecting: types) }

    func withUTF8<R>(_ node: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { withText(node, body) }

    /// ``jsonValue(_:expecting:)`` building no text: a scalar's string is always its own text.
    func typedValue(_ node: Int, expecting types: SchemaTypes) -> ScalarValue {
        if isTagged(node), let tag = tag(node) {
            return ScalarValue(YAMLScalar(string(node), style: style(node), tag: tag).jsonValue(expecting: types))
        }
        guard style(node) == .plain, let core = withText(node, { YAMLCore.value(ofBytes: $0) }) else { return .text }
        return YAMLScalar.plainValue(core, expecting: types).map { .value($0) } ?? .text
    }

    func plainYAML11Reading(_ node: Int) -> PlainScalar.Reading? {
        // As in ``yamlScalar(_:)``: a tag the reader keeps no name of counts as none.
        guard kind(node) == .scalar, style(node) == .plain, !isTagged(node) || tag(node) == nil else { return nil }
        return withText(node) { PlainScalar.yaml11Reading(bytes: $0) }
    }

    func yamlScalar(_ node: Int) -> YAMLScalar {
        let start = mark(node)
        return YAMLScalar(string(node), style: style(node), tag: isTagged(node) ? tag(node) : nil, span: Span(start: start, end: start))
    }
}
