import KlasterYAML

/// Where a document's fields and list elements start and end, and where its scalars are.
struct NodeScan {
    /// A mapping entry (at its key) or a sequence element: what comments attach to.
    struct Anchor {
        var path: YAMLPath
        var line: Int
        /// The line the entry's value (or the element) ends on.
        var endLine: Int
        var depth: Int { path.components.count }
    }

    private(set) var anchors: [Anchor] = []
    private(set) var scalarRanges = ScalarRanges([])
    /// Where the first alias or `<<` merge is, if any.
    private(set) var aliasMark: Mark?
    /// The lines (first, last) of block sequences written at their key's column (`key:\n- a`),
    /// as libyaml writes them.
    private(set) var indentlessSequences: [ClosedRange<Int>] = []

    init(root: YAMLNode) {
        var ranges: [Range<Int>] = []
        walk(root, path: .root, ranges: &ranges)
        scalarRanges = ScalarRanges(ranges)
        anchors.sort { $0.line != $1.line ? $0.line < $1.line : $0.depth < $1.depth }
    }

    private mutating func walk(_ node: YAMLNode, path: YAMLPath, ranges: inout [Range<Int>]) {
        switch node {
        case .scalar(let s):
            ranges.append(s.span.start.offset..<max(s.span.end.offset, s.span.start.offset + 1))
        case .sequence(let sequence):
            var previousEnd = sequence.span.start.offset
            for (i, item) in sequence.items.enumerated() {
                if item.span.start.offset < previousEnd { noteAlias(item.span.start) }
                previousEnd = item.span.end.offset
                let itemPath = path.appending(index: i)
                anchors.append(Anchor(path: itemPath, line: item.span.start.line, endLine: Self.endLine(item)))
                walk(item, path: itemPath, ranges: &ranges)
            }
        case .mapping(let mapping):
            for entry in mapping.entries {
                if entry.isMerged || entry.value.span.start.offset < entry.key.span.end.offset {
                    noteAlias(entry.isMerged ? mapping.span.start : entry.value.span.start)
                    continue
                }
                if case .sequence(let sequence) = entry.value, sequence.style == .block, !sequence.items.isEmpty,
                    sequence.span.start.column == entry.key.span.start.column, sequence.span.start.line > entry.key.span.start.line
                {
                    indentlessSequences.append(sequence.span.start.line...Self.endLine(entry.value))
                }
                let keyPath = path.appending(key: entry.keyText ?? "")
                anchors.append(Anchor(path: keyPath, line: entry.key.span.start.line, endLine: Self.endLine(entry.value)))
                walk(entry.key, path: keyPath, ranges: &ranges)
                walk(entry.value, path: keyPath, ranges: &ranges)
            }
        }
    }

    private mutating func noteAlias(_ mark: Mark) {
        if aliasMark == nil { aliasMark = mark }
    }

    /// The line of a node's last character (its span's end is just past it).
    private static func endLine(_ node: YAMLNode) -> Int {
        node.span.end.column == 1 && node.span.end.line > node.span.start.line ? node.span.end.line - 1 : node.span.end.line
    }
}
