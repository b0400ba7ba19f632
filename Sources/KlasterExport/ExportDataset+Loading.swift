public import KlasterModel
public import KlasterStore
import KlasterValidation
import KlasterYAML

extension ExportDataset {
    /// What loading a store gave: the dataset, and the problems found on the way (files that do
    /// not parse, records that break their schema), as diagnostics.
    public struct Loaded: Sendable {
        public var dataset: ExportDataset
        public var diagnostics: [Diagnostic]
    }

    /// Reads, parses and types every record of `kinds` in `store`, on all cores.
    ///
    /// Each kind is typed by its bundled schema; the store's own `schemas/<kind>.schema.json`,
    /// where present, is applied too when `validate` is set (SPEC §2: validation applies both).
    /// A record that does not parse is left out of the dataset and reported; a record that
    /// breaks its schema stays in and is reported (the caller decides whether to go on).
    public static func load(
        from store: Store,
        kinds: [RecordKind] = RecordKind.allCases,
        validate: Bool = true,
        progress: (any ExportProgress)? = nil
    ) throws(ExportError) -> Loaded {
        let schemaSets = try schemas(for: store, kinds: kinds)
        let files: [RecordFile]
        do {
            files = try store.recordFiles(of: kinds)
        } catch {
            throw ExportError(.io, error.message)
        }
        var records: [RecordKind: [ExportRecord]] = [:]
        var diagnostics: [Diagnostic] = []
        let chunk = 4096
        var start = 0
        while start < files.count {
            let slice = Array(files[start..<min(start + chunk, files.count)])
            let results = store.map(slice) { file -> Result<(ExportRecord, [Diagnostic]), ExportError> in
                load(file, store: store, schemas: schemaSets[file.kind]!, validate: validate)
            }
            for result in results {
                switch result {
                case .success(let (record, found)):
                    records[record.kind, default: []].append(record)
                    diagnostics += found
                case .failure(let error):
                    if error.code == .io { throw error }
                    diagnostics.append(Diagnostic(file: "", line: 0, column: 0, rule: "yaml", message: error.message))
                }
            }
            start += slice.count
            progress?.update("loading", done: start, total: files.count)
        }
        progress?.finish("loading")
        let dataset = ExportDataset(
            name: store.manifest.name,
            languages: store.manifest.languages,
            kinds: kinds,
            schemas: schemaSets.mapValues { $0.schemas[0] },
            records: records
        )
        return Loaded(dataset: dataset, diagnostics: diagnostics)
    }

    /// Reads, parses and types one record file, and validates it when `validate` is set.
    static func load(
        _ file: RecordFile,
        store: Store,
        schemas: SchemaSet,
        validate: Bool
    ) -> Result<(ExportRecord, [Diagnostic]), ExportError> {
        if !validate { return parse(file, store: store, schemas: schemas).map { ($0.record, []) } }
        let bytes: Result<[UInt8], YAMLError>
        do {
            bytes = try store.read(file)
        } catch {
            return .failure(ExportError(.io, error.message))
        }
        return .success(loadTree(file, bytes, store: store, schemas: schemas, validate: true))
    }

    /// Reads and parses one record file, to be typed by its first schema: an ordinary record
    /// flat, with no value built yet; anything else through the tree (a file that does not
    /// parse gives a record with only its id, as ``load(from:kinds:validate:progress:)`` keeps it).
    static func parse(_ file: RecordFile, store: Store, schemas: SchemaSet) -> Result<ParsedRecord, ExportError> {
        let bytes: Result<[UInt8], YAMLError>
        do {
            bytes = try store.read(file)
        } catch {
            return .failure(ExportError(.io, error.message))
        }
        if case .success(let read) = bytes, let flat = read.withUnsafeBufferPointer({ YAMLParser(limits: store.limits).parseFlat($0) }) {
            return .success(ParsedRecord(kind: file.kind, id: file.id, file: file.relativePath, flat: flat, schema: schemas.schemas[0]))
        }
        return .success(ParsedRecord(loadTree(file, bytes, store: store, schemas: schemas, validate: false).0))
    }

    /// Parses a record file's bytes into a tree, types it and validates it when `validate` is set.
    private static func loadTree(
        _ file: RecordFile,
        _ bytes: Result<[UInt8], YAMLError>,
        store: Store,
        schemas: SchemaSet,
        validate: Bool
    ) -> (ExportRecord, [Diagnostic]) {
        let parsed = bytes.flatMap { bytes in
            Result { () throws(YAMLError) -> YAMLNode? in try YAMLParser(limits: store.limits).parse(bytes, file: file.relativePath) }
        }
        var found: [Diagnostic] = []
        var value = JSONValue.object(JSONObject())
        switch parsed {
        case .failure(let error):
            found.append(
                Diagnostic(
                    file: file.relativePath,
                    line: error.line,
                    column: error.column,
                    rule: error.code.rawValue,
                    message: error.message
                )
            )
            return (ExportRecord(kind: file.kind, id: file.id, file: file.relativePath, value: value), found)
        case .success(nil):
            found.append(Diagnostic(file: file.relativePath, line: 0, column: 0, rule: "yaml", message: "the file holds no record"))
        case .success(let document?):
            value = schemas.schemas[0].canonicalJSON(of: document)
            if validate {
                found += schemas.validate(document).map { $0.diagnostic(file: file.relativePath) }
            }
        }
        return (ExportRecord(kind: file.kind, id: file.id, file: file.relativePath, value: withID(value, file.id)), found)
    }

    /// `value` with `id` as its first key (set to the file stem when the file has none).
    static func withID(_ value: JSONValue, _ id: String) -> JSONValue {
        guard case .object(let object) = value else { return value }
        if let first = object.entries.first, first.key == "id" { return value }
        var entries = object.entries
        if let index = entries.firstIndex(where: { $0.key == "id" }) {
            let entry = entries.remove(at: index)
            entries.insert(entry, at: 0)
        } else {
            entries.insert(("id", .string(id)), at: 0)
        }
        return .object(JSONObject(entries))
    }

    /// The bundled schema of each kind, then the store's own where it has one.
    static func schemas(for store: Store, kinds: [RecordKind]) throws(ExportError) -> [RecordKind: SchemaSet] {
        var sets: [RecordKind: SchemaSet] = [:]
        for kind in kinds {
            guard let bundled = BundledSchemas.all.first(where: { $0.kind == kind.folder }) else {
                throw ExportError(.io, "no bundled schema for \(kind)")
            }
            var list: [JSONSchema] = []
            do {
                list.append(try JSONSchema(json: bundled.text, file: bundled.file))
                if let bytes = try OutputFiles.readIfPresent(store.root + "/schemas/" + bundled.file) {
                    list.append(try JSONSchema(json: bytes, file: "schemas/" + bundled.file))
                }
            } catch {
                throw ExportError(.io, "\(error)")
            }
            sets[kind] = SchemaSet(list)
        }
        return sets
    }
}
