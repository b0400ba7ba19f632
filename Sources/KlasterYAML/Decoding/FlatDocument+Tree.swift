/// A document tree laid out flat, for decoding a tree (and the files the fast path leaves to the
/// parser).
extension FlatDocument {
    convenience init(_ root: YAMLNode, userInfo: [CodingUserInfoKey: any Sendable]) {
        var nodes: [Node] = []
        var text = TextBuffer(capacity: 256)
        Self.append(root, isKey: false, to: &nodes, &text)
        self.init(nodes: nodes, text: text, userInfo: userInfo)
    }

    private static func append(_ node: YAMLNode, isKey: Bool, to nodes: inout [Node], _ text: inout TextBuffer) {
        let index = nodes.count
        let start = node.span.start
        var flat = Node(
            kind: .scalar, style: .plain, tag: Tag(node.tag), isASCII: false, count: 0, end: index + 1, text: text.count,
            offset: start.offset, line: start.line, column: start.column
        )
        switch node {
        case .scalar(let scalar):
            text.append(scalar.value)
            flat.style = scalar.style
            flat.count = text.count - flat.text
            if isKey {
                (flat.hash, flat.isASCII) = hash(UnsafeBufferPointer(start: text.base + flat.text, count: flat.count))
            }
            nodes.append(flat)
        case .sequence(let sequence):
            flat.kind = .sequence
            flat.count = sequence.items.count
            nodes.append(flat)
            for item in sequence.items { append(item, isKey: false, to: &nodes, &text) }
            nodes[index].end = nodes.count
        case .mapping(let mapping):
            flat.kind = .mapping
            flat.count = mapping.entries.count
            nodes.append(flat)
            var keyBits: UInt64 = 0
            for entry in mapping.entries {
                let key = nodes.count
                append(entry.key, isKey: true, to: &nodes, &text)
                // A key that is not an ASCII scalar may equal a name by other bytes: no filter.
                keyBits |= nodes[key].kind == .scalar && nodes[key].isASCII ? keyBit(nodes[key].hash) : ~0
                append(entry.value, isKey: false, to: &nodes, &text)
            }
            nodes[index].end = nodes.count
            nodes[index].keyBits = keyBits
        }
    }
}
