/// The splices of edits in block collections and of whole values.
extension YAMLDocumentEditor {
    /// Puts `node` in place of the located node.
    func replacementSplices(_ target: LocatedNode, with node: YAMLNode, _ layout: TextLayout) throws(YAMLError) -> [Splice] {
        let node = Self.keepingQuotes(of: target.node, node)
        switch target.place {
        case .root:
            let old = target.node.span
            let piece = try EmittedPiece.document(node)
            let start = old.start.offset
            let end = max(start, layout.contentEnd(old.end.offset))
            return [Splice(start..<end, layout.adapt(piece.bytes, indent: layout.column(start) - 1))]
        case .entry(let mapping, let index):
            let entry = mapping.entries[index]
            guard let key = entry.keyText else {
                throw editError("\(describe(target.path)) has a key that is not a scalar", at: target.path)
            }
            if mapping.style == .flow {
                return try flowReplacementSplices(target.node, key: entry.key, with: node, layout)
            }
            let keyEnd = entry.key.span.end.offset
            guard let colon = layout.indicator(TextLayout.colon, from: keyEnd, before: layout.count) else {
                throw editError("\(describe(target.path)) is written as an explicit '? key', which the editor does not change", at: target.path)
            }
            let last = layout.isLast(after: layout.contentEnd(target.node.span.end.offset))
            let piece = try EmittedPiece.entry(key: key, value: node, last: last)
            return blockReplacement(target.node, indicator: colon, shift: entry.key.span.start.column - 1, piece, layout)
        case .item(let sequence, let index):
            if sequence.style == .flow {
                return try flowReplacementSplices(target.node, key: nil, with: node, layout)
            }
            let dash = try dashes(of: sequence, at: target.path, layout)[index]
            let last = layout.isLast(after: layout.contentEnd(target.node.span.end.offset))
            let piece = try EmittedPiece.item(node, last: last)
            return blockReplacement(target.node, indicator: dash, shift: layout.column(dash) - 1, piece, layout)
        }
    }

    /// Replaces the value after a block indicator (the `:` after a key, an item's `-`).
    private func blockReplacement(_ old: YAMLNode, indicator: Int, shift: Int, _ piece: EmittedPiece, _ layout: TextLayout) -> [Splice] {
        let oldStart = old.span.start.offset
        let oldEnd = layout.contentEnd(old.span.end.offset)
        let rest = piece.rest
        let isEmpty = oldStart >= oldEnd
        if !isEmpty && Self.isInline(old) && piece.isInline {
            return [Splice(oldStart..<old.span.end.offset, Array(piece.valueBytes))]
        }
        let indicatorLineEnd = layout.lineEnd(indicator)
        guard isEmpty || oldStart > indicatorLineEnd else {
            return [Splice((indicator + 1)..<oldEnd, layout.adapt(rest, indent: shift))]
        }
        // Nothing after the indicator on its line but maybe a comment, which stays: the new
        // value's first line goes before it and its other lines replace the old value's lines.
        let firstBreak = rest.firstIndex(of: TextLayout.newline) ?? rest.endIndex
        let trailing = layout.bytes[(indicator + 1)..<indicatorLineEnd]
        let headEnd = trailing.allSatisfy { $0 == TextLayout.space || $0 == TextLayout.tab } ? indicatorLineEnd : indicator + 1
        return [
            Splice((indicator + 1)..<headEnd, layout.adapt(rest[..<firstBreak], indent: shift)),
            Splice(indicatorLineEnd..<(isEmpty ? indicatorLineEnd : oldEnd), layout.adapt(rest[firstBreak...], indent: shift)),
        ]
    }

    /// A plain string replacing a single-quoted one is written single-quoted too (when it can
    /// be). The emitter never picks that style itself, so a user chose it; double quotes it does
    /// pick, so they say nothing about the user's taste.
    static func keepingQuotes(of old: YAMLNode, _ new: YAMLNode) -> YAMLNode {
        guard case .scalar(let oldScalar) = old, oldScalar.style == .singleQuoted,
            case .scalar(var newScalar) = new, newScalar.style == .plain, newScalar.tag == nil
        else { return new }
        newScalar.style = .singleQuoted
        return .scalar(newScalar)
    }

    /// True for a value that sits on one line and can be swapped for another such value in place.
    static func isInline(_ node: YAMLNode) -> Bool {
        switch node {
        case .scalar(let scalar): scalar.style != .literal && scalar.style != .folded
        case .sequence(let sequence): sequence.style == .flow
        case .mapping(let mapping): mapping.style == .flow
        }
    }

    /// The whole document for an empty one: after its comments, on a line of its own.
    func documentSplices(_ node: YAMLNode, _ layout: TextLayout) throws(YAMLError) -> [Splice] {
        let piece = try EmittedPiece.document(node)
        var bytes = layout.adapt(piece.bytes, indent: 0) + layout.lineBreak
        if layout.count > layout.origin && !layout.endsWithLineBreak {
            bytes = layout.lineBreak + bytes.dropLast(layout.lineBreak.count)
        }
        return [Splice(inserting: bytes, at: layout.count)]
    }

    // MARK: - Adding

    /// A new `key: value` line (or lines) in a block mapping.
    func blockInsertionSplices(
        entry: YAMLMapping.Entry,
        in mapping: YAMLMapping,
        after sibling: String?,
        at path: YAMLPath,
        _ layout: TextLayout
    ) throws(YAMLError) -> [Splice] {
        let written = mapping.entries.filter { !$0.isMerged }
        let column = written.first?.key.span.start.column ?? mapping.span.start.column
        let end: Int
        if let sibling, let before = written.first(where: { $0.keyText == sibling }) {
            end = Self.range(of: before).upperBound
        } else {
            end = mapping.span.end.offset
        }
        let offset = layout.linesEnd(after: end, column: column)
        let piece = try EmittedPiece.entry(key: entry.keyText ?? "", value: entry.value, last: layout.isLast(before: offset))
        return [lines(piece.bytes, column: column, at: offset, layout)]
    }

    /// A new `- value` element in a block sequence.
    func blockInsertionSplices(item: YAMLNode, in sequence: YAMLSequence, at index: Int, path: YAMLPath, _ layout: TextLayout) throws(YAMLError) -> [Splice] {
        let dashes = try dashes(of: sequence, at: path, layout)
        let column = layout.column(dashes[0])
        let offset: Int
        if index < dashes.count {
            guard layout.isFirstOnLine(dashes[index]) else {
                throw editError(
                    "element [\(index)] of \(describe(path)) shares its line with its parent's indicator; nothing can go before it",
                    at: path.appending(index: index)
                )
            }
            offset = layout.commentBlockStart(above: layout.lineStart(dashes[index]), column: column)
        } else {
            offset = layout.linesEnd(after: sequence.span.end.offset, column: column)
        }
        let piece = try EmittedPiece.item(item, last: layout.isLast(before: offset))
        return [lines(piece.bytes, column: column, at: offset, layout)]
    }

    /// New lines at a line start, their first character at `column`.
    private func lines(_ bytes: [UInt8], column: Int, at offset: Int, _ layout: TextLayout) -> Splice {
        let indent = Array(repeating: TextLayout.space, count: column - 1)
        let text = indent + layout.adapt(bytes, indent: column - 1)
        if offset == layout.count && layout.count > layout.origin && !layout.endsWithLineBreak {
            return Splice(inserting: layout.lineBreak + text, at: offset)
        }
        return Splice(inserting: text + layout.lineBreak, at: offset)
    }

    // MARK: - Removing

    /// Removes a key's lines from a block mapping that keeps other keys.
    func blockRemovalSplices(key index: Int, in mapping: YAMLMapping, at path: YAMLPath, _ layout: TextLayout) throws(YAMLError) -> [Splice] {
        let range = Self.range(of: mapping.entries[index])
        return try blockRemoval(lead: range.lowerBound, end: range.upperBound, at: path, layout)
    }

    /// Removes an element's lines from a block sequence that keeps other elements.
    func blockRemovalSplices(item index: Int, in sequence: YAMLSequence, at path: YAMLPath, _ layout: TextLayout) throws(YAMLError) -> [Splice] {
        let dash = try dashes(of: sequence, at: path.parent ?? .root, layout)[index]
        return try blockRemoval(lead: dash, end: max(dash + 1, sequence.items[index].span.end.offset), at: path, layout)
    }

    private func blockRemoval(lead: Int, end: Int, at path: YAMLPath, _ layout: TextLayout) throws(YAMLError) -> [Splice] {
        let column = layout.column(lead)
        guard layout.isFirstOnLine(lead) else {
            // The first key of a mapping on an item's `- ` line: the next key moves up to it.
            let next = layout.nextToken(from: end)
            guard next < layout.count, layout.column(next) == column else {
                throw editError("\(describe(path)) is laid out in a way the editor cannot remove", at: path)
            }
            return [Splice(lead..<next)]
        }
        var start = layout.lineStart(lead)
        var stop = layout.linesEnd(after: end, column: column)
        if start > layout.origin, layout.isBlankLine(at: layout.lineStart(start - 1)), layout.isBlankLine(at: stop) {
            stop = layout.nextLineStart(stop)
        }
        if stop == layout.count && !layout.endsWithLineBreak && start > layout.origin {
            start = layout.lineEnd(layout.lineStart(start - 1))
        }
        return [Splice(start..<stop)]
    }

    // MARK: - Positions

    /// The offsets of a block sequence's `-` indicators, one per element.
    func dashes(of sequence: YAMLSequence, at path: YAMLPath, _ layout: TextLayout) throws(YAMLError) -> [Int] {
        var dashes: [Int] = []
        var from = sequence.span.start.offset
        for item in sequence.items {
            // An alias's span is its anchor's, elsewhere: its `-` is then found by scanning on.
            let limit = item.span.start.offset > from ? item.span.start.offset : layout.count
            guard let dash = layout.indicator(TextLayout.dash, from: from, before: limit) else {
                throw editError("the elements of \(describe(path)) are laid out in a way the editor cannot find", at: path)
            }
            dashes.append(dash)
            from = max(dash + 1, item.span.end.offset)
        }
        return dashes
    }

    /// From a mapping entry's key to the end of its value.
    static func range(of entry: YAMLMapping.Entry) -> Range<Int> {
        entry.key.span.start.offset..<max(entry.key.span.end.offset, entry.value.span.end.offset)
    }
}
