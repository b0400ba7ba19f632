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

extension TreeBuilder.Frame {
    /// Mappings up to this many keys look for a duplicate by a linear scan; larger ones by hash.
    private static let linearScanLimit = 16

    /// The index of the entry whose key has the content of `key`, if there is one; otherwise
    /// records `key` as the key of the entry about to be appended.
    mutating func existingIndex(ofKey key: YAMLNode) -> Int? {
        if keyIndex == nil, entries.count < Self.linearScanLimit {
            for (index, entry) in entries.enumerated() where entry.key.sameContent(as: key) {
                if !TreeBuilder.isMergeKey(entry.key) { return index }
            }
            return nil
        }
        if keyIndex == nil {
            var index: [ContentKey: Int] = [:]
            index.reserveCapacity(entries.count * 2)
            for (i, entry) in entries.enumerated() where !TreeBuilder.isMergeKey(entry.key) {
                index[ContentKey(node: entry.key)] = i
            }
            keyIndex = index
        }
        let content = ContentKey(node: key)
        if let found = keyIndex?[content] { return found }
        keyIndex?[content] = entries.count
        return nil
    }
}
