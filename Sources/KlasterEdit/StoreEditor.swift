public import KlasterModel
public import KlasterStore
public import KlasterValidation
import KlasterYAML

/// The one writer of a store: holds the store's lock from creation to the end of its life,
/// finishes a change a killed writer left in the journal, checks candidate changes with the
/// store around them, and writes them atomically.
///
/// Create one per command that writes; a second one (in this or another process) gets
/// `the store is locked by process N` until the first goes away.
public final class StoreEditor: Sendable {
    public let store: Store
    public let validator: StoreValidator
    let lock: StoreLock
    /// Called after each durable step of a multi-file change (see ``StoreJournal/apply(_:to:afterStep:)``).
    let afterStep: (@Sendable (Int) -> Void)?

    /// Takes the lock (or throws `.locked`), completes a leftover journal, loads the schemas.
    public init(store: Store, afterStep: (@Sendable (Int) -> Void)? = nil) throws(StoreError) {
        lock = try StoreLock(storeRoot: store.root)
        try StoreJournal.recover(in: store)
        self.store = store
        validator = try StoreValidator(store: store)
        self.afterStep = afterStep
    }

    /// The schemas of `kind`; throws when Klaster has none for it.
    public func schemas(of kind: RecordKind) throws(StoreError) -> SchemaSet {
        guard let set = validator.schemas[kind] else { throw StoreError(.badArgument, "no schema for \(kind.rawValue)") }
        return set
    }

    /// The text of a record file, which must exist and be within the size limit.
    public func text(of file: RecordFile) throws(StoreError) -> String {
        switch try store.read(file) {
        case .success(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .failure(let error): throw StoreError(.unreadable, "\(file.relativePath): \(error.message)")
        }
    }

    /// The errors the store would have after `overlay` that it does not have now: an empty
    /// array means the change may be written. `renamed` maps old relative paths to new ones, so
    /// that a renamed file's existing errors are not counted as new.
    public func newErrors(after overlay: StoreOverlay, renamed: [String: String] = [:]) throws(StoreError) -> [Diagnostic] {
        let after = try validator.validate(overlay: overlay).diagnostics.filter { $0.severity == .error }
        if after.isEmpty { return [] }
        let before = try validator.validate().diagnostics.filter { $0.severity == .error }
        var known: [String: Int] = [:]
        for diagnostic in before {
            known[Self.key(diagnostic, file: renamed[diagnostic.file] ?? diagnostic.file), default: 0] += 1
        }
        var fresh: [Diagnostic] = []
        for diagnostic in after {
            let key = Self.key(diagnostic, file: diagnostic.file)
            if let count = known[key], count > 0 {
                known[key] = count - 1
            } else {
                fresh.append(diagnostic)
            }
        }
        return fresh
    }

    /// Writes `overlay`: one file atomically on its own, several through the journal (all or
    /// nothing).
    public func write(_ overlay: StoreOverlay) throws(StoreError) {
        if overlay.paths.count > 1 {
            try StoreJournal.apply(overlay, to: store, afterStep: afterStep)
            return
        }
        for (path, bytes) in overlay.contents {
            let absolute = store.root + "/" + path
            try AtomicFile.makeFolder(String(absolute[..<(absolute.lastIndex(of: "/") ?? absolute.endIndex)]))
            try AtomicFile.write(bytes, to: absolute)
        }
        for path in overlay.removed {
            try AtomicFile.remove(store.root + "/" + path)
        }
    }

    private static func key(_ diagnostic: Diagnostic, file: String) -> String {
        "\(file)\u{0}\(diagnostic.rule)\u{0}\(diagnostic.path)\u{0}\(diagnostic.message)"
    }
}
