extension YAMLNode {
    /// Equal content, ignoring spans and styles: the sense in which two keys are the same key.
    public func sameContent(as other: YAMLNode) -> Bool {
        switch (self, other) {
        case (.scalar(let a), .scalar(let b)):
            return a.value == b.value
        case (.sequence(let a), .sequence(let b)):
            return a.items.count == b.items.count && zip(a.items, b.items).allSatisfy { $0.sameContent(as: $1) }
        case (.mapping(let a), .mapping(let b)):
            return a.entries.count == b.entries.count
                && zip(a.entries, b.entries).allSatisfy { $0.key.sameContent(as: $1.key) && $0.value.sameContent(as: $1.value) }
        default:
            return false
        }
    }

    /// Feeds the content ``sameContent(as:)`` compares into `hasher`, ignoring spans and styles.
    public func hashContent(into hasher: inout Hasher) {
        switch self {
        case .scalar(let s):
            hasher.combine(0)
            hasher.combine(s.value)
        case .sequence(let s):
            hasher.combine(1)
            hasher.combine(s.items.count)
            for item in s.items { item.hashContent(into: &hasher) }
        case .mapping(let m):
            hasher.combine(2)
            hasher.combine(m.entries.count)
            for entry in m.entries {
                entry.key.hashContent(into: &hasher)
                entry.value.hashContent(into: &hasher)
            }
        }
    }
}

/// A node as a dictionary key that compares by content (``YAMLNode/sameContent(as:)``).
struct ContentKey: Hashable {
    let node: YAMLNode

    static func == (lhs: ContentKey, rhs: ContentKey) -> Bool { lhs.node.sameContent(as: rhs.node) }

    func hash(into hasher: inout Hasher) { node.hashContent(into: &hasher) }
}
