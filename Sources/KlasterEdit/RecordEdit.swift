public import KlasterValidation
public import KlasterYAML

/// Field changes on one record's text, by the schema: values typed by ``SchemaValue``, missing
/// fields and elements created on the way, new keys placed in the schema's key order. Every
/// change goes through ``YAMLDocumentEditor``, so only the lines of the changed fields change.
public struct RecordEdit: Sendable {
    public private(set) var editor: YAMLDocumentEditor
    public let schemas: SchemaSet
    let values: SchemaValue

    /// Reads `text` (the record file's bytes as text); `file` names it in errors.
    public init(text: String, file: String, schemas: SchemaSet) throws(YAMLError) {
        editor = try YAMLDocumentEditor(text: text, file: file)
        self.schemas = schemas
        values = SchemaValue(schemas: schemas)
    }

    /// The record's text after the changes so far.
    public var text: String { editor.text }

    /// Applies one `F=V`, `F+=V` or `F-=V`.
    public mutating func apply(_ assignment: FieldAssignment) throws(YAMLError) {
        switch assignment.operation {
        case .set:
            try set(try values.node(assignment.value, at: assignment.path), at: assignment.path)
        case .add:
            for item in try values.items(assignment.value, at: assignment.path) {
                try add(item, toListAt: assignment.path)
            }
        case .remove:
            for item in try values.items(assignment.value, at: assignment.path) {
                try remove(item, fromListAt: assignment.path)
            }
        }
    }

    /// Removes the field or element at `path`; nothing happens when it is absent. Throws when
    /// the schema knows no such field.
    public mutating func unset(_ path: YAMLPath) throws(YAMLError) {
        guard editor.node(at: path) != nil else {
            if schemas.fieldInfo(at: path) == nil {
                throw YAMLError(.badEdit, "there is no field '\(path)' in this kind of record", file: editor.file, path: path.description)
            }
            return
        }
        try editor.remove(at: path)
    }

    /// Sets the value at `path`, creating the mappings, keyed elements and list ends on the way.
    public mutating func set(_ node: YAMLNode, at path: YAMLPath) throws(YAMLError) {
        if let old = editor.node(at: path) {
            if old.sameContent(as: node) && old.scalar?.tag == node.scalar?.tag && Self.sameKind(old, node) { return }
            let parent = path.parent.flatMap { editor.node(at: $0) }
            let inFlow = parent?.sequence?.style == .flow || parent?.mapping?.style == .flow
            try editor.replace(at: path, with: Self.styled(node, like: old, inFlow: inFlow))
            return
        }
        var depth = 0
        while depth < path.components.count, editor.node(at: YAMLPath(Array(path.components[...depth]))) != nil {
            depth += 1
        }
        let parentPath = YAMLPath(Array(path.components[..<depth]))
        let step = path.components[depth]
        let rest = path.components[(depth + 1)...]
        if let parent = editor.node(at: parentPath), parent.isNull, !parentPath.isRoot {
            // `address:` with no value yet: it becomes what the path needs.
            try editor.replace(at: parentPath, with: try build([step] + rest, leaf: node, at: parentPath))
            return
        }
        switch step {
        case .key(let key):
            let value = try build(rest, leaf: node, at: parentPath.appending(key: key))
            try editor.set(value, forKey: key, inMappingAt: parentPath, after: sibling(before: key, in: parentPath))
        case .index(let index):
            guard case .sequence(let sequence)? = editor.node(at: parentPath), index == sequence.items.count else {
                throw YAMLError(
                    .badEdit,
                    "there is no element '\(parentPath.appending(index: index))'; a new element goes at the end, [\(editor.node(at: parentPath)?.sequence?.items.count ?? 0)]",
                    file: editor.file, path: path.description
                )
            }
            try editor.append(try build(rest, leaf: node, at: parentPath.appending(index: index)), toSequenceAt: parentPath)
        case .match(let field, let value):
            let matching = editor.node(at: parentPath)?.sequence?.items.filter { $0.mapping?[field]?.scalar?.value == value }
            if let matching, !matching.isEmpty {
                throw YAMLError(
                    .badEdit, "\(matching.count) elements of '\(parentPath)' have \(field) '\(value)'; an edit needs exactly one",
                    file: editor.file, path: path.description
                )
            }
            guard case .sequence(let built) = try build([step] + rest, leaf: node, at: parentPath), let element = built.items.first else { return }
            try editor.append(element, toSequenceAt: parentPath)
        }
    }

    /// Adds `item` to the list at `path` unless an equal element is there already.
    public mutating func add(_ item: YAMLNode, toListAt path: YAMLPath) throws(YAMLError) {
        guard let list = editor.node(at: path), !list.isNull else {
            try set(.sequence(YAMLSequence([item], style: .flow)), at: path)
            return
        }
        guard case .sequence(let sequence) = list else {
            throw YAMLError(.badEdit, "'\(path)' is not a list, so nothing can be added to it", file: editor.file, path: path.description)
        }
        if sequence.items.contains(where: { $0.sameContent(as: item) }) { return }
        try editor.append(item, toSequenceAt: path)
    }

    /// Removes the elements equal to `item` from the list at `path`; throws when there is none.
    public mutating func remove(_ item: YAMLNode, fromListAt path: YAMLPath) throws(YAMLError) {
        guard case .sequence(let sequence)? = editor.node(at: path),
            let index = sequence.items.lastIndex(where: { $0.sameContent(as: item) })
        else {
            let text = item.scalar?.value ?? "that element"
            throw YAMLError(.badEdit, "'\(path)' has no element '\(text)' to remove", file: editor.file, path: path.description)
        }
        try editor.removeElement(at: index, inSequenceAt: path)
        try remove(item, fromListAtIfPresent: path)
    }

    private mutating func remove(_ item: YAMLNode, fromListAtIfPresent path: YAMLPath) throws(YAMLError) {
        guard case .sequence(let sequence)? = editor.node(at: path),
            let index = sequence.items.lastIndex(where: { $0.sameContent(as: item) })
        else { return }
        try editor.removeElement(at: index, inSequenceAt: path)
        try remove(item, fromListAtIfPresent: path)
    }
}
