/// A parsed document for reading its values only, laid out flat (a ``FlatDocument``): nodes by
/// index in document order, scalar text as bytes, no tree of enums and strings to build and
/// reference-count. Exports read records this way.
///
/// Only ordinary documents come this way (``YAMLParser/parseFlat(_:)``): every mapping key is a
/// scalar (the fast reader leaves collection keys, `<<` merges and every error to the parser).
public struct FlatYAML {
    public enum Kind: Sendable {
        case scalar, sequence, mapping
    }

    @usableFromInline let document: FlatDocument

    /// The root node's index.
    public var root: Int { 0 }

    @inlinable
    public func kind(_ node: Int) -> Kind {
        switch document.nodes[node].kind {
        case .scalar: .scalar
        case .sequence: .sequence
        case .mapping: .mapping
        }
    }

    /// Where the node starts in its file.
    @inlinable
    public func mark(_ node: Int) -> Mark {
        let n = document.nodes[node]
        return Mark(offset: n.offset, line: n.line, column: n.column)
    }

    /// The index just past the node and its descendants: its next sibling's, if it has one.
    @inlinable
    public func end(_ node: Int) -> Int { document.nodes[node].end }

    /// True for a plain untagged scalar that YAML 1.2's core schema reads as null (`~`, `null`,
    /// empty), as ``YAMLNode/isNull`` has it.
    public func isNull(_ node: Int) -> Bool {
        document.nodes[node].tag == .none && document.isNull(node)
    }

    /// A scalar's style.
    @inlinable
    public func style(_ node: Int) -> ScalarStyle { document.nodes[node].style }

    /// A node's explicit tag in its full form (`tag:yaml.org,2002:str`), as ``YAMLScalar/tag`` has it.
    public func tag(_ node: Int) -> String? {
        switch document.nodes[node].tag {
        case .none: nil
        case .str: FlatDocument.Tag.prefix + "str"
        case .int: FlatDocument.Tag.prefix + "int"
        case .float: FlatDocument.Tag.prefix + "float"
        case .bool: FlatDocument.Tag.prefix + "bool"
        case .null: FlatDocument.Tag.prefix + "null"
        case .seq: FlatDocument.Tag.prefix + "seq"
        case .map: FlatDocument.Tag.prefix + "map"
        case .merge: FlatDocument.Tag.prefix + "merge"
        case .other: nil  // never read by the fast reader: it leaves other tags to the parser
        }
    }

    /// Calls `body` with a scalar's text (UTF-8).
    @inlinable
    public func withText<R>(_ node: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let n = document.nodes[node]
        return try withExtendedLifetime(document) { try body(UnsafeBufferPointer(start: document.text + n.text, count: n.count)) }
    }

    /// Whether the node has an explicit tag.
    @inlinable
    public func isTagged(_ node: Int) -> Bool { document.nodes[node].tag != .none }

    /// A scalar's text.
    public func string(_ node: Int) -> String { document.string(node) }

    /// A sequence's items or a mapping's entries.
    @inlinable
    public func count(_ node: Int) -> Int { document.nodes[node].count }

    /// Calls `body` with the position and index of each item of the sequence at `node`, in
    /// order, until `body` returns false.
    @inlinable
    public func forEachItem(_ node: Int, _ body: (_ position: Int, _ item: Int) -> Bool) {
        let end = end(node)
        var item = node + 1
        var position = 0
        while item < end, body(position, item) {
            item = self.end(item)
            position += 1
        }
    }

    /// Calls `body` with the key and value indexes of each entry of the mapping at `node`, in
    /// document order, until `body` returns false.
    @inlinable
    public func forEachEntry(_ node: Int, _ body: (_ key: Int, _ value: Int) -> Bool) {
        let end = end(node)
        var key = node + 1
        while key < end {
            let value = self.end(key)
            guard body(key, value) else { return }
            key = self.end(value)
        }
    }
}

extension YAMLParser {
    /// Parses `bytes` flat, when the fast reader takes them: an ordinary document whose root is
    /// a mapping. `nil` otherwise (an error, an empty file, a merge key, a collection as a key,
    /// ...): then ``parse(_:file:)`` reads the file and reports any error.
    public func parseFlat(_ bytes: UnsafeBufferPointer<UInt8>) -> FlatYAML? {
        guard let (nodes, text) = FlatBuilder.build(bytes, limits: limits) else { return nil }
        guard nodes.first?.kind == .mapping else {
            text.deallocate()
            return nil
        }
        return FlatYAML(document: FlatDocument(nodes: nodes, text: text, userInfo: [:]))
    }
}
