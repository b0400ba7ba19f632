import KlasterValidation
import KlasterYAML

extension RecordEdit {
    /// The node that holds `leaf` at the end of `steps` below `base`: mappings for keys, a
    /// one-element list for `[0]`, a new keyed element for `[field=value]`.
    func build(_ steps: some Collection<YAMLPath.Component>, leaf: YAMLNode, at base: YAMLPath) throws(YAMLError) -> YAMLNode {
        guard let step = steps.first else { return leaf }
        let rest = steps.dropFirst()
        switch step {
        case .key(let key):
            let value = try build(rest, leaf: leaf, at: base.appending(key: key))
            return .mapping(YAMLMapping([YAMLMapping.Entry(key: .scalar(YAMLScalar(key)), value: value)]))
        case .index(let index):
            guard index == 0 else {
                throw YAMLError(
                    .badEdit, "'\(base)' has no elements yet, so the first one is [0], not [\(index)]",
                    file: editor.file, path: base.appending(index: index).description
                )
            }
            return .sequence(YAMLSequence([try build(rest, leaf: leaf, at: base.appending(index: 0))]))
        case .match(let field, let value):
            let itemPath = base.appending(index: 0)
            let keyValue = values.scalar(value, types: values.types(at: itemPath.appending(key: field)))
            var entries = [YAMLMapping.Entry(key: .scalar(YAMLScalar(field)), value: .scalar(keyValue))]
            if let next = rest.first {
                guard case .key(let key) = next else {
                    throw YAMLError(.badEdit, "'\(base)[\(field)=\(value)]' is a mapping; name one of its fields", file: editor.file, path: base.description)
                }
                if key == field {
                    throw YAMLError(.badEdit, "'\(field)' identifies the element; it cannot be set through it", file: editor.file, path: base.description)
                }
                let inner = try build(rest.dropFirst(), leaf: leaf, at: itemPath.appending(key: key))
                entries.append(YAMLMapping.Entry(key: .scalar(YAMLScalar(key)), value: inner))
            } else {
                throw YAMLError(.badEdit, "set a field of the new element: '\(base)[\(field)=\(value)].FIELD=...'", file: editor.file, path: base.description)
            }
            return .sequence(YAMLSequence([.mapping(YAMLMapping(entries))]))
        }
    }

    /// The key present in the mapping at `path` that the schema lists last before `key`, so a
    /// new key goes in schema order; `nil` (the end) when there is none.
    func sibling(before key: String, in path: YAMLPath) -> String? {
        guard case .mapping(let mapping)? = editor.node(at: path) else { return nil }
        let present = Set(mapping.entries.compactMap { $0.isMerged ? nil : $0.keyText })
        let order = schemas.propertyOrder(at: path)
        guard let position = order.firstIndex(of: key) else { return nil }
        return order[..<position].last { present.contains($0) }
    }

    /// `node`, styled as the `old` node it replaces where that keeps the file's look: a string
    /// quoted by choice (its text needs no quotes) stays quoted the same way, a block text stays
    /// a block, a flow list stays flow. Quotes the old text needed say nothing about the new.
    static func styled(_ node: YAMLNode, like old: YAMLNode, inFlow: Bool) -> YAMLNode {
        switch (node, old) {
        case (.scalar(var new), .scalar(let previous)) where new.tag == nil:
            let multiline = new.value.contains("\n")
            let quoted = (previous.style == .singleQuoted || previous.style == .doubleQuoted) && PlainScalar.isSafePlain(previous.value, inFlow: inFlow)
            let block = previous.style == .literal || previous.style == .folded
            if (quoted && !multiline) || (block && multiline) { new.style = previous.style }
            return .scalar(new)
        case (.sequence(var new), .sequence(let previous)):
            new.style = previous.style
            return .sequence(new)
        default:
            return node
        }
    }

    /// True when both are scalars, or both lists, or both mappings.
    static func sameKind(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
        switch (a, b) {
        case (.scalar, .scalar), (.sequence, .sequence), (.mapping, .mapping): true
        default: false
        }
    }
}
