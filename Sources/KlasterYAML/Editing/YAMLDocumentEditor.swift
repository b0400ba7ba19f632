/// Edits a YAML document's text so that only the edited nodes' bytes change: comments, blank
/// lines, quoting and key order elsewhere stay byte for byte. Every write of a record goes
/// through it.
///
/// New values are written by ``YAMLEmitter`` and placed at the column of their siblings: as
/// block pieces in block collections, as flow pieces in flow collections (`[a, b]` becomes
/// `[a, b, c]`). After each edit the text is parsed again, and the edit is refused with
/// `.badEdit`, the text left as it was, unless the new tree is the old one with exactly that
/// change: an edit cannot corrupt the document, nor silently change a node that an alias or a
/// `<<` merge reuses.
///
/// Where the text leaves a choice:
/// - Replacing a value rewrites only the value's text when old and new each fit on one line, so
///   `since: 2013 # note` keeps its comment and spacing; otherwise it rewrites the value's lines,
///   keeping a comment after the key.
/// - Removing a key or an element removes its lines, the comment at the end of its last line and
///   the comment lines after it indented deeper (inside it). Comment lines above it stay: a comment
///   over a key may as well be a heading for the keys below it. When the removed lines had a blank
///   line on each side, one of the two goes as well.
/// - Removing the last key of a mapping or the last element of a sequence leaves `{}` or `[]`: the
///   field stays, empty. Removing the field is removing its key.
/// - An empty `{}` or `[]` outside flow collections that gains an element is rewritten in block
///   style; other flow collections stay flow.
/// - A new key or element goes after the lines of the one before it, so comment lines directly
///   above the next one stay with it. An empty document gets the new key as its first line.
/// - A plain string replacing a single-quoted one stays single-quoted; otherwise the emitter
///   chooses the quoting of new values.
/// - Keys that come from `<<` merges, and nodes reached through an alias, cannot be edited
///   (an alias itself can be removed).
/// - A file with `\r\n` line breaks gets `\r\n` in new lines; a file without a final line break
///   stays without one.
public struct YAMLDocumentEditor: Sendable {
    /// The document's current text.
    public private(set) var text: String
    /// The document's current tree, read from ``text``; `nil` for a document with no content.
    public private(set) var root: YAMLNode?
    /// The file name used in errors.
    public let file: String
    let parser: YAMLParser

    /// Reads `text`; throws what ``YAMLParser`` throws for it.
    public init(text: String, file: String = "", limits: YAMLLimits = .default) throws(YAMLError) {
        self.text = text
        self.file = file
        parser = YAMLParser(limits: limits)
        root = try parser.parse(text, file: file)
    }

    /// The node at `path`, when it is written in this document (not merged in, not an alias).
    public func node(at path: YAMLPath) -> YAMLNode? {
        try? locate(path).node
    }

    /// Puts `node` in place of the node at `path`: a scalar, a whole subtree, a sequence element,
    /// or (at the root path) the whole document's content.
    public mutating func replace(at path: YAMLPath, with node: YAMLNode) throws(YAMLError) {
        let layout = TextLayout(text)
        if path.isRoot && root == nil {
            try commit(try documentSplices(node, layout), layout, expecting: node, at: path, edit: "writing the document")
            return
        }
        let target = try locate(path)
        let splices = try replacementSplices(target, with: node, layout)
        let expected = root?.updating(at: target.steps[...]) { $0 = node }
        try commit(splices, layout, expecting: expected, at: path, edit: "replacing \(describe(path))")
    }

    /// Sets `key` to `node` in the mapping at `path`: replaces the value where the key is present
    /// (in its place: `sibling` is ignored), else adds the key after the key `sibling`, or after
    /// the last key when `sibling` is `nil`. An empty document becomes a mapping.
    public mutating func set(
        _ node: YAMLNode,
        forKey key: String,
        inMappingAt path: YAMLPath = .root,
        after sibling: String? = nil
    ) throws(YAMLError) {
        let entry = YAMLMapping.Entry(key: .scalar(YAMLScalar(key)), value: node)
        if path.isRoot && root == nil {
            try replace(at: path, with: .mapping(YAMLMapping([entry])))
            return
        }
        let (located, mapping) = try locateMapping(path)
        if mapping.entries.contains(where: { $0.keyText == key }) {
            try replace(at: path.appending(key: key), with: node)
            return
        }
        var position = mapping.entries.count
        if let sibling {
            position = try entryIndex(sibling, in: mapping, at: path) + 1
        }
        let layout = TextLayout(text)
        let splices: [Splice]
        if mapping.entries.isEmpty && !isInFlow(located) {
            splices = try replacementSplices(located, with: .mapping(YAMLMapping([entry])), layout)
        } else if mapping.style == .flow {
            splices = try flowInsertionSplices(entry: entry, in: mapping, at: position, layout)
        } else {
            splices = try blockInsertionSplices(entry: entry, in: mapping, after: sibling, at: path, layout)
        }
        let expected = root?.updating(at: located.steps[...]) { $0.changeEntries { $0.insert(entry, at: position) } }
        try commit(splices, layout, expecting: expected, at: path.appending(key: key), edit: "setting '\(key)'")
    }

    /// Removes `key` and its value from the mapping at `path`.
    public mutating func removeKey(_ key: String, inMappingAt path: YAMLPath = .root) throws(YAMLError) {
        let (located, mapping) = try locateMapping(path)
        let index = try entryIndex(key, in: mapping, at: path)
        let keyPath = path.appending(key: key)
        let layout = TextLayout(text)
        let splices: [Splice]
        if mapping.entries.count == 1 {
            splices = try replacementSplices(located, with: .mapping(YAMLMapping([], style: .flow)), layout)
        } else if mapping.style == .flow {
            let written = mapping.entries.indices.filter { !mapping.entries[$0].isMerged }
            let position = written.firstIndex(of: index) ?? 0
            splices = flowRemovalSplices(written.map { Self.range(of: mapping.entries[$0]) }, removing: position)
        } else {
            splices = try blockRemovalSplices(key: index, in: mapping, at: keyPath, layout)
        }
        let expected = root?.updating(at: located.steps[...]) { $0.changeEntries { $0.remove(at: index) } }
        try commit(splices, layout, expecting: expected, at: keyPath, edit: "removing \(describe(keyPath))")
    }

    /// Removes the element at `index` from the sequence at `path`.
    public mutating func removeElement(at index: Int, inSequenceAt path: YAMLPath) throws(YAMLError) {
        let (located, sequence) = try locateSequence(path)
        try checkIndex(index, in: sequence, at: path)
        let itemPath = path.appending(index: index)
        let layout = TextLayout(text)
        let splices: [Splice]
        if sequence.items.count == 1 {
            splices = try replacementSplices(located, with: .sequence(YAMLSequence([], style: .flow)), layout)
        } else if sequence.style == .flow {
            splices = flowRemovalSplices(sequence.items.map { $0.span.start.offset..<$0.span.end.offset }, removing: index)
        } else {
            splices = try blockRemovalSplices(item: index, in: sequence, at: path, layout)
        }
        let expected = root?.updating(at: located.steps[...]) { $0.changeItems { $0.remove(at: index) } }
        try commit(splices, layout, expecting: expected, at: itemPath, edit: "removing \(describe(itemPath))")
    }

    /// Removes the node at `path` from its mapping or sequence (`contacts[name=Anna]`, `notes.pl`).
    public mutating func remove(at path: YAMLPath) throws(YAMLError) {
        guard let parent = path.parent, let last = path.last else {
            throw editError("the document's root cannot be removed; replace it instead", at: path)
        }
        switch last {
        case .key(let key):
            try removeKey(key, inMappingAt: parent)
        case .index(let index):
            try removeElement(at: index, inSequenceAt: parent)
        case .match:
            guard case .item(_, let index) = try locate(path).place else { return }
            try removeElement(at: index, inSequenceAt: parent)
        }
    }

    /// Adds `node` at the end of the sequence at `path`.
    public mutating func append(_ node: YAMLNode, toSequenceAt path: YAMLPath) throws(YAMLError) {
        let (_, sequence) = try locateSequence(path)
        try insert(node, at: sequence.items.count, inSequenceAt: path)
    }

    /// Inserts `node` before the element at `index` (at the end when `index` is the count) of
    /// the sequence at `path`.
    public mutating func insert(_ node: YAMLNode, at index: Int, inSequenceAt path: YAMLPath) throws(YAMLError) {
        let (located, sequence) = try locateSequence(path)
        guard (0...sequence.items.count).contains(index) else {
            throw editError(
                "\(describe(path)) has \(sequence.items.count) elements, so nothing can go at [\(index)]",
                at: path.appending(index: index),
                mark: sequence.span.start
            )
        }
        let layout = TextLayout(text)
        let splices: [Splice]
        if sequence.items.isEmpty && !isInFlow(located) {
            splices = try replacementSplices(located, with: .sequence(YAMLSequence([node])), layout)
        } else if sequence.style == .flow {
            let piece = try EmittedPiece.item(node, flow: true)
            let ranges = sequence.items.map { $0.span.start.offset..<$0.span.end.offset }
            splices = flowInsertionSplices(piece.bytes, in: ranges, at: index, within: sequence.span, layout)
        } else {
            splices = try blockInsertionSplices(item: node, in: sequence, at: index, path: path, layout)
        }
        let expected = root?.updating(at: located.steps[...]) { $0.changeItems { $0.insert(node, at: index) } }
        try commit(splices, layout, expecting: expected, at: path.appending(index: index), edit: "inserting into \(describe(path))")
    }

    /// Applies `splices` when the re-parsed text is exactly the `expected` tree; else throws and
    /// leaves the document as it was.
    private mutating func commit(
        _ splices: [Splice],
        _ layout: TextLayout,
        expecting expected: YAMLNode?,
        at path: YAMLPath,
        edit: String
    ) throws(YAMLError) {
        let newText = layout.applying(splices)
        let reparsed: YAMLNode?
        do {
            reparsed = try parser.parse(newText, file: file)
        } catch {
            throw editError("\(edit) would leave text that is not valid YAML (\(error.message))", at: path)
        }
        guard YAMLNode.sameTree(reparsed, expected) else {
            throw editError(
                "\(edit) would change more than that node: it is inside an anchored node that an alias or a '<<' merge reuses, or laid out in a way the editor cannot splice",
                at: path
            )
        }
        text = newText
        root = reparsed
    }
}
