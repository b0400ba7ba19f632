public import KlasterModel
public import KlasterStore
public import KlasterValidation
public import KlasterYAML

/// One place where a record refers to another (an `x-ref` field).
public struct RecordReference: Hashable, Sendable {
    /// The record that holds the reference.
    public var file: RecordFile
    /// Where in it: `memberships[0].cluster`.
    public var path: YAMLPath
    /// The reference as written: `okip`, or `cluster:okip` for a mixed reference.
    public var value: String
    /// True for a mixed reference (`kind:id`), false for a bare id.
    public var isMixed: Bool
    public var line: Int
    public var column: Int

    /// The reference rewritten to point at `newID`, in the same form.
    public func value(pointingAt newID: String) -> String {
        guard isMixed, let colon = value.firstIndex(of: ":") else { return newID }
        return String(value[...colon]) + newID
    }
}

/// Finds every reference to a record across a store, by the schemas' `x-ref` fields.
public struct ReferenceFinder: Sendable {
    public let store: Store
    public let schemas: [RecordKind: SchemaSet]

    public init(store: Store, schemas: [RecordKind: SchemaSet]) {
        self.store = store
        self.schemas = schemas
    }

    /// The references to `kind`/`id` in every record (the record's own included), in file
    /// order then document order. Files that do not parse are skipped: they refer to nothing
    /// anyone can rely on, and validation reports them.
    public func references(to kind: RecordKind, id: String) throws(StoreError) -> [RecordReference] {
        let files = try store.recordFiles()
        let found: [[RecordReference]] = store.map(files) { file in
            guard case .success(let root?)? = try? store.parse(file), let schema = schemas[file.kind]?.schemas.first else {
                return []
            }
            return schema.references(in: root).compactMap { reference in
                guard let target = reference.resolved, target.kind == kind, target.id == id else { return nil }
                let mixed: Bool
                if case .kind = reference.target { mixed = false } else { mixed = true }
                return RecordReference(
                    file: file, path: reference.path, value: reference.value, isMixed: mixed,
                    line: reference.mark.line, column: reference.mark.column
                )
            }
        }
        return found.flatMap { $0 }
    }
}
