public import KlasterModel
public import KlasterValidation

/// One record as exporters see it: its kind, id, file and the JSON value it means under its
/// schema, keys in schema order (see ``JSONSchema/canonicalJSON(of:)``).
public struct ExportRecord: Sendable {
    public var kind: RecordKind
    public var id: String
    /// Relative to the store root: `clusters/okip.yaml`.
    public var file: String
    /// An object; it always holds `id`, first (the file stem, when the file has no `id:` field).
    public var value: JSONValue

    public init(kind: RecordKind, id: String, file: String, value: JSONValue) {
        self.kind = kind
        self.id = id
        self.file = file
        self.value = value
    }

    /// The record's fields, or none when the value is not an object.
    public var fields: JSONObject { value.objectValue ?? JSONObject() }
}

/// The loaded store an exporter writes out: the records of the exported kinds, each kind sorted
/// by id, and the schema of each kind.
public struct ExportDataset: Sendable {
    /// The store's name, from its manifest.
    public var name: String
    /// The languages the manifest names, preferred first (may be empty).
    public var languages: [String]
    /// The exported kinds, in the store's kind order.
    public var kinds: [RecordKind]
    /// The schema each kind is typed by.
    public var schemas: [RecordKind: JSONSchema]
    private var byKind: [RecordKind: [ExportRecord]]

    public init(
        name: String,
        languages: [String] = [],
        kinds: [RecordKind],
        schemas: [RecordKind: JSONSchema],
        records: [RecordKind: [ExportRecord]]
    ) {
        self.name = name
        self.languages = languages
        self.kinds = kinds
        self.schemas = schemas
        self.byKind = records.mapValues { list in
            list.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        }
    }

    /// The records of `kind`, sorted by id (bytewise); empty for a kind not exported.
    public func records(of kind: RecordKind) -> [ExportRecord] {
        byKind[kind] ?? []
    }

    /// How many records there are, over the exported kinds.
    public var count: Int { kinds.reduce(0) { $0 + records(of: $1).count } }

    /// The record `kind`/`id`, if exported (binary search).
    public func record(_ kind: RecordKind, _ id: String) -> ExportRecord? {
        let list = records(of: kind)
        var low = 0
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid].id.utf8.lexicographicallyPrecedes(id.utf8) { low = mid + 1 } else { high = mid }
        }
        return low < list.count && list[low].id == id ? list[low] : nil
    }
}
