import Foundation
import KlasterEdit
import KlasterStore

extension StoreOptions {
    /// The store this command works on (`--store`, `KLASTER_STORE`, or the nearest above).
    /// A change that a killed writer left unfinished is completed first, when no other
    /// process holds the lock, so every command sees the store wholly before or after it.
    func open() throws -> Store {
        let store = try Store.locate(explicit: store)
        if StoreJournal.isPending(in: store), let lock = try? StoreLock(storeRoot: store.root) {
            try StoreJournal.recover(in: store)
            _ = lock
        }
        return store
    }
}

extension Store {
    /// A path the user typed (relative to the working directory, or absolute) as a path
    /// relative to the store root; refuses paths outside the store and files that do not exist.
    func relativePath(ofUserPath path: String) throws -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: cwd)).standardizedFileURL.path
        guard absolute.hasPrefix(root + "/") else {
            throw CLIError("\(path): not inside the store \(root)")
        }
        guard FileManager.default.fileExists(atPath: absolute) else {
            throw CLIError("\(path): no such file")
        }
        return String(absolute.dropFirst(root.count + 1))
    }
}
