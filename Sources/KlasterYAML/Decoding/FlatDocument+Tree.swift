/// A document tree laid out flat, for decoding a tree (and the files the fast path leaves to the
/// parser).
extension FlatDocument {
    convenience init(_ root: YAMLNode, userInfo: [CodingUserInfoKey: any Sendable]) {
        var nodes: [Node] = []
        var text: [UInt8] = []
        Self.append(root, isKey: false, to: &nodes, &text)
        self.init(nodes: nodes, text: text, userInfo: userInfo)
    }

    private static func append(_ node: YAMLNode, isKey: Bool, to nodes: inout [Node], _ text: inout [UInt8]) {
        let index = nodes.count
        let start = node.span.start
        var flat = Node(
            kind: .scalar, style: .plain, tag: Tag(node.tag), isASCII: false, count: 0, end: index + 1, text: text.count,
            offset: start.offset, line: start.line, column: start.column
        )
        switch node {
        case .scalar(let scalar):
            text.append(contentsOf: scalar.value.utf8)
            flat.style = scalar.style
            flat.count = text.count - flat.text
            flat.isASCII = isKey && !text[flat.text...].contains { $0 >= 0x80 }
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
            for entry in mapping.entries {
                append(entry.key, isKey: true, to: &nodes, &text)
                append(entry.value, isKey: false, to: &nodes, &text)
            }
            nodes[index].end = nodes.count
        }
    }
}
