public import KlasterYAML

/// The texts and trees of a conflicted merge, and how markers are written into the merged text:
/// around the lines of each conflicting field only, ours' lines (as they stand in the merged
/// text, comments included) against theirs' lines (as theirs wrote them, moved to ours'
/// indentation), with the base's between them in diff3 style.
struct ConflictSides {
    typealias Side = (text: String, root: YAMLNode?)

    var base: Side
    var ours: Side
    var theirs: Side
    var merged: Side

    private struct Region {
        var lines: FieldLines
        var ours: String
        var base: String
        var theirs: String
    }

    func markedText(_ conflicts: [MergeConflict], markers: ConflictMarkers) -> String {
        var regions: [Region] = []
        for conflict in conflicts {
            guard let region = region(for: conflict) else { continue }
            // A region inside another is already shown by it.
            regions.removeAll { region.lines.lineStart <= $0.lines.lineStart && $0.lines.end <= region.lines.end }
            if regions.contains(where: { $0.lines.lineStart <= region.lines.lineStart && region.lines.end <= $0.lines.end }) { continue }
            regions.append(region)
        }
        var bytes = Array(merged.text.utf8)
        for region in regions.sorted(by: { $0.lines.lineStart > $1.lines.lineStart }) {
            let marked = markers.render(ours: region.ours, base: region.base, theirs: region.theirs)
            bytes.replaceSubrange(region.lines.lineStart..<region.lines.end, with: Array(marked.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func region(for conflict: MergeConflict) -> Region? {
        var path = conflict.path
        if conflict.kind == .integrity, let first = path.components.first {
            path = YAMLPath([first])
        }
        while true {
            if let lines = FieldLines(path, in: merged.text, root: merged.root) {
                let oursSide = conflict.kind == .integrity ? ours : merged
                let theirsSide = conflict.kind == .integrity ? merged : theirs
                let oursNode = conflict.kind == .integrity ? ours.root?.node(at: path) : (conflict.ours == nil && path == conflict.path ? nil : merged.root?.node(at: path))
                return Region(
                    lines: lines,
                    ours: oursNode == nil ? "" : lines.prefix + body(path, oursSide, column: lines.column),
                    base: base.root?.node(at: path) == nil ? "" : lines.prefix + body(path, base, column: lines.column),
                    theirs: theirsSide.root?.node(at: path) == nil ? "" : lines.prefix + body(path, theirsSide, column: lines.column)
                )
            }
            guard let parent = path.parent else { return nil }
            path = parent
        }
    }

    /// The lines of the field at `path` on `side`, starting at `column`.
    private func body(_ path: YAMLPath, _ side: Side, column: Int) -> String {
        if let lines = FieldLines(path, in: side.text, root: side.root) {
            return lines.body(atColumn: column)
        }
        guard let node = side.root?.node(at: path) else { return "" }
        let wrapped: YAMLNode
        switch path.last {
        case .key(let key)?: wrapped = .mapping(YAMLMapping([YAMLMapping.Entry(key: .scalar(YAMLScalar(key)), value: node)]))
        case .index?, .match?: wrapped = .sequence(YAMLSequence([node]))
        case nil: wrapped = node
        }
        guard let text = try? YAMLEmitter().emit(wrapped) else { return "" }
        var out = ""
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
            out += (n == 0 || line.isEmpty ? "" : String(repeating: " ", count: column)) + line + "\n"
        }
        return out
    }
}

extension YAMLNode {
    /// The node at `path`: keys, indices and `[field=value]` steps; `nil` where it leads nowhere.
    public func node(at path: YAMLPath) -> YAMLNode? {
        var node = self
        for component in path.components {
            switch (component, node) {
            case (.key(let key), .mapping(let mapping)):
                guard let value = mapping[key] else { return nil }
                node = value
            case (.index(let index), .sequence(let sequence)):
                guard sequence.items.indices.contains(index) else { return nil }
                node = sequence.items[index]
            case (.match(let field, let value), .sequence(let sequence)):
                guard let item = sequence.items.first(where: { $0.mapping?[field]?.scalar?.value == value }) else { return nil }
                node = item
            default:
                return nil
            }
        }
        return node
    }
}
