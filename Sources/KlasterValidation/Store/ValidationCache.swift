#if canImport(Glibc)
import Glibc
#endif
import KlasterModel
import KlasterStore

/// What `validate` remembers between runs in `.klaster/cache/validate`: each record file's own
/// findings and facts, keyed by the file's stamp (size, times to the nanosecond, inode).
///
/// The whole cache belongs to one program build and one set of schemas (its key); any change to
/// either, or to a file, means that file (or everything) is checked again. Files changed within
/// the last two seconds before the cache was written are not cached, so an edit made in the same
/// clock tick as a validation is never missed. The findings across records are reused only while
/// the record files are exactly the cached ones (``across``); otherwise they run again from the
/// facts.
struct ValidationCache {
    static let magic = Array("KLASTER-VALIDATE-4\n".utf8)

    /// One record file as the cache has it. Its facts stay encoded until asked for
    /// (``facts(of:)``): a run where nothing changed never needs them.
    struct Entry {
        var file: String
        var stamp: FileIO.Stamp
        var diagnostics: [Diagnostic]
        /// Where the encoded facts start, or `nil` for a file that is not a record.
        var facts: Int?
    }

    var key: String
    /// In the order written: the store's listing order.
    private(set) var entries: [Entry] = []
    /// The findings across records of the run that wrote the cache, when that run's record
    /// files were exactly those in ``entries``. They hold again while the store's record files
    /// are those, each with the same stamp.
    var across: [Diagnostic]?
    private var reader: BinaryReader?
    /// Entries by file, built only when a look-up misses its place in ``entries``.
    private var positions: [String: Int]?

    static func path(in store: Store) -> String { store.statePath + "/cache/validate" }

    /// The program's identity: its executable's size and modification time.
    static let programKey: String = {
        guard let stamp = FileIO.stamp("/proc/self/exe") ?? FileIO.stamp(CommandLine.arguments[0]) else { return "unknown" }
        var resolved = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &resolved, 4095)
        let target = n > 0 ? String(decoding: resolved[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        let exe = FileIO.stamp(target) ?? stamp
        return "\(exe.size)-\(exe.modified)-\(target)"
    }()

    static func load(from path: String, key: String) -> ValidationCache? {
        guard case .bytes(let bytes)? = try? FileIO.read(path, limit: 1 << 30),
            var reader = BinaryReader(bytes, magic: magic),
            reader.string(equals: key) == true,
            let count = reader.u32(), Int(count) <= bytes.count
        else { return nil }
        var cache = ValidationCache(key: key)
        cache.entries.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let file = reader.string(), let size = reader.int(), let modified = reader.int(), let changed = reader.int(),
                let inode = reader.u64(), let diagnostics = readDiagnostics(&reader), let factsLength = reader.u32()
            else { return nil }
            let facts = factsLength == 0 ? nil : reader.position
            guard reader.skip(Int(factsLength)) else { return nil }
            let stamp = FileIO.Stamp(size: size, modified: modified, changed: changed, inode: inode)
            cache.entries.append(Entry(file: file, stamp: stamp, diagnostics: diagnostics, facts: facts))
        }
        guard let hasAcross = reader.u8() else { return nil }
        if hasAcross == 1 {
            guard let across = readDiagnostics(&reader) else { return nil }
            cache.across = across
        }
        guard reader.atEnd else { return nil }
        cache.reader = reader
        return cache
    }

    /// The position in ``entries`` of `file`'s entry. `hint` is where it is when the store
    /// lists the files the cache has, in the same order (the usual case): then no table is built.
    mutating func index(of file: String, hint: Int) -> Int? {
        if hint < entries.count, entries[hint].file == file { return hint }
        if positions == nil {
            var table: [String: Int] = [:]
            table.reserveCapacity(entries.count)
            for (i, entry) in entries.enumerated() { table[entry.file] = i }
            positions = table
        }
        return positions?[file]
    }

    /// The facts of an entry, decoded; `nil` for a file that is not a record, or damaged facts.
    func facts(of entry: Entry) -> RecordFacts? {
        guard let offset = entry.facts, var r = reader?.reading(at: offset) else { return nil }
        return Self.readFacts(&r)
    }

    /// Writes a cache of `entries` (file, stamp, what checking it found), in their order,
    /// atomically; a store folder that cannot be written to is left alone.
    /// `across` are the findings across records of the run, over exactly the files of `entries`
    /// (`nil` otherwise); they are kept only if every entry is.
    static func write(
        key: String,
        entries: [(file: String, stamp: FileIO.Stamp, check: RecordCheck)],
        across: [Diagnostic]?,
        to path: String
    ) {
        var writer = BinaryWriter()
        writer.string(key)
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let settled = Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec) - 2_000_000_000
        func isStable(_ stamp: FileIO.Stamp) -> Bool { stamp.modified < settled && stamp.changed < settled }
        // About 400 bytes a record; room that is never written costs no memory.
        writer.reserveCapacity(1024 * entries.count + 4096)
        let stableCount = entries.reduce(0) { $0 + (isStable($1.stamp) ? 1 : 0) }
        writer.u32(UInt32(stableCount))
        for entry in entries where isStable(entry.stamp) {
            writer.inlineString(entry.file)
            writer.int(entry.stamp.size)
            writer.int(entry.stamp.modified)
            writer.int(entry.stamp.changed)
            writer.u64(entry.stamp.inode)
            write(entry.check.diagnostics, to: &writer)
            // The facts' length first, so that a reader can pass over them.
            let lengthAt = writer.count
            writer.u32(0)
            if let facts = entry.check.facts {
                write(facts, to: &writer)
                writer.patchU32(at: lengthAt, UInt32(writer.count - lengthAt - 4))
            }
        }
        if let across, stableCount == entries.count {
            writer.u8(1)
            write(across, to: &writer)
        } else {
            writer.u8(0)
        }
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
        do {
            try AtomicFile.makeFolder(folder)
            try AtomicFile.write(parts: writer.finish(magic: Self.magic), to: path, sync: false)
        } catch {
            // A read-only store validates without a cache.
        }
    }

    private static func write(_ facts: RecordFacts, to w: inout BinaryWriter) {
        w.u8(kindCode(facts.kind))
        w.inlineString(facts.id)
        w.varint(facts.references.count)
        for r in facts.references { write(r, to: &w) }
        w.varint(facts.uniques.count)
        for u in facts.uniques {
            w.string(u.field)
            w.inlineString(u.value)
            write(u.place, to: &w)
        }
        if let c = facts.coordinator {
            w.u8(1)
            write(c, to: &w)
        } else {
            w.u8(0)
        }
        w.varint(facts.coordinates.count)
        for c in facts.coordinates { w.string(c) }
    }

    private static func write(_ diagnostics: [Diagnostic], to w: inout BinaryWriter) {
        w.varint(diagnostics.count)
        for d in diagnostics {
            w.string(d.file)
            w.varint(d.line)
            w.varint(d.column)
            w.u8(d.severity == .error ? 0 : 1)
            w.string(d.rule)
            w.string(d.message)
            w.string(d.path)
        }
    }

    private static func readDiagnostics(_ r: inout BinaryReader) -> [Diagnostic]? {
        guard let count = r.varint(), count >= 0 else { return nil }
        var diagnostics: [Diagnostic] = []
        for _ in 0..<count {
            guard let file = r.string(), let line = r.varint(), let column = r.varint(), let severity = r.u8(),
                let rule = r.string(), let message = r.string(), let path = r.string()
            else { return nil }
            diagnostics.append(
                Diagnostic(
                    file: file, line: line, column: column, severity: severity == 0 ? .error : .warning,
                    rule: rule, message: message, path: path
                )
            )
        }
        return diagnostics
    }

    private static func write(_ r: RecordFacts.Reference, to w: inout BinaryWriter) {
        w.u8(kindCode(r.kind))
        w.string(r.id)
        write(r.place, to: &w)
    }

    private static func write(_ p: RecordFacts.Place, to w: inout BinaryWriter) {
        w.string(p.pointer)
        w.varint(p.line)
        w.varint(p.column)
    }

    private static func readFacts(_ r: inout BinaryReader) -> RecordFacts? {
        guard let kind = r.u8().flatMap(kind(code:)), let id = r.string(), let refCount = r.varint(), refCount >= 0,
            refCount <= r.remaining
        else { return nil }
        var facts = RecordFacts(kind: kind, id: id)
        facts.references.reserveCapacity(refCount)
        for _ in 0..<refCount {
            guard let reference = readReference(&r) else { return nil }
            facts.references.append(reference)
        }
        guard let uniqueCount = r.varint(), uniqueCount >= 0, uniqueCount <= r.remaining else { return nil }
        facts.uniques.reserveCapacity(uniqueCount)
        for _ in 0..<uniqueCount {
            guard let field = r.string(), let value = r.string(), let place = readPlace(&r) else { return nil }
            facts.uniques.append(RecordFacts.UniqueValue(field: field, value: value, place: place))
        }
        guard let hasCoordinator = r.u8() else { return nil }
        if hasCoordinator == 1 {
            guard let c = readReference(&r) else { return nil }
            facts.coordinator = c
        }
        guard let coordinatesCount = r.varint(), coordinatesCount >= 0 else { return nil }
        for _ in 0..<coordinatesCount {
            guard let c = r.string() else { return nil }
            facts.coordinates.append(c)
        }
        return facts
    }

    private static func readReference(_ r: inout BinaryReader) -> RecordFacts.Reference? {
        guard let kind = r.u8().flatMap(kind(code:)), let id = r.string(), let place = readPlace(&r) else { return nil }
        return RecordFacts.Reference(kind: kind, id: id, place: place)
    }

    private static func readPlace(_ r: inout BinaryReader) -> RecordFacts.Place? {
        guard let pointer = r.string(), let line = r.varint(), let column = r.varint() else { return nil }
        return RecordFacts.Place(pointer: pointer, line: line, column: column)
    }

    private static func kindCode(_ kind: RecordKind) -> UInt8 {
        UInt8(kind.order)
    }

    private static func kind(code: UInt8) -> RecordKind? {
        Int(code) < RecordKind.allCases.count ? RecordKind.allCases[Int(code)] : nil
    }
}
