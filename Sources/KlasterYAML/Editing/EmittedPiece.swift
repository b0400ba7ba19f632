/// New text for an edit: a node written by ``YAMLEmitter`` inside a one-element wrapper, then
/// parsed back to find where the wrapper's indicator and the value are in that text.
///
/// The bytes run from the element's lead (the key, or the `-` of an item) to the end of the value,
/// without the final line break, as written at column 1; the editor indents them to where they go.
struct EmittedPiece {
    var bytes: [UInt8]
    /// The offset of the `:` after the key or of the item's `-`; `nil` for a whole document and
    /// for flow items, which have no indicator.
    var indicator: Int?
    /// Where the value's own text is.
    var value: Range<Int>
    /// True when the value is on the lead's line with no line break in it, so it can replace
    /// another such value in place.
    var isInline: Bool

    /// The bytes after the indicator: ` value` or a line break and the value's lines.
    var rest: ArraySlice<UInt8> { bytes[((indicator ?? -1) + 1)...] }

    var valueBytes: ArraySlice<UInt8> { bytes[value] }

    /// `key: value`, in a block mapping or (when `flow`) as a flow mapping's entry.
    ///
    /// `last` says that only blank lines or the end of the file follow where the piece goes:
    /// the emitter then avoids a kept block scalar (`|+`), whose kept lines would run into them.
    static func entry(key: String, value: YAMLNode, flow: Bool = false, last: Bool = true) throws(YAMLError) -> EmittedPiece {
        var entries = [YAMLMapping.Entry(key: .scalar(YAMLScalar(key)), value: value)]
        if !last {
            entries.append(YAMLMapping.Entry(key: .scalar(YAMLScalar(key + "~")), value: .scalar(YAMLScalar("next"))))
        }
        let (layout, root) = try emit(.mapping(YAMLMapping(entries, style: flow ? .flow : .block)))
        guard let entry = root.mapping?.entries.first, root.mapping?.entries.count == entries.count else {
            throw unreadable()
        }
        let lead = entry.key.span.start.offset
        let colon = flow ? nil : layout.indicator(TextLayout.colon, from: entry.key.span.end.offset, before: layout.count)
        if !flow && colon == nil { throw unreadable() }
        return piece(layout, lead: lead, indicator: colon, value: entry.value)
    }

    /// `- value` in a block sequence, or (when `flow`) the value as a flow sequence's item;
    /// `last` as for ``entry(key:value:flow:last:)``.
    static func item(_ value: YAMLNode, flow: Bool = false, last: Bool = true) throws(YAMLError) -> EmittedPiece {
        let items = last ? [value] : [value, .scalar(YAMLScalar("next"))]
        let (layout, root) = try emit(.sequence(YAMLSequence(items, style: flow ? .flow : .block)))
        guard let sequence = root.sequence, let item = sequence.items.first, sequence.items.count == items.count else {
            throw unreadable()
        }
        if flow {
            return piece(layout, lead: item.span.start.offset, indicator: nil, value: item)
        }
        guard let dash = layout.indicator(TextLayout.dash, from: sequence.span.start.offset, before: layout.count) else {
            throw unreadable()
        }
        return piece(layout, lead: dash, indicator: dash, value: item)
    }

    /// A whole document's root.
    static func document(_ node: YAMLNode) throws(YAMLError) -> EmittedPiece {
        let (layout, root) = try emit(node)
        return piece(layout, lead: root.span.start.offset, indicator: nil, value: root)
    }

    private static func piece(_ layout: TextLayout, lead: Int, indicator: Int?, value: YAMLNode) -> EmittedPiece {
        let valueStart = max(value.span.start.offset, (indicator ?? lead - 1) + 1)
        let valueEnd = max(valueStart, layout.contentEnd(value.span.end.offset))
        let bytes = Array(layout.bytes[lead..<valueEnd])
        let valueRange = (valueStart - lead)..<(valueEnd - lead)
        let isBlockScalar = value.scalar.map { $0.style == .literal || $0.style == .folded } ?? false
        let isCollection = value.scalar == nil
        let isFlow = value.sequence?.style == .flow || value.mapping?.style == .flow
        let isInline =
            !bytes.contains(TextLayout.newline) && !isBlockScalar && (!isCollection || isFlow)
        return EmittedPiece(bytes: bytes, indicator: indicator.map { $0 - lead }, value: valueRange, isInline: isInline)
    }

    private static func emit(_ node: YAMLNode) throws(YAMLError) -> (TextLayout, YAMLNode) {
        let text = try YAMLEmitter().emit(node)
        let parsed: YAMLNode?
        do {
            parsed = try YAMLParser().parse(text)
        } catch {
            throw YAMLError(.emit, "the emitter wrote text that does not read back: \(error.message)")
        }
        guard let parsed else { throw unreadable() }
        return (TextLayout(text), parsed)
    }

    private static func unreadable() -> YAMLError {
        YAMLError(.emit, "the emitter wrote a value in a form the editor cannot place")
    }
}
