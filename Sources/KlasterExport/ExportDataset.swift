public import KlasterModel
public import KlasterValidation
import KlasterStore

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

/// The store an exporter writes out: the records of the exported kinds, each kind sorted by
/// id, and the schema of each kind.
///
/// A dataset either holds its records (``init(name:languages:kinds:schemas:records:)``,
/// ``load(from:kinds:validate:progress:)``) or reads them from the store a chunk at a time as an
/// exporter asks for them (``streaming(from:kinds:)``), so that an export of any size runs in
/// bounded memory. Exporters go through ``forEachChunk(of:size:map:_:)``, which works the same
/// for both.
public struct ExportDataset: Sendable {
    /// The store's name, from its manifest.
    public var name: String
    /// The languages the manifest names, preferred first (may be empty).
    public var languages: [String]
    /// The exported kinds, in the store's kind order.
    public var kinds: [RecordKind]
    /// The schema each kind is typed by.
    public var schemas: [RecordKind: JSONSchema]
    private var source: Source

    private enum Source: Sendable {
        case memory([RecordKind: [ExportRecord]])
        case store(StoreSource)
    }

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
        self.source = .memory(
            records.mapValues { list in
                list.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
            }
        )
    }

    init(name: String, languages: [String], kinds: [RecordKind], schemas: [RecordKind: JSONSchema], store: StoreSource) {
        self.name = name
        self.languages = languages
        self.kinds = kinds
        self.schemas = schemas
        self.source = .store(store)
    }

    /// The records of `kind`, sorted by id (bytewise); empty for a kind not exported.
    ///
    /// A streaming dataset reads and holds the whole kind, leaving out records it cannot read
    /// (the file vanished, say): exporters use ``forEachChunk(of:size:map:_:)``, which holds a
    /// chunk at a time and throws such errors.
    public func records(of kind: RecordKind) -> [ExportRecord] {
        switch source {
        case .memory(let byKind):
            return byKind[kind] ?? []
        case .store(let store):
            var all: [ExportRecord] = []
            try? store.forEachChunk(of: kind, size: 4096, map: { $0.record }) { (chunk: [ExportRecord]) throws(ExportError) in all += chunk }
            return all
        }
    }

    /// How many records of `kind` there are.
    public func count(of kind: RecordKind) -> Int {
        switch source {
        case .memory(let byKind): byKind[kind]?.count ?? 0
        case .store(let store): store.files[kind]?.count ?? 0
        }
    }

    /// How many records there are, over the exported kinds.
    public var count: Int { kinds.reduce(0) { $0 + count(of: $1) } }

    /// Calls `body` with the records of `kind` in id order, `size` at a time, each passed
    /// through `map` first on all cores (a streaming dataset reads and parses them in the same
    /// parallel step). Only one chunk is held at a time.
    public func forEachChunk<Result: Sendable>(
        of kind: RecordKind,
        size: Int = 1024,
        map: @Sendable (ExportRecord) -> Result,
        _ body: ([Result]) throws(ExportError) -> Void
    ) throws(ExportError) {
        try forEachParsedChunk(of: kind, size: size, map: { map($0.record) }, body)
    }

    /// ``forEachChunk(of:size:map:_:)`` with `map` given each record as just read, before its
    /// value is built: for an exporter that writes text straight from the parsed file.
    public func forEachParsedChunk<Result: Sendable>(
        of kind: RecordKind,
        size: Int = 1024,
        map: @Sendable (ParsedRecord) -> Result,
        _ body: ([Result]) throws(ExportError) -> Void
    ) throws(ExportError) {
        switch source {
        case .memory(let byKind):
            let records = byKind[kind] ?? []
            var start = 0
            while start < records.count {
                let end = min(start + size, records.count)
                try body(parallelMap(Array(records[start..<end]), chunk: 16) { map(ParsedRecord($0)) })
                start = end
            }
        case .store(let store):
            try store.forEachChunk(of: kind, size: size, map: map, body)
        }
    }

    /// The record `kind`/`id`, if exported.
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
