import Foundation
import KlasterModel
public import KlasterStore
import KlasterValidation
import KlasterYAML

/// What `klaster merge-file` does with one file git hands it: a record of a store is merged
/// field by field (``RecordMerge``) and checked against the store; any other file, or a record
/// that does not parse, is merged line by line (``LineMerge``), like `git merge-file`.
public struct FileMerge: Sendable {
    /// The merged bytes and what conflicts remain.
    public struct Outcome: Sendable {
        public var bytes: [UInt8]
        /// The record's conflicts (field merge), empty for a line merge.
        public var conflicts: [MergeConflict]
        /// Conflicted stretches of a line merge.
        public var lineConflicts: Int
        /// The record file and its store, when the path is one.
        public var record: RecordFile?
        public var store: Store?
        /// True when the file was merged line by line.
        public var mergedByLines: Bool

        public var isClean: Bool { conflicts.isEmpty && lineConflicts == 0 }
    }

    public var markers: ConflictMarkers
    /// Check references and unique values against the store around the record.
    public var checkIntegrity: Bool

    public init(markers: ConflictMarkers = ConflictMarkers(), checkIntegrity: Bool = true) {
        self.markers = markers
        self.checkIntegrity = checkIntegrity
    }

    /// Merges the three versions of the file at `path` (relative to `workingDirectory`, as git's
    /// `%P` is relative to the work tree's top).
    public func merge(base: [UInt8], ours: [UInt8], theirs: [UInt8], path: String?, workingDirectory: String) -> Outcome {
        let located = path.flatMap { Self.locateRecord($0, from: workingDirectory) }
        if let (store, file) = located,
            let b = String(validating: base, as: UTF8.self),
            let o = String(validating: ours, as: UTF8.self),
            let t = String(validating: theirs, as: UTF8.self),
            let schema = try? RecordSchemas.schemaSet(for: file.kind, storeRoot: store.root)
        {
            var integrity: MergeIntegrity?
            if checkIntegrity {
                let git = Git(directory: workingDirectory)
                let prefix = Self.relative(store.root, to: workingDirectory)
                let head = Lazy { git.otherHead() }
                integrity = MergeIntegrity(store: store, kind: file.kind, id: file.id, schema: schema) { kind, id in
                    guard let commit = head.value else { return false }
                    return git.exists((prefix.isEmpty ? "" : prefix + "/") + "\(kind.folder)/\(id).yaml", in: commit)
                }
            }
            let merge = RecordMerge(schema: schema, markers: markers, integrity: integrity)
            if let result = try? merge.merge(
                base: b.isEmpty ? nil : b,
                ours: o.isEmpty ? nil : o,
                theirs: t.isEmpty ? nil : t,
                file: file.relativePath
            ) {
                return Outcome(
                    bytes: Array((result.text ?? "").utf8),
                    conflicts: result.conflicts,
                    lineConflicts: 0,
                    record: file,
                    store: store,
                    mergedByLines: false
                )
            }
        }
        let lines = Self.mergeLines(base: base, ours: ours, theirs: theirs, markers: markers)
        return Outcome(
            bytes: lines.bytes,
            conflicts: [],
            lineConflicts: lines.conflicts,
            record: located?.1,
            store: located?.0,
            mergedByLines: true
        )
    }

    /// A line merge of any bytes: text that is not UTF-8 is merged byte for byte, as Latin-1,
    /// so nothing is lost in decoding.
    public static func mergeLines(base: [UInt8], ours: [UInt8], theirs: [UInt8], markers: ConflictMarkers) -> (bytes: [UInt8], conflicts: Int) {
        let level: LineMerge.Level = markers.style.showsBase ? .eager : .zealousAlnum
        if let b = String(validating: base, as: UTF8.self), let o = String(validating: ours, as: UTF8.self),
            let t = String(validating: theirs, as: UTF8.self)
        {
            let merge = LineMerge(base: b, ours: o, theirs: t, level: level)
            return (Array(merge.text(markers: markers).utf8), merge.chunks.count { if case .conflict = $0 { true } else { false } })
        }
        func latin1(_ bytes: [UInt8]) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: bytes.map { Unicode.Scalar($0) })
            return String(s)
        }
        let merge = LineMerge(base: latin1(base), ours: latin1(ours), theirs: latin1(theirs), level: level)
        let bytes = merge.text(markers: markers).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        return (bytes, merge.chunks.count { if case .conflict = $0 { true } else { false } })
    }

    /// The store and record file for `path`: the nearest folder above it with `klaster.yaml`,
    /// when the path is `<kind>/<id>.yaml` inside it.
    public static func locateRecord(_ path: String, from workingDirectory: String) -> (Store, RecordFile)? {
        let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingDirectory + "/")).standardizedFileURL.path
        var components = absolute.split(separator: "/").map(String.init)
        guard components.count >= 2 else { return nil }
        let name = components.removeLast()
        let folder = components.removeLast()
        guard name.hasSuffix(".yaml"), let kind = RecordKind(rawValue: folder) else { return nil }
        let id = String(name.dropLast(5))
        guard RecordIDSyntax.isValid(id) else { return nil }
        let root = "/" + components.joined(separator: "/")
        guard FileManager.default.fileExists(atPath: root + "/" + StoreLocator.manifestName),
            let store = try? Store.open(at: root == "/" ? "" : root)
        else { return nil }
        return (store, store.file(kind, id))
    }

    static func relative(_ path: String, to base: String) -> String {
        let p = URL(fileURLWithPath: path).standardizedFileURL.path
        let b = URL(fileURLWithPath: base).standardizedFileURL.path
        if p == b { return "" }
        if p.hasPrefix(b + "/") { return String(p.dropFirst(b.count + 1)) }
        return p
    }
}

/// A value computed once, on first use, from any thread.
final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var computed: Value??
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let computed { return computed! }
        let v = make()
        computed = .some(v)
        return v
    }
}
