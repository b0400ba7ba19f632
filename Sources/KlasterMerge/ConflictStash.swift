import Foundation
public import KlasterStore

/// The three versions of a conflicted record, kept under the store's `.klaster/conflicts/` so
/// that `klaster resolve --ours/--theirs` can finish a conflict that `merge-file` left outside a
/// git merge (inside one, git's index holds them as stages 1, 2 and 3, and is asked first).
///
/// `.klaster/` is never committed. A version that was absent is stored as an empty file.
public struct ConflictStash: Sendable {
    public var store: Store

    public init(store: Store) {
        self.store = store
    }

    public enum Version: String, CaseIterable, Sendable {
        case base, ours, theirs
    }

    public func path(_ file: RecordFile, _ version: Version) -> String {
        store.statePath + "/conflicts/" + file.relativePath + "." + version.rawValue
    }

    /// Saves the three versions; failures are ignored (the stash is a convenience).
    public func save(_ file: RecordFile, base: [UInt8], ours: [UInt8], theirs: [UInt8]) {
        let folder = (path(file, .base) as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (version, bytes) in [(Version.base, base), (.ours, ours), (.theirs, theirs)] {
            try? AtomicFile.write(bytes, to: path(file, version), sync: false)
        }
    }

    /// A saved version, or `nil` when none was saved.
    public func load(_ file: RecordFile, _ version: Version) -> [UInt8]? {
        FileManager.default.contents(atPath: path(file, version)).map { [UInt8]($0) }
    }

    public func remove(_ file: RecordFile) {
        for version in Version.allCases { try? FileManager.default.removeItem(atPath: path(file, version)) }
    }
}
