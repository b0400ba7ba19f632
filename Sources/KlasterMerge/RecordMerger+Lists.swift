import KlasterYAML

extension RecordMerger {
    /// Base plus what either side added, minus what either side removed, in ours' order with
    /// each of theirs' additions after its neighbour in theirs. Duplicates collapse to one.
    func mergeSets(_ b: YAMLSequence, _ o: YAMLSequence, _ t: YAMLSequence) -> YAMLSequence {
        let inBase = Set(b.items.map(NodeKey.init))
        let inOurs = Set(o.items.map(NodeKey.init))
        let inTheirs = Set(t.items.map(NodeKey.init))
        var seen: Set<NodeKey> = []
        var result = o
        result.items = []
        for item in o.items {
            let key = NodeKey(item)
            if inBase.contains(key) && !inTheirs.contains(key) { continue }
            if seen.insert(key).inserted { result.items.append(item) }
        }
        var resultKeys = result.items.map(NodeKey.init)
        var previous: NodeKey?
        for item in t.items {
            let key = NodeKey(item)
            defer { previous = key }
            if inBase.contains(key) && !inOurs.contains(key) { continue }
            guard seen.insert(key).inserted else { continue }
            // After its neighbour in theirs, and after ours' own additions there.
            var position = previous.flatMap { p in resultKeys.firstIndex(of: p) }.map { $0 + 1 } ?? 0
            while position < resultKeys.count, !inBase.contains(resultKeys[position]), !inTheirs.contains(resultKeys[position]) {
                position += 1
            }
            result.items.insert(item, at: position)
            resultKeys.insert(key, at: position)
        }
        return result
    }

    /// Elements matched by their `key` field and merged one by one; `nil` when some element has
    /// no such field or two share a value (the list is then merged as an ordered list).
    func mergeKeyed(
        _ path: YAMLPath,
        _ key: String,
        _ b: YAMLSequence,
        _ o: YAMLSequence,
        _ t: YAMLSequence,
        _ conflicts: inout [MergeConflict]
    ) -> YAMLSequence? {
        guard let baseItems = Self.keyedItems(b, key), let oursItems = Self.keyedItems(o, key),
            let theirsItems = Self.keyedItems(t, key)
        else { return nil }
        let baseByKey = Dictionary(uniqueKeysWithValues: baseItems)
        let theirsByKey = Dictionary(uniqueKeysWithValues: theirsItems)
        let oursKeys = Set(oursItems.map(\.0))
        var result = o
        result.items = []
        var resultKeys: [String] = []
        for (k, item) in oursItems {
            let itemPath = path.appending(.match(field: key, value: k))
            if let merged = merge(itemPath, baseByKey[k], item, theirsByKey[k], &conflicts) {
                result.items.append(merged)
                resultKeys.append(k)
            }
        }
        var previous: String?
        for (k, item) in theirsItems {
            defer { previous = k }
            if oursKeys.contains(k) { continue }
            let itemPath = path.appending(.match(field: key, value: k))
            guard let merged = merge(itemPath, baseByKey[k], nil, item, &conflicts) else { continue }
            var position = previous.flatMap { p in resultKeys.firstIndex(of: p) }.map { $0 + 1 } ?? 0
            // After ours' own additions there, so the two sides' additions do not interleave.
            while position < resultKeys.count, baseByKey[resultKeys[position]] == nil, theirsByKey[resultKeys[position]] == nil {
                position += 1
            }
            result.items.insert(merged, at: position)
            resultKeys.insert(k, at: position)
        }
        return result
    }

    /// `(key value, element)` in order, or `nil` when an element lacks a scalar `key` or two
    /// elements share one.
    static func keyedItems(_ sequence: YAMLSequence, _ key: String) -> [(String, YAMLNode)]? {
        var seen: Set<String> = []
        var out: [(String, YAMLNode)] = []
        for item in sequence.items {
            guard let value = item.mapping?[key]?.scalar?.value, seen.insert(value).inserted else { return nil }
            out.append((value, item))
        }
        return out
    }
}

/// A node as a set element: equal and hashed by content (``YAMLNode/sameContent(as:)``).
struct NodeKey: Hashable {
    let node: YAMLNode

    init(_ node: YAMLNode) { self.node = node }

    static func == (lhs: NodeKey, rhs: NodeKey) -> Bool { lhs.node.sameContent(as: rhs.node) }

    func hash(into hasher: inout Hasher) { node.hashContent(into: &hasher) }
}
