extension YAMLNode {
    /// The tree with `change` applied to the node reached by `steps` (child indices from here: an
    /// index into a mapping's entries or a sequence's items). The editor predicts with it the
    /// tree an edit must produce, and checks the re-parsed text against the prediction.
    func updating(at steps: ArraySlice<Int>, _ change: (inout YAMLNode) -> Void) -> YAMLNode {
        guard let first = steps.first else {
            var copy = self
            change(&copy)
            return copy
        }
        switch self {
        case .mapping(var mapping) where mapping.entries.indices.contains(first):
            mapping.entries[first].value = mapping.entries[first].value.updating(at: steps.dropFirst(), change)
            return .mapping(mapping)
        case .sequence(var sequence) where sequence.items.indices.contains(first):
            sequence.items[first] = sequence.items[first].updating(at: steps.dropFirst(), change)
            return .sequence(sequence)
        default:
            return self
        }
    }

    /// Changes the entries of a mapping in place; other nodes stay as they are.
    mutating func changeEntries(_ change: (inout [YAMLMapping.Entry]) -> Void) {
        guard case .mapping(var mapping) = self else { return }
        change(&mapping.entries)
        self = .mapping(mapping)
    }

    /// Changes the items of a sequence in place; other nodes stay as they are.
    mutating func changeItems(_ change: (inout [YAMLNode]) -> Void) {
        guard case .sequence(var sequence) = self else { return }
        change(&sequence.items)
        self = .sequence(sequence)
    }

    /// True when the trees have the same content, keys and order; both `nil` counts as equal.
    static func sameTree(_ a: YAMLNode?, _ b: YAMLNode?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): a.sameContent(as: b)
        default: false
        }
    }
}
