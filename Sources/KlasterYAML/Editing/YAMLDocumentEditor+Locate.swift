/// A node found by a ``YAMLPath``, with what holds it.
struct LocatedNode {
    /// Where the node sits: what its parent is and which child it is there.
    enum Place {
        case root
        /// The value of `mapping.entries[index]`.
        case entry(YAMLMapping, index: Int)
        /// `sequence.items[index]`.
        case item(YAMLSequence, index: Int)
    }

    var path: YAMLPath
    var node: YAMLNode
    var place: Place
    /// The child index taken at each level, from the root: an index into a mapping's `entries`
    /// or a sequence's `items`.
    var steps: [Int]
}

extension YAMLDocumentEditor {
    /// Follows `path` from the root; throws `.badEdit` naming the path when it does not lead to a
    /// node written in this document (a missing key, an index out of range, a value that comes
    /// from a `<<` merge or an alias).
    func locate(_ path: YAMLPath) throws(YAMLError) -> LocatedNode {
        guard let root else {
            throw editError("the document is empty, so it has no \(path.isRoot ? "root" : "'\(path)'")", at: path)
        }
        var located = LocatedNode(path: .root, node: root, place: .root, steps: [])
        for component in path.components {
            let here = located.path
            let next = located.path.appending(component)
            switch (component, located.node) {
            case (.key(let key), .mapping(let mapping)):
                let index = try entryIndex(key, in: mapping, at: here)
                let entry = mapping.entries[index]
                try checkWrittenHere(entry.value, after: entry.key.span.end.offset, within: mapping.span, at: next)
                located = LocatedNode(path: next, node: entry.value, place: .entry(mapping, index: index), steps: located.steps + [index])
            case (.index(let index), .sequence(let sequence)):
                try checkIndex(index, in: sequence, at: here)
                located = try item(index, of: sequence, at: next, steps: located.steps)
            case (.match(let field, let value), .sequence(let sequence)):
                let matches = sequence.items.indices.filter { sequence.items[$0].mapping?[field]?.scalar?.value == value }
                guard matches.count == 1 else {
                    let count = matches.isEmpty ? "no element" : "\(matches.count) elements"
                    throw editError(
                        "\(count) of \(describe(here)) has \(field) '\(value)'; an edit needs exactly one",
                        at: next,
                        mark: sequence.span.start
                    )
                }
                located = try item(matches[0], of: sequence, at: next, steps: located.steps)
            case (.key, _):
                throw editError("\(describe(here)) is not a mapping, so it has no key", at: next, mark: located.node.span.start)
            case (.index, _), (.match, _):
                throw editError("\(describe(here)) is not a sequence, so it has no elements", at: next, mark: located.node.span.start)
            }
        }
        return located
    }

    /// The index in `mapping.entries` of `key`, written in the mapping (not merged in).
    func entryIndex(_ key: String, in mapping: YAMLMapping, at path: YAMLPath) throws(YAMLError) -> Int {
        let keyPath = path.appending(key: key)
        guard let index = mapping.entries.firstIndex(where: { $0.keyText == key }) else {
            throw editError("there is no key '\(key)' in \(describe(path))", at: keyPath, mark: mapping.span.start)
        }
        if mapping.entries[index].isMerged {
            throw editError(
                "'\(keyPath)' comes from a '<<' merge; edit the mapping it is merged from",
                at: keyPath,
                mark: mapping.span.start
            )
        }
        return index
    }

    func checkIndex(_ index: Int, in sequence: YAMLSequence, at path: YAMLPath) throws(YAMLError) {
        guard sequence.items.indices.contains(index) else {
            throw editError(
                "\(describe(path)) has \(sequence.items.count) elements, so no element [\(index)]",
                at: path.appending(index: index),
                mark: sequence.span.start
            )
        }
    }

    /// True when the node sits inside a flow collection, where only flow pieces can go.
    func isInFlow(_ located: LocatedNode) -> Bool {
        switch located.place {
        case .root: false
        case .entry(let mapping, _): mapping.style == .flow
        case .item(let sequence, _): sequence.style == .flow
        }
    }

    private func item(_ index: Int, of sequence: YAMLSequence, at path: YAMLPath, steps: [Int]) throws(YAMLError) -> LocatedNode {
        let item = sequence.items[index]
        let after = index == 0 ? sequence.span.start.offset : sequence.items[index - 1].span.end.offset
        try checkWrittenHere(item, after: after, within: sequence.span, at: path)
        return LocatedNode(path: path, node: item, place: .item(sequence, index: index), steps: steps + [index])
    }

    /// An alias's node carries its anchor's span, elsewhere in the file; splicing there would
    /// change the anchor and every other alias of it.
    private func checkWrittenHere(_ node: YAMLNode, after offset: Int, within span: Span, at path: YAMLPath) throws(YAMLError) {
        guard node.span.start.offset >= offset, node.span.end.offset <= span.end.offset else {
            throw editError("'\(path)' is an alias (*name) of a node written elsewhere; edit the anchored node instead", at: path)
        }
    }

    /// The mapping at `path`, for the edits that add or remove keys.
    func locateMapping(_ path: YAMLPath) throws(YAMLError) -> (LocatedNode, YAMLMapping) {
        let located = try locate(path)
        guard case .mapping(let mapping) = located.node else {
            throw editError("\(describe(path)) is not a mapping", at: path, mark: located.node.span.start)
        }
        return (located, mapping)
    }

    /// The sequence at `path`, for the edits that add or remove elements.
    func locateSequence(_ path: YAMLPath) throws(YAMLError) -> (LocatedNode, YAMLSequence) {
        let located = try locate(path)
        guard case .sequence(let sequence) = located.node else {
            throw editError("\(describe(path)) is not a sequence", at: path, mark: located.node.span.start)
        }
        return (located, sequence)
    }

    func describe(_ path: YAMLPath) -> String {
        path.isRoot ? "the document's root" : "'\(path)'"
    }

    func editError(_ message: String, at path: YAMLPath, mark: Mark? = nil) -> YAMLError {
        YAMLError(.badEdit, message, file: file, mark: mark, path: path.description)
    }
}
