public import KlasterModel
public import KlasterStore
public import KlasterValidation

extension ExportDataset {
    /// A dataset that reads the records of `kinds` from `store` as an exporter asks for them, a
    /// chunk at a time on all cores, instead of holding them all: what `klaster export` uses.
    ///
    /// Only the list of record files is read now. Records are typed by their bundled schema
    /// (and the store's own, as ``load(from:kinds:validate:progress:)`` does) but not
    /// validated: the caller validates the store first. A file that does not parse is exported
    /// as a record with only its id, as ``load(from:kinds:validate:progress:)`` keeps it.
    ///
    /// `chunkLimit` caps how many records a chunk holds, whatever size an exporter asks for
    /// (the output is the same for any chunk size; tests use small ones). `schemas` are the
    /// schemas already compiled for the store (a ``StoreValidator``'s), to use instead of
    /// compiling them again; `files`, the record files already listed (a
    /// ``ValidationReport``'s, in kind order then id order), to export instead of listing the
    /// store again.
    public static func streaming(
        from store: Store,
        kinds: [RecordKind] = RecordKind.allCases,
        chunkLimit: Int? = nil,
        schemas compiled: [RecordKind: SchemaSet]? = nil,
        files listed: [RecordFile]? = nil
    ) throws(ExportError) -> ExportDataset {
        let schemaSets: [RecordKind: SchemaSet]
        if let compiled {
            schemaSets = compiled.filter { kinds.contains($0.key) }
        } else {
            schemaSets = try schemas(for: store, kinds: kinds)
        }
        var files: [RecordKind: [RecordFile]] = [:]
        if let listed {
            for kind in kinds { files[kind] = [] }
            for file in listed where files[file.kind] != nil { files[file.kind]?.append(file) }
        } else {
            do {
                for kind in kinds {
                    files[kind] = try store.list(kind).records  // sorted by id, bytewise
                }
            } catch {
                throw ExportError(.io, error.message)
            }
        }
        return ExportDataset(
            name: store.manifest.name,
            languages: store.manifest.languages,
            kinds: kinds,
            schemas: schemaSets.mapValues { $0.schemas[0] },
            store: StoreSource(store: store, files: files, schemas: schemaSets, chunkLimit: max(1, chunkLimit ?? Int.max))
        )
    }
}

/// Where a streaming dataset reads its records: the store, its record files of each kind in id
/// order, and the schemas that type them.
struct StoreSource: Sendable {
    let store: Store
    let files: [RecordKind: [RecordFile]]
    let schemas: [RecordKind: SchemaSet]
    let chunkLimit: Int

    /// Reads and parses the records of `kind`, `size` at a time, and passes each chunk through
    /// `map` on all cores, then to `body` in order.
    func forEachChunk<Result: Sendable>(
        of kind: RecordKind,
        size: Int,
        map: @Sendable (ParsedRecord) -> Result,
        _ body: ([Result]) throws(ExportError) -> Void
    ) throws(ExportError) {
        let files = self.files[kind] ?? []
        guard let schemas = schemas[kind] else { return }
        let store = self.store
        let size = max(1, min(size, chunkLimit))
        var start = 0
        while start < files.count {
            let end = min(start + size, files.count)
            let results = parallelMap(Array(files[start..<end]), chunk: 16) { file -> Swift.Result<Result, ExportError> in
                ExportDataset.parse(file, store: store, schemas: schemas).map(map)
            }
            var chunk: [Result] = []
            chunk.reserveCapacity(results.count)
            for result in results {
                switch result {
                case .success(let value): chunk.append(value)
                case .failure(let error): throw error
                }
            }
            try body(chunk)
            start = end
        }
    }
}
