/// Duplicate keys and `<<` merge keys.
extension TreeBuilder {
    static func isMergeKey(_ key: YAMLNode) -> Bool {
        guard case .scalar(let s) = key, s.value == "<<" else { return false }
        return (s.style == .plain && s.tag == nil) || s.tag == "tag:yaml.org,2002:merge"
    }

    /// Replaces `<<` entries by the entries they merge in; keys written in the mapping win, then
    /// earlier merge sources over later ones. Merged entries are marked `isMerged`.
    func applyMerges(_ entries: [YAMLMapping.Entry]) throws(YAMLError) -> [YAMLMapping.Entry] {
        var taken = Set<String>()
        for entry in entries where !Self.isMergeKey(entry.key) {
            if let text = entry.keyText { taken.insert(text) }
        }
        var result: [YAMLMapping.Entry] = []
        result.reserveCapacity(entries.count)
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
}

extension TreeBuilder {
    /// Mappings up to this many keys look for a duplicate by a linear scan; larger ones by hash.
    private static let linearScanLimit = 16

    /// Checks the key about to be added to the mapping `stack[frame]`, written at `site`: a
    /// merge key marks the mapping for merging, any other must not be there already.
    mutating func checkKey(_ key: YAMLNode, at site: Mark, frame top: Int) throws(YAMLError) {
        if Self.isMergeKey(key) {
            stack[top].hasMerge = true
            return
        }
        let index = children.count
        if site != key.span.start {
            if stack[top].aliasKeySites == nil { stack[top].aliasKeySites = [:] }
            stack[top].aliasKeySites?[index] = site
        }
        guard let first = existingKey(key, frame: top) else { return }
        let firstSite = stack[top].aliasKeySites?[first] ?? children[first].span.start
        let shown = key.scalar.map { "'\($0.value)'" } ?? "(a complex key)"
        throw YAMLError(
            .duplicateKey,
            "duplicate key \(shown); it is already set on line \(firstSite.line)",
            file: file,
            mark: site
        )
    }

    /// The index in `children` of an earlier key of the mapping `stack[frame]` with the content
    /// of `key`, if there is one; otherwise records `key` as the key at `children.count`.
    private mutating func existingKey(_ key: YAMLNode, frame top: Int) -> Int? {
        let base = stack[top].base
        if stack[top].keyIndex == nil, children.count - base < 2 * Self.linearScanLimit {
            var i = base
            if case .scalar(let scalar) = key {
                while i < children.count {
                    if case .scalar(let other) = children[i], other.value == scalar.value, !Self.isMergeKey(children[i]) { return i }
                    i += 2
                }
            } else {
                while i < children.count {
                    if children[i].sameContent(as: key) { return i }
                    i += 2
                }
            }
            return nil
        }
        if stack[top].keyIndex == nil {
            var index: [ContentKey: Int] = [:]
            index.reserveCapacity(children.count - base)
            var i = base
            while i < children.count {
                if !Self.isMergeKey(children[i]) { index[ContentKey(node: children[i])] = i }
                i += 2
            }
            stack[top].keyIndex = index
        }
        let content = ContentKey(node: key)
        if let found = stack[top].keyIndex?[content] { return found }
        stack[top].keyIndex?[content] = children.count
        return nil
    }
}
