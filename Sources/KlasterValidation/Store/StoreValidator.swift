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
    /// Per kind: the bundled schema, then the store's own when it differs.
    public let schemas: [RecordKind: SchemaSet]
    /// Identifies the schema texts in force, for the validation cache.
    let schemaKey: UInt64

    /// Loads the schemas: the bundled ones, and the store's `schemas/<kind>.schema.json` where
    /// present and different. A store schema that does not compile is a could-not-do-the-job error.
    public init(store: Store) throws(StoreError) {
        self.store = store
        var schemas: [RecordKind: SchemaSet] = [:]
        var fingerprint = Fingerprint()
        for bundled in BundledSchemas.all {
            fingerprint.add(Array(bundled.text.utf8))
            guard let kind = RecordKind(name: bundled.kind) else { continue }
            var set: [JSONSchema] = []
            do {
                set.append(try JSONSchema(json: bundled.text, file: "schemas/" + bundled.file))
            } catch {
                throw StoreError(.badArgument, "the bundled schema \(bundled.file) does not compile: \(error)")
            }
            let ownPath = store.root + "/schemas/" + bundled.file
            if case .bytes(let own)? = try? FileIO.read(ownPath, limit: 8 << 20), own != Array(bundled.text.utf8) {
                fingerprint.add(own)
                do {
                    set.append(try JSONSchema(json: own, file: "schemas/" + bundled.file))
                } catch {
                    throw StoreError(.badManifest, "schemas/\(bundled.file): the store's schema cannot be used: \(error)")
                }
            }
            schemas[kind] = SchemaSet(set)
        }
        self.schemas = schemas
        self.schemaKey = fingerprint.value
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
        let done = Mutex(0)
        let cacheKey = "\(ValidationCache.programKey) \(schemaKey)"
        let cachePath = ValidationCache.path(in: store)
        let cache = useCache ? ValidationCache.load(from: cachePath, key: cacheKey) : nil
        let results = store.map(files) { file -> (FileIO.Stamp?, RecordCheck, Bool) in
            // A file the overlay changes is checked from its new bytes, never from the cache.
            let overlaid = overlay.contents[file.relativePath]
            // With a cache to consult, the file's stamp says whether it needs reading at all;
            // a file read is stamped from the open file, not looked up by path again.
            let known = useCache && overlaid == nil && cache != nil ? FileIO.stamp(file.absolutePath) : nil
            let hit = known.flatMap { stamp in cache?.entries[file.relativePath].flatMap { $0.stamp == stamp ? $0.check : nil } }
            var stamp = known
            let check: RecordCheck
            if let hit {
                check = hit
            } else if let overlaid {
                check = self.check(kind: file.kind, id: file.id, relativePath: file.relativePath, bytes: overlaid)
            } else {
                let (read, readStamp) = self.checkReading(file)
                check = read
                if useCache { stamp = readStamp ?? known }
            }
            if let progress {
                let count = done.withLock { value in
                    value += 1
                    return value
                }
                progress(count, total)
            }
            return (stamp, check, hit != nil)
        }
        let checks = results.map(\.1)
        let misses = results.count { !$0.2 }
        // Every record file as the cache has it (the same files, each with the same stamp): the
        // findings across records are the cached ones, and the facts need not be looked at.
        let cachedAcross = cache?.across
        let unchanged = useCache && overlay.isEmpty && misses == 0 && cache?.entries.count == files.count && cachedAcross != nil
        var facts: [RecordFacts] = []
        for (file, check) in zip(files, checks) {
            diagnostics += check.diagnostics
            if !unchanged, var f = check.facts {
                f.id = file.id
                facts.append(f)
            }
        }
        let across = unchanged ? cachedAcross ?? [] : CrossRecordCheck(index: index, facts: facts).run()
        diagnostics += across
        if useCache && overlay.isEmpty && !unchanged {
            // In listing order (by kind, then id): no dictionary to build, nothing to sort.
            var fresh: [(file: String, entry: ValidationCache.Entry)] = []
            fresh.reserveCapacity(files.count)
            for (file, result) in zip(files, results) {
                if let stamp = result.0 { fresh.append((file.relativePath, ValidationCache.Entry(stamp: stamp, check: result.1))) }
            }
            ValidationCache.write(key: cacheKey, entries: fresh, across: fresh.count == files.count ? across : nil, to: cachePath)
        }
        if let only { diagnostics.removeAll { !only.contains($0.file) } }
        // The store-sized listing, cache and facts are freed off this thread.
        releaseInBackground((files, index, cache, results, checks, facts))
        return ValidationReport(diagnostics: diagnostics, recordCount: files.count)
    }

    /// Reads and checks one record file on its own.
    public func check(_ file: RecordFile) -> RecordCheck {
        checkReading(file).check
    }

    /// Reads and checks one record file, with the stamp of what was read (`nil` when the file
    /// could not be opened).
    func checkReading(_ file: RecordFile) -> (check: RecordCheck, stamp: FileIO.Stamp?) {
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
        return (check(kind: file.kind, id: file.id, relativePath: file.relativePath, bytes: bytes), stamp)
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

/// FNV-1a, 64 bits: a fingerprint of schema texts (not a security measure).
struct Fingerprint {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: [UInt8]) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
        value ^= 0xff
        value &*= 0x100_0000_01b3
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
