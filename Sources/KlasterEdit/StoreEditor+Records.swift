public import KlasterModel
public import KlasterStore
public import KlasterValidation
public import KlasterYAML

/// What a record command did or why it did not.
public struct EditResult: Sendable {
    /// The change, as computed (written only when ``written`` is true).
    public var overlay: StoreOverlay
    /// Errors the change would bring into the store; when not empty nothing was written.
    public var problems: [Diagnostic] = []
    /// For removals: the records that refer to the removed one.
    public var referrers: [RecordReference] = []
    public var written = false
}

extension StoreEditor {
    /// Creates `kind`/`id`: the schema modeline, `id:`, then the `assignments`, laid out as
    /// ``RecordFormatter`` does.
    /// Refuses an id that is taken or malformed (`.badArgument`), and a record that would not
    /// validate (``EditResult/problems``).
    public func create(kind: RecordKind, id: String, assignments: [FieldAssignment]) throws -> EditResult {
        guard RecordIDSyntax.isValid(id) else {
            throw StoreError(.badArgument, "'\(id)' is not a valid id: lower-case letters, digits and single hyphens, at most \(RecordIDSyntax.maxLength) characters")
        }
        let file = store.file(kind, id)
        if try store.list(kind).records.contains(file) {
            throw StoreError(.badArgument, "\(kind.rawValue)/\(id) already exists (\(file.relativePath)); change it with 'klaster set'")
        }
        let text = "# yaml-language-server: $schema=../schemas/\(kind.rawValue).schema.json\nid: \(id)\n"
        let schemas = try schemas(of: kind)
        var edit = try RecordEdit(text: text, file: file.relativePath, schemas: schemas)
        for assignment in assignments where assignment.path != "id" {
            try edit.apply(assignment)
        }
        return try finish(try RecordFormatter(schemas: schemas).format(edit.text, file: file.relativePath), for: file)
    }

    /// Changes fields of an existing record, keeping the rest of its bytes.
    public func set(_ file: RecordFile, assignments: [FieldAssignment], unset: [YAMLPath] = []) throws -> EditResult {
        let original = try text(of: file)
        var edit = try RecordEdit(text: original, file: file.relativePath, schemas: try schemas(of: file.kind))
        for assignment in assignments { try edit.apply(assignment) }
        for path in unset { try edit.unset(path) }
        if edit.text == original { return EditResult(overlay: StoreOverlay()) }
        return try finish(edit.text, for: file)
    }

    /// Removes a record unless others refer to it; with `force`, removes it anyway.
    public func remove(_ file: RecordFile, force: Bool = false) throws -> EditResult {
        let finder = ReferenceFinder(store: store, schemas: validator.schemas)
        let referrers = try finder.references(to: file.kind, id: file.id).filter { $0.file != file }
        var overlay = StoreOverlay()
        overlay.remove(file.relativePath)
        var result = EditResult(overlay: overlay, referrers: referrers)
        if !referrers.isEmpty && !force { return result }
        try write(overlay)
        result.written = true
        return result
    }

    /// Renames a record and rewrites every reference to it, its own `id:` included, each
    /// rewrite keeping the rest of its file's bytes; all files change together or none does.
    public func move(_ file: RecordFile, to newID: String) throws -> EditResult {
        guard RecordIDSyntax.isValid(newID) else {
            throw StoreError(.badArgument, "'\(newID)' is not a valid id: lower-case letters, digits and single hyphens, at most \(RecordIDSyntax.maxLength) characters")
        }
        let target = store.file(file.kind, newID)
        if target == file { return EditResult(overlay: StoreOverlay()) }
        if try store.list(file.kind).records.contains(target) {
            throw StoreError(.badArgument, "\(file.kind.rawValue)/\(newID) already exists (\(target.relativePath))")
        }
        let references = try ReferenceFinder(store: store, schemas: validator.schemas).references(to: file.kind, id: file.id)
        var texts: [RecordFile: RecordEdit] = [:]
        func edit(_ f: RecordFile) throws -> RecordEdit {
            if let existing = texts[f] { return existing }
            return try RecordEdit(text: try text(of: f), file: f.relativePath, schemas: try schemas(of: f.kind))
        }
        var own = try edit(file)
        if case .scalar(let written)? = own.editor.node(at: "id"), written.value == file.id {
            try own.set(.scalar(YAMLScalar(newID)), at: "id")
        }
        texts[file] = own
        for reference in references {
            var e = try edit(reference.file)
            try e.set(.scalar(YAMLScalar(reference.value(pointingAt: newID))), at: reference.path)
            texts[reference.file] = e
        }
        var overlay = StoreOverlay()
        for (f, e) in texts {
            overlay.write(Array(e.text.utf8), at: f == file ? target.relativePath : f.relativePath)
        }
        overlay.remove(file.relativePath)
        var result = EditResult(overlay: overlay, referrers: references.filter { $0.file != file })
        result.problems = try newErrors(after: overlay, renamed: [file.relativePath: target.relativePath])
        if !result.problems.isEmpty { return result }
        try write(overlay)
        result.written = true
        return result
    }

    private func finish(_ text: String, for file: RecordFile) throws -> EditResult {
        var overlay = StoreOverlay()
        overlay.write(Array(text.utf8), at: file.relativePath)
        var result = EditResult(overlay: overlay)
        result.problems = try newErrors(after: overlay)
        if !result.problems.isEmpty { return result }
        try write(overlay)
        result.written = true
        return result
    }
}
