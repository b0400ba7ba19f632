internal import CLibYAML

/// Reads one YAML document into a ``YAMLNode`` tree, with spans, within ``YAMLLimits``.
///
/// Everything the contract rejects is an error with file, line and column: syntax errors,
/// duplicate keys (at the second occurrence), tags other than the core ones, invalid UTF-8, a NUL
/// byte, a second document, nesting past the limit, alias expansion past the limit, an oversized
/// file. Anchors and aliases resolve; `<<` merge keys merge. A byte-order mark is accepted.
public struct YAMLParser: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Parses `text`; returns `nil` for a stream with no document at all (an empty file, or only
    /// comments).
    public func parse(_ text: String, file: String = "") throws(YAMLError) -> YAMLNode? {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(YAMLError) -> YAMLNode? in try parse(bytes, file: file) }
        }
        return try result.get()
    }

    /// Parses UTF-8 bytes.
    public func parse(_ bytes: [UInt8], file: String = "") throws(YAMLError) -> YAMLNode? {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(YAMLError) -> YAMLNode? in try parse(buffer, file: file) }
        }
        return try result.get()
    }

    /// Parses UTF-8 bytes in place.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String = "") throws(YAMLError) -> YAMLNode? {
        if bytes.count > limits.maxFileSize {
            throw YAMLError(
                .tooLarge,
                "the file is \(bytes.count) bytes, over the limit of \(limits.maxFileSize) bytes",
                file: file,
                mark: Mark(offset: 0, line: 1, column: 1)
            )
        }
        var source = SourceText(bytes)
        if let problem = source.check() {
            throw YAMLError(problem.code, problem.message, file: file, mark: source.mark(atByteOffset: problem.offset))
        }
        var builder = TreeBuilder(limits: limits, file: file)
        return try builder.run(&source)
    }
}

/// The event loop: pulls libyaml's events and assembles the tree on an explicit stack.
private struct TreeBuilder {
    let limits: YAMLLimits
    let file: String

    private enum Frame {
        case sequence(items: [YAMLNode], start: Mark, style: CollectionStyle, tag: String?, anchor: String?, count: Int)
        case mapping(
            entries: [YAMLMapping.Entry],
            pendingKey: YAMLNode?,
            start: Mark,
            style: CollectionStyle,
            tag: String?,
            anchor: String?,
            count: Int,
            hasMerge: Bool
        )
    }

    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, count: Int)] = [:]
    private var expanded = 0
    private var root: YAMLNode?
    private var documents = 0
    /// The end of the last node read (an alias counts where it is written, not where its anchor is).
    private var lastEnd = Mark(offset: 0, line: 1, column: 1)

    init(limits: YAMLLimits, file: String) {
        self.limits = limits
        self.file = file
    }

    mutating func run(_ source: inout SourceText) throws(YAMLError) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(.syntax, "libyaml could not start (out of memory)", file: file)
        }
        defer { yaml_parser_delete(&parser) }
        let body = source.body
        guard let input = body.baseAddress, !body.isEmpty else { return nil }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, input, body.count)

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
                try checkDepth(&event, &source)
                lastEnd = mark(event.end_mark, &source)
                let data = event.data.sequence_start
                stack.append(
                    .sequence(
                        items: [],
                        start: mark(event.start_mark, &source),
                        style: data.style == YAML_FLOW_SEQUENCE_STYLE ? .flow : .block,
                        tag: try tag(data.tag, &event, &source),
                        anchor: string(data.anchor),
                        count: 1
                    )
                )
            case YAML_MAPPING_START_EVENT:
                try checkDepth(&event, &source)
                lastEnd = mark(event.end_mark, &source)
                let data = event.data.mapping_start
                stack.append(
                    .mapping(
                        entries: [],
                        pendingKey: nil,
                        start: mark(event.start_mark, &source),
                        style: data.style == YAML_FLOW_MAPPING_STYLE ? .flow : .block,
                        tag: try tag(data.tag, &event, &source),
                        anchor: string(data.anchor),
                        count: 1,
                        hasMerge: false
                    )
                )
            case YAML_SEQUENCE_END_EVENT:
                guard case .sequence(let items, let start, let style, let tag, let anchor, let count) = stack.removeLast()
                else { preconditionFailure("libyaml ended a sequence that was not open") }
                let end = style == .flow ? mark(event.end_mark, &source) : lastEnd
                lastEnd = end
                let node = YAMLNode.sequence(YAMLSequence(items, style: style, tag: tag, span: Span(start: start, end: end)))
                try add(node, count: count, anchor: anchor)
            case YAML_MAPPING_END_EVENT:
                guard
                    case .mapping(let entries, _, let start, let style, let tag, let anchor, let count, let hasMerge) =
                        stack.removeLast()
                else { preconditionFailure("libyaml ended a mapping that was not open") }
                let end = style == .flow ? mark(event.end_mark, &source) : lastEnd
                lastEnd = end
                let merged = hasMerge ? try applyMerges(entries) : entries
                let node = YAMLNode.mapping(YAMLMapping(merged, style: style, tag: tag, span: Span(start: start, end: end)))
                try add(node, count: count, anchor: anchor)
            default:
                break
            }
        }
    }

    // MARK: - Nodes

    private mutating func scalar(_ event: inout yaml_event_t, _ source: inout SourceText) throws(YAMLError) {
        let data = event.data.scalar
        let value = data.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self) } ?? ""
        let style: ScalarStyle =
            switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
        let start = mark(event.start_mark, &source)
        var end = mark(event.end_mark, &source)
        if style == .literal || style == .folded {
            end = blockScalarEnd(start: start, libyamlEnd: end, value: value, &source)
        }
        lastEnd = end
        let tag = try tag(data.tag, &event, &source)
        let node = YAMLNode.scalar(YAMLScalar(value, style: style, tag: tag, span: Span(start: start, end: end)))
        try add(node, count: 1, anchor: string(data.anchor))
    }

    private mutating func alias(_ event: inout yaml_event_t, _ source: inout SourceText) throws(YAMLError) {
        let name = string(event.data.alias.anchor) ?? ""
        guard let target = anchors[name] else {
            throw YAMLError(.badAlias, "the alias *\(name) names no anchor defined before it", file: file, mark: mark(event.start_mark, &source))
        }
        expanded += target.count
        if expanded > limits.maxAliasExpansion {
            throw YAMLError(
                .aliasExpansion,
                "aliases expand to more than \(limits.maxAliasExpansion) nodes",
                file: file,
                mark: mark(event.start_mark, &source)
            )
        }
        lastEnd = mark(event.end_mark, &source)
        try add(target.node, count: target.count, anchor: nil)
    }

    private mutating func checkDepth(_ event: inout yaml_event_t, _ source: inout SourceText) throws(YAMLError) {
        if stack.count >= limits.maxDepth {
            throw YAMLError(
                .tooDeep,
                "collections are nested deeper than \(limits.maxDepth) levels",
                file: file,
                mark: mark(event.start_mark, &source)
            )
        }
    }

    /// Hands a finished node to the collection being built, or makes it the document's root.
    private mutating func add(_ node: YAMLNode, count: Int, anchor: String?) throws(YAMLError) {
        if let anchor { anchors[anchor] = (node, count) }
        guard let top = stack.popLast() else {
            root = node
            return
        }
        switch consume top {
        case .sequence(var items, let start, let style, let tag, let anchor, let total):
            items.append(node)
            stack.append(.sequence(items: items, start: start, style: style, tag: tag, anchor: anchor, count: total + count))
        case .mapping(var entries, let pendingKey, let start, let style, let tag, let anchor, let total, var hasMerge):
            if let key = pendingKey {
                let isMerge = Self.isMergeKey(key)
                if !isMerge, let text = key.scalar?.value {
                    try checkDuplicate(text, key: key, in: entries)
                } else if !isMerge {
                    try checkDuplicate(node: key, in: entries)
                }
                hasMerge = hasMerge || isMerge
                entries.append(YAMLMapping.Entry(key: key, value: node))
                stack.append(
                    .mapping(entries: entries, pendingKey: nil, start: start, style: style, tag: tag, anchor: anchor, count: total + count, hasMerge: hasMerge)
                )
            } else {
                stack.append(
                    .mapping(entries: entries, pendingKey: node, start: start, style: style, tag: tag, anchor: anchor, count: total + count, hasMerge: hasMerge)
                )
            }
        }
    }

    private func checkDuplicate(_ text: String, key: YAMLNode, in entries: [YAMLMapping.Entry]) throws(YAMLError) {
        for entry in entries where entry.key.scalar?.value == text && !Self.isMergeKey(entry.key) {
            throw duplicate(text, key: key, first: entry.key)
        }
    }

    private func checkDuplicate(node key: YAMLNode, in entries: [YAMLMapping.Entry]) throws(YAMLError) {
        for entry in entries where entry.key.sameContent(as: key) {
            throw duplicate("(a complex key)", key: key, first: entry.key)
        }
    }

    private func duplicate(_ text: String, key: YAMLNode, first: YAMLNode) -> YAMLError {
        YAMLError(
            .duplicateKey,
            "duplicate key '\(text)'; it is already set on line \(first.span.start.line)",
            file: file,
            mark: key.span.start
        )
    }

    private static func isMergeKey(_ key: YAMLNode) -> Bool {
        guard case .scalar(let s) = key, s.value == "<<" else { return false }
        return (s.style == .plain && s.tag == nil) || s.tag == "tag:yaml.org,2002:merge"
    }

    /// Replaces `<<` entries by the entries they merge in; keys written in the mapping win, then
    /// earlier merge sources over later ones.
    private func applyMerges(_ entries: [YAMLMapping.Entry]) throws(YAMLError) -> [YAMLMapping.Entry] {
        var explicit = Set<String>()
        for entry in entries where !Self.isMergeKey(entry.key) {
            if let text = entry.keyText { explicit.insert(text) }
        }
        var taken = explicit
        var result: [YAMLMapping.Entry] = []
        for entry in entries {
            guard Self.isMergeKey(entry.key) else {
                result.append(entry)
                continue
            }
            let sources: [YAMLNode]
            switch entry.value {
            case .mapping: sources = [entry.value]
            case .sequence(let seq): sources = seq.items
            case .scalar:
                throw YAMLError(.badAlias, "a '<<' merge key takes a mapping or a list of mappings", file: file, mark: entry.value.span.start)
            }
            for source in sources {
                guard case .mapping(let map) = source else {
                    throw YAMLError(.badAlias, "a '<<' merge key takes a mapping or a list of mappings", file: file, mark: source.span.start)
                }
                for merged in map.entries {
                    if let text = merged.keyText {
                        if taken.contains(text) { continue }
                        taken.insert(text)
                    }
                    result.append(YAMLMapping.Entry(key: merged.key, value: merged.value, isMerged: true))
                }
            }
        }
        return result
    }

    // MARK: - Tags, strings, marks

    private static let corePrefix = "tag:yaml.org,2002:"
    private static let coreTags: Set<String> = ["str", "int", "float", "bool", "null", "seq", "map", "merge"]

    private func tag(_ pointer: UnsafeMutablePointer<yaml_char_t>?, _ event: inout yaml_event_t, _ source: inout SourceText) throws(YAMLError) -> String? {
        guard let tag = string(pointer) else { return nil }
        if tag == "!" { return nil }
        if tag.hasPrefix(Self.corePrefix), Self.coreTags.contains(String(tag.dropFirst(Self.corePrefix.count))) {
            return tag
        }
        let shown = tag.hasPrefix(Self.corePrefix) ? "!!" + tag.dropFirst(Self.corePrefix.count) : tag
        throw YAMLError(
            .forbiddenTag,
            "the tag \(shown) is not allowed; only YAML's core tags (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map) are",
            file: file,
            mark: mark(event.start_mark, &source)
        )
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private func mark(_ m: yaml_mark_t, _ source: inout SourceText) -> Mark {
        Mark(offset: source.byteOffset(ofCharacter: Int(m.index)), line: Int(m.line) + 1, column: Int(m.column) + 1)
    }

    /// libyaml ends a block scalar after the blank lines and indentation that follow it; the
    /// span ends instead just after its last content line (and the blank lines `|+` keeps).
    private func blockScalarEnd(start: Mark, libyamlEnd: Mark, value: String, _ source: inout SourceText) -> Mark {
        let bytes = source.base
        var end = libyamlEnd.offset
        var line = libyamlEnd.line
        // Back to the start of the line the end mark is on, when only indentation precedes it.
        let lineStart = source.lineStart(before: end)
        if bytes[lineStart..<min(end, bytes.count)].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            end = lineStart
        } else {
            return libyamlEnd
        }
        // Then back over blank lines, except the ones a keep (`+`) indicator makes content.
        var trailingNewlines = 0
        for ch in value.utf8.reversed() {
            if ch == 0x0A { trailingNewlines += 1 } else { break }
        }
        // The last line break ends the last content line, unless every line is blank.
        let allBlank = trailingNewlines == value.utf8.count
        let keptBlank = allBlank ? trailingNewlines : max(0, trailingNewlines - 1)
        var blankLines: [Int] = []  // starts of the blank lines just above `end`, nearest first
        var cursor = end
        while cursor > start.offset {
            let previousStart = source.lineStart(before: cursor - 1)
            let content = bytes[previousStart..<(cursor - 1)]
            guard content.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else { break }
            blankLines.append(previousStart)
            cursor = previousStart
        }
        let dropped = max(0, blankLines.count - keptBlank)
        if dropped > 0 {
            end = blankLines[dropped - 1]
            line -= dropped
        }
        if end <= start.offset { return libyamlEnd }
        return Mark(offset: end, line: line, column: 1)
    }

    private func parserError(_ parser: inout yaml_parser_t, _ source: inout SourceText) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
        if parser.error == YAML_READER_ERROR {
            let offset = Int(parser.problem_offset) + source.prefix
            return YAMLError(.syntax, problem, file: file, mark: source.mark(atByteOffset: offset))
        }
        if parser.error == YAML_MEMORY_ERROR {
            return YAMLError(.syntax, "libyaml ran out of memory", file: file)
        }
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context) at line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
        }
        return YAMLError(.syntax, message, file: file, mark: mark(parser.problem_mark, &source))
    }
}

extension YAMLNode {
    /// Equal content, ignoring spans and styles: the sense in which two keys are the same key.
    public func sameContent(as other: YAMLNode) -> Bool {
        switch (self, other) {
        case (.scalar(let a), .scalar(let b)):
            return a.value == b.value
        case (.sequence(let a), .sequence(let b)):
            return a.items.count == b.items.count && zip(a.items, b.items).allSatisfy { $0.sameContent(as: $1) }
        case (.mapping(let a), .mapping(let b)):
            return a.entries.count == b.entries.count
                && zip(a.entries, b.entries).allSatisfy { $0.key.sameContent(as: $1.key) && $0.value.sameContent(as: $1.value) }
        default:
            return false
        }
    }
}
