#if canImport(Glibc)
import Glibc
#endif
import KlasterModel
public import KlasterStore
public import KlasterValidation

/// Makes a change to several files all or nothing, also when the process is killed halfway.
///
/// The whole change (every new file content, every removal) is first written to
/// `.klaster/journal` atomically; then the files are written and removed; then the journal
/// goes. A journal left behind by a killed process holds everything needed to finish the
/// change, so ``recover(in:)`` (which every command that opens the store runs, under the lock)
/// completes it: the store is seen wholly before or wholly after, never in between.
public enum StoreJournal {
    /// The journal's name under the store's `.klaster/`.
    public static let name = "journal"

    /// Where the journal of `store` lives.
    public static func path(of store: Store) -> String { store.statePath + "/" + name }

    /// Applies `overlay` to `store` through the journal. The caller holds the store's lock.
    /// `afterStep` is called after each durable step (the journal, then each file, then the
    /// journal's removal) with its number from 1: tests use it to stop the process there.
    public static func apply(
        _ overlay: StoreOverlay,
        to store: Store,
        afterStep: ((Int) -> Void)? = nil
    ) throws(StoreError) {
        try AtomicFile.makeFolder(store.statePath)
        try AtomicFile.write(encode(overlay), to: path(of: store))
        afterStep?(1)
        try replay(overlay, in: store, firstStep: 2, afterStep: afterStep)
    }

    /// Finishes the change a leftover journal describes, then removes the journal; does nothing
    /// when there is none. Also removes leftover temporary files. The caller holds the lock.
    ///
    /// With `kindFolders: false` only `.klaster/` is cleared of temporary files: for a caller
    /// that lists the kind folders anyway and removes them as it goes (sync's scan).
    public static func recover(in store: Store, kindFolders: Bool = true) throws(StoreError) {
        let journal = path(of: store)
        removeLeftoverTemporaryFiles(in: store, kindFolders: kindFolders)
        guard access(journal, F_OK) == 0 else { return }
        guard case .bytes(let bytes) = try FileIO.read(journal, limit: Int.max), let overlay = decode(bytes) else {
            throw StoreError(
                .unreadable,
                "\(journal): an unfinished change was left here, but the journal cannot be read; move it away and check the store with 'klaster validate'"
            )
        }
        try replay(overlay, in: store, firstStep: 2, afterStep: nil)
    }

    /// Removes the temporary files of atomic writes that a killed writer left in the kind
    /// folders and `.klaster/` (`.<name>.klaster-tmp-<pid>-<n>`). The caller holds the lock, so
    /// no other writer can be using them.
    public static func removeLeftoverTemporaryFiles(in store: Store, kindFolders: Bool = true) {
        let folders = (kindFolders ? RecordKind.allCases.map { store.root + "/" + $0.folder } : []) + [store.statePath]
        for folder in folders {
            guard let names = try? FileIO.list(folder) else { continue }
            for name in names where AtomicFile.isTemporary(name) {
                try? AtomicFile.remove(folder + "/" + name, sync: false)
            }
        }
    }

    /// True when a change was left unfinished.
    public static func isPending(in store: Store) -> Bool {
        access(path(of: store), F_OK) == 0
    }

    private static func replay(_ overlay: StoreOverlay, in store: Store, firstStep: Int, afterStep: ((Int) -> Void)?) throws(StoreError) {
        var step = firstStep
        var folders: Set<String> = []
        for path in overlay.contents.keys.sorted() {
            let absolute = store.root + "/" + path
            let folder = String(absolute[..<(absolute.lastIndex(of: "/") ?? absolute.endIndex)])
            try AtomicFile.makeFolder(folder)
            try AtomicFile.write(overlay.contents[path] ?? [], to: absolute)
            folders.insert(folder)
            afterStep?(step)
            step += 1
        }
        for path in overlay.removed.sorted() {
            try AtomicFile.remove(store.root + "/" + path)
            afterStep?(step)
            step += 1
        }
        try AtomicFile.remove(path(of: store))
        afterStep?(step)
    }

    // MARK: - Format

    /// `klaster-journal 1\n`, then per file `write <bytes> <path>\n<content>\n` or
    /// `remove <path>\n`, then `end\n`.
    static func encode(_ overlay: StoreOverlay) -> [UInt8] {
        var out = Array("klaster-journal 1\n".utf8)
        for path in overlay.contents.keys.sorted() {
            let content = overlay.contents[path] ?? []
            out += Array("write \(content.count) \(path)\n".utf8)
            out += content
            out.append(0x0A)
        }
        for path in overlay.removed.sorted() {
            out += Array("remove \(path)\n".utf8)
        }
        out += Array("end\n".utf8)
        return out
    }

    static func decode(_ bytes: [UInt8]) -> StoreOverlay? {
        var overlay = StoreOverlay()
        var position = 0
        func line() -> String? {
            guard let end = bytes[position...].firstIndex(of: 0x0A) else { return nil }
            defer { position = end + 1 }
            return String(decoding: bytes[position..<end], as: UTF8.self)
        }
        guard line() == "klaster-journal 1" else { return nil }
        while let header = line() {
            if header == "end" { return position == bytes.count ? overlay : nil }
            if header.hasPrefix("remove ") {
                let path = String(header.dropFirst(7))
                guard isSafe(path) else { return nil }
                overlay.remove(path)
                continue
            }
            let parts = header.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, parts[0] == "write", let count = Int(parts[1]), count >= 0,
                position + count < bytes.count, bytes[position + count] == 0x0A, isSafe(String(parts[2]))
            else { return nil }
            overlay.write(Array(bytes[position..<(position + count)]), at: String(parts[2]))
            position += count + 1
        }
        return nil
    }

    /// Journal paths stay inside the store: relative, no `..`.
    private static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains { $0 == ".." || $0 == "." }
    }
}
