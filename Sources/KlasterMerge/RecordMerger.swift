public import KlasterValidation
public import KlasterYAML

/// Merges three versions of one record's tree, field by field, as the record's schema says
/// (SPEC §8): mappings key by key, scalars and ordered arrays by which side changed them,
/// `x-merge: set` arrays as sets, `keyed` arrays element by element, `text` strings line by line.
///
/// A version is `nil` where the record does not exist on that side. The result keeps ours'
/// key and element order, with theirs' additions placed after their neighbour in theirs.
/// Where the sides conflict, the result holds the value ``Resolution`` says, and the conflict
/// is listed.
public struct RecordMerger: Sendable {
    /// What a conflicted field holds in the merged tree.
    public enum Resolution: Sendable {
        /// Ours' value, or the changed one where the other side deleted it: the value the
        /// conflict markers are written around.
        case markers
        /// Ours' value (absent where ours deleted it).
        case ours
        /// Theirs' value.
        case theirs
    }

    /// The merged tree (`nil`: the record is deleted) and the conflicts found.
    public struct Outcome: Sendable {
        public var node: YAMLNode?
        public var conflicts: [MergeConflict]
    }

    public var schema: SchemaSet
    public var resolution: Resolution

    public init(schema: SchemaSet, resolution: Resolution = .markers) {
        self.schema = schema
        self.resolution = resolution
    }

    /// Merges `ours` and `theirs`, both descended from `base`.
    public func merge(base: YAMLNode?, ours: YAMLNode?, theirs: YAMLNode?) -> Outcome {
        var conflicts: [MergeConflict] = []
        let node = merge(.root, base, ours, theirs, &conflicts)
        return Outcome(node: node, conflicts: conflicts)
    }

    func merge(_ path: YAMLPath, _ b: YAMLNode?, _ o: YAMLNode?, _ t: YAMLNode?, _ conflicts: inout [MergeConflict]) -> YAMLNode? {
        if Self.same(o, t) { return o }
        if Self.same(b, o) { return t }
        if Self.same(b, t) { return o }
        guard let o, let t else {
            let deleted = o == nil ? "ours" : "theirs"
            return conflict(.deleteModify, path, b, o, t, "\(deleted) deleted \(Self.describe(path)), the other side changed it", &conflicts)
        }
        let info = schema.fieldInfo(at: path)
        switch (o, t) {
        case (.mapping(let om), .mapping(let tm)):
            return .mapping(mergeMappings(path, b?.mapping, om, tm, &conflicts))
        case (.sequence(let os), .sequence(let ts)):
            let bs = b?.sequence ?? YAMLSequence([])
            if info?.xMerge == .set {
                return .sequence(mergeSets(bs, os, ts))
            }
            if info?.xMerge == .keyed, let key = info?.xMergeKey,
                let merged = mergeKeyed(path, key, bs, os, ts, &conflicts)
            {
                return .sequence(merged)
            }
            return conflict(.bothChanged, path, b, o, t, "ours and theirs both changed the list \(Self.describe(path))", &conflicts)
        case (.scalar(let os), .scalar(let ts)):
            if info?.xMerge == .text, b == nil || b?.scalar != nil {
                let lines = LineMerge(base: b?.scalar?.value ?? "", ours: os.value, theirs: ts.value, level: .zealous)
                if let text = lines.cleanText {
                    var merged = os
                    merged.value = text
                    return .scalar(merged)
                }
                return conflict(.bothChanged, path, b, o, t, "ours and theirs both changed the same lines of \(Self.describe(path))", &conflicts)
            }
            return conflict(.bothChanged, path, b, o, t, "ours and theirs both changed \(Self.describe(path))", &conflicts)
        default:
            return conflict(.bothChanged, path, b, o, t, "ours and theirs both changed \(Self.describe(path))", &conflicts)
        }
    }

    private func conflict(
        _ kind: MergeConflict.Kind,
        _ path: YAMLPath,
        _ b: YAMLNode?,
        _ o: YAMLNode?,
        _ t: YAMLNode?,
        _ message: String,
        _ conflicts: inout [MergeConflict]
    ) -> YAMLNode? {
        conflicts.append(MergeConflict(kind: kind, path: path, base: b, ours: o, theirs: t, message: message))
        switch resolution {
        case .markers: return o ?? t
        case .ours: return o
        case .theirs: return t
        }
    }

    /// Key by key, in ours' order; a key only theirs has goes after the key before it in theirs.
    private func mergeMappings(
        _ path: YAMLPath,
        _ b: YAMLMapping?,
        _ o: YAMLMapping,
        _ t: YAMLMapping,
        _ conflicts: inout [MergeConflict]
    ) -> YAMLMapping {
        var result = o
        result.entries = []
        for entry in o.entries {
            guard let key = entry.keyText else {
                result.entries.append(entry)
                continue
            }
            if let value = merge(path.appending(key: key), b?[key], entry.value, t[key], &conflicts) {
                result.entries.append(YAMLMapping.Entry(key: entry.key, value: value))
            }
        }
        var previous: String?
        for entry in t.entries {
            guard let key = entry.keyText else { continue }
            defer { previous = key }
            if o.entry(forKey: key) != nil { continue }
            guard let value = merge(path.appending(key: key), b?[key], nil, entry.value, &conflicts) else { continue }
            var position = previous.flatMap { p in result.entries.firstIndex { $0.keyText == p } }.map { $0 + 1 } ?? 0
            // After ours' own additions there, so the two sides' additions do not interleave.
            while position < result.entries.count, let k = result.entries[position].keyText, b?[k] == nil, t[k] == nil {
                position += 1
            }
            result.entries.insert(YAMLMapping.Entry(key: entry.key, value: value), at: position)
        }
        return result
    }

    /// True when both are absent, or both present with the same content.
    static func same(_ a: YAMLNode?, _ b: YAMLNode?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): a.sameContent(as: b)
        default: false
        }
    }

    static func describe(_ path: YAMLPath) -> String {
        path.isRoot ? "the record" : "'\(path)'"
    }
}
