/// The splices of edits inside flow collections (`[a, b]`, `{x: 1}`): flow pieces only.
extension YAMLDocumentEditor {
    /// Puts `node`, written in flow style, in place of a value inside a flow collection.
    func flowReplacementSplices(_ old: YAMLNode, key: YAMLNode?, with node: YAMLNode, _ layout: TextLayout) throws(YAMLError) -> [Splice] {
        let value = Array(try EmittedPiece.item(node, flow: true).valueBytes)
        let start = old.span.start.offset
        let end = old.span.end.offset
        if start < end {
            return [Splice(start..<end, value)]
        }
        // An empty value: `{a: }` or `{a}`.
        guard let key else { return [Splice(inserting: value, at: start)] }
        let keyEnd = key.span.end.offset
        if let colon = layout.indicator(TextLayout.colon, from: keyEnd, before: layout.count) {
            return [Splice(inserting: [TextLayout.space] + value, at: colon + 1)]
        }
        return [Splice(inserting: [TextLayout.colon, TextLayout.space] + value, at: keyEnd)]
    }

    /// A new `key: value` entry in a flow mapping, before the entry at `position` (an index into
    /// `mapping.entries`) or at the end.
    func flowInsertionSplices(entry: YAMLMapping.Entry, in mapping: YAMLMapping, at position: Int, _ layout: TextLayout) throws(YAMLError) -> [Splice] {
        let piece = try EmittedPiece.entry(key: entry.keyText ?? "", value: entry.value, flow: true)
        let written = mapping.entries.indices.filter { !mapping.entries[$0].isMerged }
        let ranges = written.map { Self.range(of: mapping.entries[$0]) }
        let index = written.filter { $0 < position }.count
        return flowInsertionSplices(piece.bytes, in: ranges, at: index, within: mapping.span, layout)
    }

    /// `bytes` as a new element of a flow collection whose elements span `ranges`: before
    /// element `index`, or after the last one.
    func flowInsertionSplices(_ bytes: [UInt8], in ranges: [Range<Int>], at index: Int, within span: Span, _ layout: TextLayout) -> [Splice] {
        let separator = [TextLayout.comma, TextLayout.space]
        guard let last = ranges.last else {
            // Right after the opening bracket, past any anchor or tag before it.
            var open = span.start.offset
            while open < span.end.offset && !["[", "{"].contains(UnicodeScalar(layout.bytes[open])) { open += 1 }
            return [Splice(inserting: bytes, at: min(open + 1, span.end.offset))]
        }
        if index < ranges.count {
            return [Splice(inserting: bytes + separator, at: ranges[index].lowerBound)]
        }
        return [Splice(inserting: separator + bytes, at: last.upperBound)]
    }

    /// Removes element `index` of a flow collection whose elements span `ranges`, with one of
    /// the commas around it.
    func flowRemovalSplices(_ ranges: [Range<Int>], removing index: Int) -> [Splice] {
        if ranges.count == 1 {
            return [Splice(ranges[0])]
        }
        if index + 1 < ranges.count {
            return [Splice(ranges[index].lowerBound..<ranges[index + 1].lowerBound)]
        }
        return [Splice(ranges[index - 1].upperBound..<ranges[index].upperBound)]
    }
}
