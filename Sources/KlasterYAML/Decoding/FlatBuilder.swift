import Foundation
internal import CLibYAML

/// Reads one document straight from libyaml's events into the nodes of a ``FlatDocument``:
/// the decoder's fast path, with no tree in between.
///
/// It accepts exactly what ``YAMLParser`` accepts, or gives up and returns `nil`, leaving the
/// file to the parser, which then builds the tree and reports any error at its place. It gives
/// up on every error (encoding, syntax, tags, duplicate keys, the limits) and on what it does not
/// lay out itself: `<<` merge keys, keys that are collections or not ASCII, and mappings of more
/// than ``maxEntries`` entries (so the search for a duplicate key stays a short scan).
struct FlatBuilder {
    typealias Node = FlatDocument.Node

    static let maxEntries = 32

    let limits: YAMLLimits
    private(set) var nodes: [Node] = []
    private(set) var text: TextBuffer

    /// A collection being read: its node's index, the children added so far (a mapping's keys
    /// and values both count) and its anchor.
    private struct Frame {
        var index: Int
        var children = 0
        var anchor: String?
    }

    private var open: [Frame] = []
    /// Anchor names to the index of the node they anchor.
    private var anchors: [String: Int] = [:]
    private var expanded = 0
    private var documents = 0

    /// The nodes and text of `bytes`, or `nil` when the parser must read them.
    static func build(_ bytes: UnsafeBufferPointer<UInt8>, limits: YAMLLimits) -> (nodes: [Node], text: TextBuffer)? {
        guard bytes.count <= limits.maxFileSize else { return nil }
        var source = SourceText(bytes)
        guard source.check() == nil else { return nil }
        var builder = FlatBuilder(limits: limits, textCapacity: bytes.count)
        builder.nodes.reserveCapacity(bytes.count / 16 + 4)
        guard builder.run(&source) else {
            builder.text.deallocate()
            return nil
        }
        if builder.nodes.isEmpty {
            // An empty file, or only comments: a null document.
            builder.nodes.append(Node(kind: .scalar, style: .plain, tag: .none, isASCII: true, count: 0, end: 1, text: 0, offset: 0, line: 1, column: 1))
        }
        return (builder.nodes, builder.text)
    }

    private init(limits: YAMLLimits, textCapacity: Int) {
        self.limits = limits
        text = TextBuffer(capacity: textCapacity)
    }

    private mutating func run(_ source: inout SourceText) -> Bool {
        var parser = yaml_parser_t()
        let start = source.start(&parser)
        if start == .outOfMemory { return false }
        defer { yaml_parser_delete(&parser) }
        if start == .empty { return true }

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return false }
            defer { yaml_event_delete(&event) }
            let accepted: Bool
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return true
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                accepted = documents == 1
            case YAML_SCALAR_EVENT:
                accepted = scalar(&event, &source)
            case YAML_ALIAS_EVENT:
                accepted = alias(&event)
            case YAML_SEQUENCE_START_EVENT:
                let data = event.data.sequence_start
                accepted = openCollection(.sequence, data.tag, data.anchor, source.mark(event.start_mark))
            case YAML_MAPPING_START_EVENT:
                let data = event.data.mapping_start
                accepted = openCollection(.mapping, data.tag, data.anchor, source.mark(event.start_mark))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                accepted = close()
            default:
                accepted = true
            }
            if !accepted { return false }
        }
    }

    // MARK: - Nodes

    private mutating func scalar(_ event: inout yaml_event_t, _ source: inout SourceText) -> Bool {
        let data = event.data.scalar
        guard let tag = Self.tag(data.tag) else { return false }
        let style = ScalarStyle(data.style)
        let start = source.mark(event.start_mark)
        let textStart = text.count
        text.append(UnsafeBufferPointer(start: data.value, count: data.value == nil ? 0 : data.length))
        let index = nodes.count
        nodes.append(
            Node(
                kind: .scalar, style: style, tag: tag, isASCII: false, count: data.length, end: index + 1, text: textStart,
                offset: start.offset, line: start.line, column: start.column
            )
        )
        guard acceptKey(index) else { return false }
        return complete(index, anchor: data.anchor.map { String(cString: $0) })
    }

    private mutating func alias(_ event: inout yaml_event_t) -> Bool {
        guard let name = event.data.alias.anchor, let target = anchors[String(cString: name)] else { return false }
        let size = nodes[target].end - target
        expanded += size
        guard expanded <= limits.maxAliasExpansion else { return false }
        // The anchored node itself, copied: its subtree moves by `shift`.
        let index = nodes.count
        let shift = index - target
        for i in target..<(target + size) {
            var node = nodes[i]
            node.end += shift
            nodes.append(node)
        }
        guard acceptKey(index) else { return false }
        return complete(index, anchor: nil)
    }

    private mutating func openCollection(
        _ kind: FlatDocument.Kind,
        _ tagPointer: UnsafeMutablePointer<yaml_char_t>?,
        _ anchor: UnsafeMutablePointer<yaml_char_t>?,
        _ start: Mark
    ) -> Bool {
        guard open.count < limits.maxDepth, let tag = Self.tag(tagPointer), !isKeyPosition else { return false }
        let index = nodes.count
        nodes.append(
            Node(kind: kind, style: .plain, tag: tag, isASCII: false, count: 0, end: index + 1, text: 0, offset: start.offset, line: start.line, column: start.column)
        )
        open.append(Frame(index: index, anchor: anchor.map { String(cString: $0) }))
        return true
    }

    private mutating func close() -> Bool {
        guard let frame = open.popLast() else { return false }
        let isMapping = nodes[frame.index].kind == .mapping
        if isMapping && frame.children % 2 != 0 { return false }
        nodes[frame.index].end = nodes.count
        nodes[frame.index].count = isMapping ? frame.children / 2 : frame.children
        return complete(frame.index, anchor: frame.anchor)
    }

    /// Counts the finished node at `index` into the collection around it and records its anchor.
    private mutating func complete(_ index: Int, anchor: String?) -> Bool {
        if let anchor { anchors[anchor] = index }
        guard !open.isEmpty else {
            // A second root cannot follow in one document; libyaml ends the document first.
            return index == 0
        }
        open[open.count - 1].children += 1
        return true
    }

    // MARK: - Keys

    /// Whether the next node of the open collection is a mapping key.
    private var isKeyPosition: Bool {
        guard let top = open.last else { return false }
        return nodes[top.index].kind == .mapping && top.children % 2 == 0
    }

    /// A node just added as a key must be an ASCII scalar, not `<<`, not already a key of its
    /// mapping, and the mapping not too large for the scan; then it is marked ASCII, hashed and
    /// counted into the mapping's key bits.
    private mutating func acceptKey(_ index: Int) -> Bool {
        guard isKeyPosition, let top = open.last else { return true }
        guard nodes[index].kind == .scalar, top.children / 2 < Self.maxEntries else { return false }
        let name = UnsafeBufferPointer(start: text.base + nodes[index].text, count: nodes[index].count)
        let (hash, isASCII) = FlatDocument.hash(name)
        // Non-ASCII keys are equal as the parser compares them, by canonical equivalence.
        guard isASCII, !isMergeKey(index) else { return false }
        var key = top.index + 1
        while key < index {
            let other = nodes[key]
            if other.hash == hash, other.count == name.count, name.isEmpty || memcmp(text.base + other.text, name.baseAddress!, name.count) == 0 {
                return false
            }
            key = nodes[other.end].end
        }
        nodes[index].isASCII = true
        nodes[index].hash = hash
        nodes[top.index].keyBits |= FlatDocument.keyBit(hash)
        return true
    }

    private func isMergeKey(_ index: Int) -> Bool {
        let node = nodes[index]
        guard node.count == 2, text.base[node.text] == UInt8(ascii: "<"), text.base[node.text + 1] == UInt8(ascii: "<") else { return false }
        return (node.style == .plain && node.tag == .none) || node.tag == .merge
    }

    // MARK: - Tags

    private static let corePrefix = Array(FlatDocument.Tag.prefix.utf8)

    /// The tag of `pointer`: `.none` for none (or the non-specific `!`), `nil` for one that is
    /// not one of YAML's core tags.
    private static func tag(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> FlatDocument.Tag? {
        guard let pointer else { return FlatDocument.Tag.none }
        let bytes = UnsafeBufferPointer(start: pointer, count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)))
        if bytes.count == 1 && bytes[0] == UInt8(ascii: "!") { return FlatDocument.Tag.none }
        guard bytes.starts(with: corePrefix) else { return nil }
        return FlatDocument.Tag(coreName: bytes.dropFirst(corePrefix.count))
    }
}
