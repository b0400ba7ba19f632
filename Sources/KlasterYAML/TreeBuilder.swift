internal import CLibYAML

/// The event loop: pulls libyaml's events and assembles the tree on an explicit stack.
///
/// The children of every open collection wait on one shared `children` stack (a mapping's as
/// key, value, key, value, ...); closing a collection moves its children into one array of the
/// exact size. So a file costs one allocation per collection, and open collections hold no
/// arrays that grow. An alias adds the anchored node itself (its span is the anchor's), while
/// the collection around it ends where the alias does.
struct TreeBuilder {
    let limits: YAMLLimits
    let file: String

    /// A collection being read.
    struct Frame {
        var isMapping: Bool
        var hasMerge = false
        var style: CollectionStyle
        var start: Mark
        /// Where the last child added ends, at this place in the text.
        var lastEnd: Mark?
        var tag: String?
        var anchor: String?
        /// Nodes in the collection and below, aliases expanded: what an alias to it costs.
        var count = 1
        /// The index in `children` of the collection's first child.
        var base: Int
        /// Where alias keys are written, by their index in `children` (their spans are their
        /// anchors').
        var aliasKeySites: [Int: Mark]?
        /// Key indexes in `children` by key, built once a mapping outgrows a linear scan.
        var keyIndex: [ContentKey: Int]?
    }

    var stack: [Frame] = []
    var children: [YAMLNode] = []
    private var anchors: [String: (node: YAMLNode, count: Int)] = [:]
    private var expanded = 0
    private var root: YAMLNode?
    private var documents = 0

    init(limits: YAMLLimits, file: String) {
        self.limits = limits
        self.file = file
    }

    mutating func run(_ source: inout SourceText) throws(YAMLError) -> YAMLNode? {
        var parser = yaml_parser_t()
        let start = source.start(&parser)
        if start == .outOfMemory { throw YAMLError(.syntax, "libyaml could not start (out of memory)", file: file) }
        defer { yaml_parser_delete(&parser) }
        if start == .empty { return nil }

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw parserError(&parser, &source)
            }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw YAMLError(
                        .multipleDocuments,
                        "a record file holds one YAML document; a second one starts here",
                        file: file,
                        mark: mark(event.start_mark, &source)
                    )
                }
            case YAML_SCALAR_EVENT:
                try scalar(&event, &source)
            case YAML_ALIAS_EVENT:
                try alias(&event, &source)
            case YAML_SEQUENCE_START_EVENT:
                let data = event.data.sequence_start
                try open(mapping: false, data.tag, data.anchor, isFlow: data.style == YAML_FLOW_SEQUENCE_STYLE, &event, &source)
            case YAML_MAPPING_START_EVENT:
                let data = event.data.mapping_start
                try open(mapping: true, data.tag, data.anchor, isFlow: data.style == YAML_FLOW_MAPPING_STYLE, &event, &source)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try close(&event, &source)
            default:
                break
            }
        }
    }

    // MARK: - Nodes

    private mutating func open(
        mapping: Bool,
        _ tagPointer: UnsafeMutablePointer<yaml_char_t>?,
        _ anchorPointer: UnsafeMutablePointer<yaml_char_t>?,
        isFlow: Bool,
        _ event: inout yaml_event_t,
        _ source: inout SourceText
    ) throws(YAMLError) {
        if stack.count >= limits.maxDepth {
            throw YAMLError(
                .tooDeep,
                "collections are nested deeper than \(limits.maxDepth) levels",
                file: file,
                mark: mark(event.start_mark, &source)
            )
        }
        let frame = Frame(
            isMapping: mapping,
            style: isFlow ? .flow : .block,
            start: mark(event.start_mark, &source),
            tag: try tag(tagPointer, &event, &source),
            anchor: string(anchorPointer),
            base: children.count
        )
        stack.append(frame)
    }

    private mutating func close(_ event: inout yaml_event_t, _ source: inout SourceText) throws(YAMLError) {
        let isMapping = event.type == YAML_MAPPING_END_EVENT
        guard let frame = stack.popLast(), frame.isMapping == isMapping,
            !isMapping || (children.count - frame.base) % 2 == 0
        else {
            throw YAMLError(.syntax, "libyaml closed a collection that was not open", file: file, mark: mark(event.start_mark, &source))
        }
        // A flow collection ends at its bracket; a block one with its last child.
        let end = frame.style == .flow ? mark(event.end_mark, &source) : (frame.lastEnd ?? frame.start)
        let span = Span(start: frame.start, end: end)
        // The children move out of the stack, last first: no copies, no reference counting.
        let count = children.count - frame.base
        let node: YAMLNode
        if isMapping {
            var entries = [YAMLMapping.Entry](unsafeUninitializedCapacity: count / 2) { buffer, initialized in
                for i in stride(from: count / 2 - 1, through: 0, by: -1) {
                    let value = children.removeLast()
                    let key = children.removeLast()
                    (buffer.baseAddress.unsafelyUnwrapped + i).initialize(to: YAMLMapping.Entry(key: key, value: value))
                }
                initialized = count / 2
            }
            if frame.hasMerge { entries = try applyMerges(entries) }
            node = .mapping(YAMLMapping(entries, style: frame.style, tag: frame.tag, span: span))
        } else {
            let items = [YAMLNode](unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in stride(from: count - 1, through: 0, by: -1) {
                    (buffer.baseAddress.unsafelyUnwrapped + i).initialize(to: children.removeLast())
                }
                initialized = count
            }
            node = .sequence(YAMLSequence(items, style: frame.style, tag: frame.tag, span: span))
        }
        try add(node, count: frame.count, anchor: frame.anchor, at: span)
    }

    private mutating func scalar(_ event: inout yaml_event_t, _ source: inout SourceText) throws(YAMLError) {
        let data = event.data.scalar
        let value = data.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self) } ?? ""
        let style = ScalarStyle(data.style)
        let start = mark(event.start_mark, &source)
        var end = mark(event.end_mark, &source)
        if style == .literal || style == .folded {
            end = blockScalarEnd(start: start, libyamlEnd: end, value: value, &source)
        }
        let tag = try tag(data.tag, &event, &source)
        let span = Span(start: start, end: end)
        let node = YAMLNode.scalar(YAMLScalar(value, style: style, tag: tag, span: span))
        try add(node, count: 1, anchor: string(data.anchor), at: span)
    }

    private mutating func alias(_ event: inout yaml_event_t, _ source: inout SourceText) throws(YAMLError) {
        let name = string(event.data.alias.anchor) ?? ""
        let site = Span(start: mark(event.start_mark, &source), end: mark(event.end_mark, &source))
        guard let target = anchors[name] else {
            throw YAMLError(.badAlias, "the alias *\(name) names no anchor defined before it", file: file, mark: site.start)
        }
        expanded += target.count
        if expanded > limits.maxAliasExpansion {
            throw YAMLError(
                .aliasExpansion,
                "aliases expand to more than \(limits.maxAliasExpansion) nodes",
                file: file,
                mark: site.start
            )
        }
        try add(target.node, count: target.count, anchor: nil, at: site)
    }

    /// Hands a finished node, written at `site`, to the collection being built, or makes it the
    /// document's root.
    private mutating func add(_ node: consuming YAMLNode, count: Int, anchor: String?, at site: Span) throws(YAMLError) {
        if let anchor { anchors[anchor] = (node, count) }
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        stack[top].count += count
        stack[top].lastEnd = site.end
        if stack[top].isMapping, (children.count - stack[top].base) % 2 == 0 {
            try checkKey(node, at: site.start, frame: top)
        }
        children.append(node)
    }
}
