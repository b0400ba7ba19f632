internal import CLibYAML

/// Writes a ``YAMLNode`` tree as one YAML document through libyaml's emitter.
///
/// The output is block style with a two-space indent, Unicode written as is, long lines never
/// folded, no `---` or `...` markers, and exactly one line break at the end. libyaml does the
/// quoting and escaping; this type chooses each scalar's style:
///
/// - an untagged `.plain` scalar is written plain only when ``PlainScalar/isSafePlain(_:inFlow:)``
///   says every common YAML tool reads it back as the same string, and double-quoted otherwise;
/// - text with line breaks becomes a literal block (`|`, `|-`, `|+`) when that reads back
///   exactly, and a double-quoted string when it does not (tabs or trailing spaces on a line,
///   `\r`, control characters, inside a flow collection);
/// - an explicit `.singleQuoted`, `.doubleQuoted`, `.literal` or `.folded` is honoured when it is
///   valid for the text;
/// - a scalar tagged with a core type (`!!int`, `!!float`, `!!bool`, `!!null`) whose text is
///   that type's YAML 1.2 core form, or with `!!timestamp` and a YAML 1.1 timestamp's text, is
///   written plain with the tag left implicit (`count: 12`); any other tag is written out
///   (`!!str 12`). This is how a caller asks for a non-string plain scalar.
///
/// Empty sequences and mappings are written `[]` and `{}`; `.flow` collections in flow style.
public struct YAMLEmitter: Sendable {
    public init() {}

    /// The document text for `node`.
    ///
    /// The tree is written as it is unless a scalar holds a character beyond the Basic
    /// Multilingual Plane; then writing stops there and starts over through
    /// ``AstralSubstitution``, so that trees without such characters cost no extra pass.
    public func emit(_ node: YAMLNode) throws(YAMLError) -> String {
        if let text = try emit(node, stopAtAstral: true) { return text }
        let astral = AstralSubstitution(node)
        guard let text = try emit(astral.node, stopAtAstral: false) else {
            throw YAMLError(.emit, "the emitter stopped without writing the document")
        }
        return astral.restore(text)
    }

    /// The document text, or `nil` when `stopAtAstral` is set and a scalar has a character
    /// beyond the Basic Multilingual Plane.
    private func emit(_ node: YAMLNode, stopAtAstral: Bool) throws(YAMLError) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        let result = withUnsafeMutablePointer(to: &output) { out in
            Result { () throws(YAMLError) -> Bool in try run(node, stopAtAstral: stopAtAstral, into: out) }
        }
        guard try result.get() else { return nil }
        if output.count >= 5, output.suffix(5).elementsEqual("\n...\n".utf8) {
            output.removeLast(4)
        }
        if output.last != 0x0A { output.append(0x0A) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes `node` into `out`; false when it stopped at a character beyond the BMP.
    private func run(_ node: YAMLNode, stopAtAstral: Bool, into out: UnsafeMutablePointer<[UInt8]>) throws(YAMLError) -> Bool {
        var emitter = yaml_emitter_t()
        guard yaml_emitter_initialize(&emitter) == 1 else {
            throw YAMLError(.emit, "libyaml's emitter could not start (out of memory)")
        }
        defer { yaml_emitter_delete(&emitter) }
        yaml_emitter_set_unicode(&emitter, 1)
        yaml_emitter_set_width(&emitter, -1)
        yaml_emitter_set_indent(&emitter, 2)
        yaml_emitter_set_break(&emitter, YAML_LN_BREAK)
        yaml_emitter_set_output(
            &emitter,
            { data, buffer, size in
                guard let data, let buffer else { return 1 }
                let out = data.assumingMemoryBound(to: [UInt8].self)
                out.pointee.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
                return 1
            },
            out
        )
        var writer = EventWriter(emitter: &emitter, stopAtAstral: stopAtAstral)
        try writer.document(node)
        if writer.sawAstral { return false }
        guard yaml_emitter_flush(&emitter) == 1 else { throw writer.problem() }
        return true
    }
}

/// Turns nodes into libyaml events.
private struct EventWriter {
    let emitter: UnsafeMutablePointer<yaml_emitter_t>
    /// Stop at the first scalar with a character beyond the BMP, setting `sawAstral`.
    let stopAtAstral: Bool
    private(set) var sawAstral = false

    init(emitter: UnsafeMutablePointer<yaml_emitter_t>, stopAtAstral: Bool) {
        self.emitter = emitter
        self.stopAtAstral = stopAtAstral
    }

    mutating func document(_ node: YAMLNode) throws(YAMLError) {
        var event = yaml_event_t()
        yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
        try emit(&event)
        yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
        try emit(&event)
        try self.node(node, inFlow: false, isLast: true)
        if sawAstral { return }
        yaml_document_end_event_initialize(&event, 1)
        try emit(&event)
        yaml_stream_end_event_initialize(&event)
        try emit(&event)
    }

    private mutating func node(_ node: YAMLNode, inFlow: Bool, isLast: Bool) throws(YAMLError) {
        var event = yaml_event_t()
        switch node {
        case .scalar(let scalar):
            if stopAtAstral, AstralSubstitution.containsAstral(scalar.value) {
                sawAstral = true
                return
            }
            let plan = ScalarPlan(scalar, inFlow: inFlow, isLast: isLast)
            try scalarEvent(&event, plan)
        case .sequence(let sequence):
            let flow = inFlow || sequence.style == .flow || sequence.items.isEmpty
            let style = flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE
            _ = withTag(sequence.tag) { tag in
                yaml_sequence_start_event_initialize(&event, nil, tag, tag == nil ? 1 : 0, style)
            }
            try emit(&event)
            for (i, item) in sequence.items.enumerated() {
                try self.node(item, inFlow: flow, isLast: isLast && i == sequence.items.count - 1)
                if sawAstral { return }
            }
            yaml_sequence_end_event_initialize(&event)
            try emit(&event)
        case .mapping(let mapping):
            let flow = inFlow || mapping.style == .flow || mapping.entries.isEmpty
            let style = flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE
            _ = withTag(mapping.tag) { tag in
                yaml_mapping_start_event_initialize(&event, nil, tag, tag == nil ? 1 : 0, style)
            }
            try emit(&event)
            for (i, entry) in mapping.entries.enumerated() {
                try self.node(entry.key, inFlow: flow, isLast: false)
                if sawAstral { return }
                try self.node(entry.value, inFlow: flow, isLast: isLast && i == mapping.entries.count - 1)
                if sawAstral { return }
            }
            yaml_mapping_end_event_initialize(&event)
            try emit(&event)
        }
    }

    private func scalarEvent(_ event: inout yaml_event_t, _ plan: ScalarPlan) throws(YAMLError) {
        var text = plan.text
        let initialized = text.withUTF8 { value in
            withTag(plan.tag) { tag in
                let implicit: Int32 = tag == nil ? 1 : 0
                return withUnsafePointer(to: 0 as UInt8) { empty in
                    yaml_scalar_event_initialize(
                        &event, nil, tag, value.baseAddress ?? empty, Int32(value.count), implicit, implicit, plan.style
                    )
                }
            }
        }
        guard initialized == 1 else {
            throw YAMLError(.emit, "libyaml could not take the scalar '\(plan.text.prefix(40))'")
        }
        try emit(&event)
    }

    private func withTag<R>(_ tag: String?, _ body: (UnsafePointer<yaml_char_t>?) -> R) -> R {
        guard let tag else { return body(nil) }
        return tag.withCString { pointer in
            pointer.withMemoryRebound(to: yaml_char_t.self, capacity: tag.utf8.count + 1) { body($0) }
        }
    }

    private func emit(_ event: inout yaml_event_t) throws(YAMLError) {
        guard yaml_emitter_emit(emitter, &event) == 1 else { throw problem() }
    }

    func problem() -> YAMLError {
        let text = emitter.pointee.problem.map { String(cString: $0) } ?? "libyaml's emitter failed"
        return YAMLError(.emit, text)
    }
}
