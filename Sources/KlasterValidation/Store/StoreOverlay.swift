import KlasterModel
import KlasterStore

/// Record files as they would be after an edit, laid over the store on disk: new or changed
/// contents, and removed files. Validating with an overlay checks a candidate edit with the
/// store around it, without writing anything.
public struct StoreOverlay: Sendable {
    /// New contents by path relative to the store root (`members/x.yaml`).
    public var contents: [String: [UInt8]] = [:]
    /// Paths relative to the store root of files the edit removes.
    public var removed: Set<String> = []

    public init() {}

    /// Puts `bytes` at `path` (relative to the store root).
    public mutating func write(_ bytes: [UInt8], at path: String) {
        contents[path] = bytes
        removed.remove(path)
    }

    /// Removes the file at `path` (relative to the store root).
    public mutating func remove(_ path: String) {
        contents[path] = nil
        removed.insert(path)
    }

    public var isEmpty: Bool { contents.isEmpty && removed.isEmpty }

    /// Every path the overlay touches.
    public var paths: Set<String> { removed.union(contents.keys) }

    /// The record files of `kind` in the overlaid store, given those on disk, sorted.
    func records(of kind: RecordKind, onDisk: [RecordFile], root: String) -> [RecordFile] {
        if isEmpty { return onDisk }
        var files = onDisk.filter { !removed.contains($0.relativePath) }
        let present = Set(files.map(\.relativePath))
        for path in contents.keys where !present.contains(path) {
            let parts = path.split(separator: "/")
            guard parts.count == 2, parts[0] == kind.folder, parts[1].hasSuffix(".yaml") else { continue }
            let id = String(parts[1].dropLast(5))
            guard RecordIDSyntax.isValid(id) else { continue }
            files.append(RecordFile(kind: kind, id: id, root: root))
        }
        return files.sorted()
    }
}
