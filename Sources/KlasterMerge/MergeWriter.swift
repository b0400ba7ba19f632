import KlasterValidation
import KlasterYAML

/// Turns ours' text into the merged record's text with the fewest edits through
/// ``YAMLDocumentEditor``: a removed key or element loses its lines, an added one is emitted next
/// to its neighbour, a changed scalar is rewritten in place, and everything else (comments,
/// blank lines, quoting, key order) stays as ours wrote it.
struct MergeWriter {
    var editor: YAMLDocumentEditor
    let schema: SchemaSet

    init(ours text: String, file: String, schema: SchemaSet) throws(YAMLError) {
        editor = try YAMLDocumentEditor(text: text, file: file)
        self.schema = schema
    }

    /// Edits the text until its tree has `merged`'s content. When the editor cannot make an
    /// edit in place (anchors, aliases, `<<` merges), the smallest enclosing node is rewritten;
    /// at worst the whole document.
    mutating func write(_ merged: YAMLNode?) throws(YAMLError) {
        guard let merged else {
            editor = try YAMLDocumentEditor(text: "", file: editor.file)
            return
        }
        guard let ours = editor.root else {
            try editor.replace(at: .root, with: merged)
            return
        }
        try write(.root, ours, merged)
    }

    private mutating func write(_ path: YAMLPath, _ o: YAMLNode, _ m: YAMLNode) throws(YAMLError) {
        if o.sameContent(as: m) { return }
        let saved = editor
        do {
            try edit(path, o, m)
        } catch {
            editor = saved
            try editor.replace(at: path, with: m)
        }
    }

    private mutating func edit(_ path: YAMLPath, _ o: YAMLNode, _ m: YAMLNode) throws(YAMLError) {
        switch (o, m) {
        case (.mapping(let om), .mapping(let mm)) where om.entries.allSatisfy({ $0.keyText != nil && !$0.isMerged }):
            let kept = Set(mm.entries.compactMap(\.keyText))
            for entry in om.entries where !kept.contains(entry.keyText ?? "") {
                try editor.removeKey(entry.keyText ?? "", inMappingAt: path)
            }
            var previous: String?
            for entry in mm.entries {
                guard let key = entry.keyText else { throw YAMLError(.badEdit, "a key that is not text") }
                if let old = om[key] {
                    try write(path.appending(key: key), old, entry.value)
                } else {
                    try editor.set(entry.value, forKey: key, inMappingAt: path, after: previous)
                }
                previous = key
            }
        case (.sequence(let os), .sequence(let ms)):
            let info = schema.fieldInfo(at: path)
            if info?.xMerge == .keyed, let key = info?.xMergeKey,
                let oursItems = RecordMerger.keyedItems(os, key), let mergedItems = RecordMerger.keyedItems(ms, key)
            {
                try editKeyed(path, key, oursItems, mergedItems)
            } else if info?.xMerge == .set {
                try editSet(path, os, ms)
            } else if os.items.count == ms.items.count {
                for i in os.items.indices {
                    try write(path.appending(index: i), os.items[i], ms.items[i])
                }
            } else {
                try editOrdered(path, os, ms)
            }
        default:
            try editor.replace(at: path, with: m)
        }
    }

    private mutating func editKeyed(_ path: YAMLPath, _ key: String, _ o: [(String, YAMLNode)], _ m: [(String, YAMLNode)]) throws(YAMLError) {
        let mergedKeys = Set(m.map(\.0))
        let oursByKey = Dictionary(uniqueKeysWithValues: o)
        var current = o.map(\.0)
        for (k, _) in o.reversed() where !mergedKeys.contains(k) {
            guard let index = current.firstIndex(of: k) else { continue }
            try editor.removeElement(at: index, inSequenceAt: path)
            current.remove(at: index)
        }
        for (i, (k, item)) in m.enumerated() {
            if let old = oursByKey[k], let at = current.firstIndex(of: k) {
                try write(path.appending(index: at), old, item)
            } else {
                try editor.insert(item, at: min(i, current.count), inSequenceAt: path)
                current.insert(k, at: min(i, current.count))
            }
        }
    }

    private mutating func editSet(_ path: YAMLPath, _ o: YAMLSequence, _ m: YAMLSequence) throws(YAMLError) {
        var remaining = Dictionary(m.items.map { (NodeKey($0), 1) }, uniquingKeysWith: +)
        var current: [NodeKey] = []
        var removals: [Int] = []
        for (i, item) in o.items.enumerated() {
            let key = NodeKey(item)
            if let n = remaining[key], n > 0 {
                remaining[key] = n - 1
                current.append(key)
            } else {
                removals.append(i)
            }
        }
        for i in removals.reversed() {
            try editor.removeElement(at: i, inSequenceAt: path)
        }
        for (i, item) in m.items.enumerated() {
            let key = NodeKey(item)
            if i < current.count && current[i] == key { continue }
            try editor.insert(item, at: min(i, current.count), inSequenceAt: path)
            current.insert(key, at: min(i, current.count))
        }
    }

    /// Removes and inserts elements where a diff of the two lists says, last change first.
    private mutating func editOrdered(_ path: YAMLPath, _ o: YAMLSequence, _ m: YAMLSequence) throws(YAMLError) {
        let hunks = LineDiff(o.items.map(NodeKey.init), m.items.map(NodeKey.init)).hunks
        for hunk in hunks.reversed() {
            for i in stride(from: hunk.start1 + hunk.count1 - 1, through: hunk.start1, by: -1) {
                try editor.removeElement(at: i, inSequenceAt: path)
            }
            for j in 0..<hunk.count2 {
                try editor.insert(m.items[hunk.start2 + j], at: hunk.start1 + j, inSequenceAt: path)
            }
        }
    }

    var text: String { editor.text }
    var root: YAMLNode? { editor.root }
}
