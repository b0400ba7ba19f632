public import KlasterModel
public import KlasterStore
public import KlasterYAML
import Synchronization

/// Validates a whole store, in layers: YAML, schema (the bundled schema and the store's own),
/// domain (identifiers, codes), and the checks across records (references, unique values,
/// coordinators). Every finding is a ``Diagnostic`` with file, line, column, rule and pointer.
///
/// Records are read and checked on all cores; only their small ``RecordFacts`` are kept for the
/// checks across records, so memory stays flat however large the store.
public struct StoreValidator: Sendable {
    public let store: Store
    private let compiled: StoreSchemas

    /// Per kind: the bundled schema, then the store's own when it differs. Compiled on first
    /// use (see ``StoreSchemas``).
    public var schemas: [RecordKind: SchemaSet] { compiled.sets }

    /// Identifies the schema texts in force, for the validation cache.
    var schemaKey: UInt64 { compiled.key }

    /// Opens the store's schemas: the bundled ones, and the store's `schemas/<kind>.schema.json`
    /// where present and different. A store schema that does not compile is a
    /// could-not-do-the-job error.
    public init(store: Store) throws(StoreError) {
        self.store = store
        compiled = try StoreSchemas(store: store)
    }

    /// Validates every record of the store. With `only`, reports only the findings in those
    /// files (paths relative to the store root), still checked in the context of the whole store.
    /// With an `overlay`, validates the store as it would be after that edit (nothing is written).
    /// `progress` is called from worker threads with the number of records done so far.
    ///
    /// With `useCache`, files unchanged since the last run (same size, times and inode, same
    /// program and schemas) are not read again; their findings come from `.klaster/cache/`.
    public func validate(
        only: Set<String>? = nil,
        overlay: StoreOverlay = StoreOverlay(),
        useCache: Bool = true,
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) throws(StoreError) -> ValidationReport {
        var diagnostics: [Diagnostic] = []
        var files: [RecordFile] = []
        var index: [RecordKind: KeyTable] = [:]
        for kind in RecordKind.allCases {
            let listing = try store.list(kind)
            let records = overlay.records(of: kind, onDisk: listing.records, root: store.root)
            files += records
            index[kind] = KeyTable(records.map(\.id))
            diagnostics += listing.strays.map(Self.strayDiagnostic)
        }
        let total = files.count
        let cacheKey = "\(ValidationCache.programKey) \(schemaKey)"
        let cachePath = ValidationCache.path(in: store)
        var cache = useCache ? ValidationCache.load(from: cachePath, key: cacheKey) : nil

        // First the files the cache answers: those with the stamp it has (never one the overlay
        // changes). Only their stamps are looked up, on all cores.
        var hits = [Int?](repeating: nil, count: files.count)
        var stamps = [FileIO.Stamp?](repeating: nil, count: files.count)
        if cache != nil {
            // Looked up from the store's folder, not by absolute paths.
            let root = FileIO.openFolder(store.root)
            defer { if let root { FileIO.closeFolder(root) } }
            stamps = store.map(files) { file in
                guard overlay.contents[file.relativePath] == nil else { return nil }
                return root.map { FileIO.stamp(file.relativePath, in: $0) } ?? FileIO.stamp(file.absolutePath)
            }
            for (i, file) in files.enumerated() {
                guard let stamp = stamps[i], let j = cache?.index(of: file.relativePath, hint: i), cache?.entries[j].stamp == stamp
                else { continue }
                hits[i] = j
            }
        }
        let misses = files.indices.filter { hits[$0] == nil }
        if let progress, misses.count < total { progress(total - misses.count, total) }

        // Then every other file, read and checked on all cores (the schemas compiled now, if
        // any file needs them). A file read is stamped from the open file.
        let schemas = misses.isEmpty ? [:] : self.schemas
        let done = Mutex(total - misses.count)
        let (listed, known) = (files, stamps)
        let checked = parallelMap(misses) { i -> (FileIO.Stamp?, RecordCheck) in
            let file = listed[i]
            let result: (FileIO.Stamp?, RecordCheck)
            if let overlaid = overlay.contents[file.relativePath] {
                result = (nil, self.check(kind: file.kind, id: file.id, relativePath: file.relativePath, bytes: overlaid, schemas: schemas[file.kind]))
            } else {
                let (check, readStamp) = self.checkReading(file, schemas: schemas[file.kind])
                result = (readStamp ?? known[i], check)
            }
            if let progress {
                let count = done.withLock { value in
                    value += 1
                    return value
                }
                progress(count, total)
            }
            return result
        }

        // Every record file as the cache has it (the same files, each with the same stamp): the
        // findings across records are the cached ones, and the facts need not be decoded.
        let cachedAcross = cache?.across
        let unchanged = useCache && overlay.isEmpty && misses.isEmpty && cache?.entries.count == files.count && cachedAcross != nil
        var facts: [RecordFacts] = []
        var entries: [(file: String, stamp: FileIO.Stamp, check: RecordCheck)] = []
        let rewrite = useCache && overlay.isEmpty && !unchanged
        if rewrite { entries.reserveCapacity(files.count) }
        var next = 0
        for (i, file) in files.enumerated() {
            let stamp: FileIO.Stamp?
            var check: RecordCheck
            if let j = hits[i], let cache {
                let entry = cache.entries[j]
                stamp = entry.stamp
                check = RecordCheck(diagnostics: entry.diagnostics, facts: nil)
                if !unchanged, entry.facts != nil {
                    if let decoded = cache.facts(of: entry) {
                        check.facts = decoded
                    } else {
                        // Damaged facts: the file is checked again.
                        check = checkReading(file, schemas: self.schemas[file.kind]).check
                    }
                }
            } else {
                (stamp, check) = checked[next]
                next += 1
            }
            diagnostics += check.diagnostics
            if !unchanged, var f = check.facts {
                f.id = file.id
                facts.append(f)
            }
            if rewrite, let stamp { entries.append((file.relativePath, stamp, check)) }
        }
        let across = unchanged ? cachedAcross ?? [] : CrossRecordCheck(index: index, facts: facts).run()
        diagnostics += across
        if rewrite {
            // In listing order (by kind, then id): no dictionary to build, nothing to sort.
            ValidationCache.write(key: cacheKey, entries: entries, across: entries.count == files.count ? across : nil, to: cachePath)
        }
        if let only { diagnostics.removeAll { !only.contains($0.file) } }
        // The store-sized listing, cache and facts are freed off this thread.
        releaseInBackground((files, index, cache, checked, entries, facts))
        return ValidationReport(diagnostics: diagnostics, recordCount: files.count, files: files)
    }

    /// Reads and checks one record file on its own.
    public func check(_ file: RecordFile) -> RecordCheck {
        checkReading(file, schemas: schemas[file.kind]).check
    }

    /// Reads and checks one record file, with the stamp of what was read (`nil` when the file
    /// could not be opened).
    func checkReading(_ file: RecordFile, schemas: SchemaSet?) -> (check: RecordCheck, stamp: FileIO.Stamp?) {
        let bytes: [UInt8]
        let stamp: FileIO.Stamp
        do {
            let read = try store.readStamped(file)
            stamp = read.stamp
            switch read.bytes {
            case .success(let b): bytes = b
            case .failure(let error): return (RecordCheck(diagnostics: [Diagnostic(error)], facts: nil), stamp)
            }
        } catch {
            let diagnostic = Diagnostic(file: file.relativePath, line: 0, column: 0, rule: "io", message: error.message)
            return (RecordCheck(diagnostics: [diagnostic], facts: nil), nil)
        }
        return (check(kind: file.kind, id: file.id, relativePath: file.relativePath, bytes: bytes, schemas: schemas), stamp)
    }

    private static func strayDiagnostic(_ path: String) -> Diagnostic {
        if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
            let stem = path.split(separator: "/").last.map(String.init) ?? path
            return Diagnostic(
                file: path, line: 0, column: 0, rule: "id",
                message: "'\(stem)' is not a valid record file name: records are <id>.yaml, the id in lower-case "
                    + "letters, digits and single hyphens (at most 100 characters)"
            )
        }
        return Diagnostic(
            file: path, line: 0, column: 0, severity: .warning, rule: "stray-file",
            message: "not a record file; a kind folder holds only <id>.yaml files"
        )
    }
}

extension Diagnostic {
    /// A YAML error as a diagnostic: its code is the rule.
    public init(_ error: YAMLError) {
        self.init(
            file: error.file,
            line: error.mark?.line ?? 0,
            column: error.mark?.column ?? 0,
            rule: error.code.rawValue,
            message: error.message,
            path: error.path.isEmpty ? "" : (YAMLPath(parsing: error.path)?.jsonPointer ?? "")
        )
    }
}
