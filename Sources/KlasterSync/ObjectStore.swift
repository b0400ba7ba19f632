#if canImport(Glibc)
import Glibc
#endif
import KlasterStore

/// The content-addressed store of record versions that sync bases refer to:
/// `.klaster/objects/<first two hex digits>/<sha-256>`. A version shared by many bases, or by
/// many syncs, is stored once.
struct ObjectStore {
    let folder: String
    /// Folders written to without fsync; ``flush()`` makes them durable.
    private(set) var dirtyFolders: Set<String> = []

    init(root: String) {
        folder = root + "/" + Store.stateFolder + "/objects"
    }

    func path(_ hash: String) -> String {
        folder + "/" + hash.prefix(2) + "/" + hash
    }

    func contains(_ hash: String) -> Bool {
        access(path(hash), F_OK) == 0
    }

    /// Stores `bytes` under `hash` (its SHA-256) unless already there.
    ///
    /// Written in place, without a temporary file and a rename: an object's name is its content's
    /// hash, so a write a killed process left short is told by its size (and by its hash when
    /// read, see ``get(_:)``); such a file is written again.
    mutating func put(_ bytes: [UInt8], hash: String) throws(StoreError) {
        let target = path(hash)
        var info = stat()
        if lstat(target, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFREG && Int(info.st_size) == bytes.count { return }
            unlink(target)
        }
        let sub = folder + "/" + hash.prefix(2)
        if !dirtyFolders.contains(sub) { try AtomicFile.makeFolder(sub) }
        let fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError(.unwritable, "\(target): cannot write: \(FileIO.errnoText())") }
        let written = bytes.withUnsafeBytes { FileIO.writeAll(fd, $0) }
        close(fd)
        guard written else {
            let reason = FileIO.errnoText()
            unlink(target)
            throw StoreError(.unwritable, "\(target): cannot write: \(reason)")
        }
        dirtyFolders.insert(sub)
    }

    /// The bytes stored under `hash`; `nil` when missing or damaged (the hash does not match).
    func get(_ hash: String) -> [UInt8]? {
        guard case .bytes(let bytes)? = try? FileIO.read(path(hash), limit: Int.max), SHA256.hex(bytes) == hash else {
            return nil
        }
        return bytes
    }

    /// Makes the new entries of the object folders durable (their contents are made durable by
    /// ``FileSync/syncFileSystem(of:folders:)``, which covers them all at once on Linux).
    mutating func flush() throws(StoreError) {
        #if !os(Linux)
        for sub in dirtyFolders.sorted() { try AtomicFile.syncFolder(sub) }
        if !dirtyFolders.isEmpty { try AtomicFile.syncFolder(folder) }
        #endif
    }

    /// Removes the objects among `candidates` that no base in `bases` refers to. Called once the
    /// new bases are written, with every base the copy holds: an object a base on disk refers
    /// to is never removed.
    func prune(_ candidates: Set<String>, keeping bases: [SyncBase]) {
        var unused = candidates
        // Most records are not candidates: a first look at 8 bytes of the hash rules them out
        // without hashing and comparing 64-byte strings.
        var prefixes = Set(candidates.map(ObjectStore.prefix))
        for base in bases where !unused.isEmpty {
            for note in base.pending.values { if let other = note.other { unused.remove(other) } }
            for entry in base.records.values where prefixes.contains(ObjectStore.prefix(entry.hash)) {
                unused.remove(entry.hash)
            }
            prefixes = Set(unused.map(ObjectStore.prefix))
        }
        for hash in unused { unlink(path(hash)) }
    }

    /// The first 8 bytes of a hash as a number.
    private static func prefix(_ hash: String) -> UInt64 {
        hash.utf8.withContiguousStorageIfAvailable { fold($0) } ?? fold(hash.utf8)
    }

    private static func fold(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Removes every object no base in `bases` refers to, and the temporary files of writes a
    /// killed process left; the same care as ``prune(_:keeping:)``.
    func sweep(keeping bases: [SyncBase]) {
        var referenced = Set<String>()
        for base in bases {
            referenced.formUnion(base.records.values.lazy.map(\.hash))
            referenced.formUnion(base.pending.values.lazy.compactMap(\.other))
        }
        for sub in (try? FileIO.list(folder)) ?? [] where sub.utf8.count == 2 {
            let subFolder = folder + "/" + sub
            for name in (try? FileIO.list(subFolder)) ?? [] {
                let isObject = SyncBase.isHash(name) && name.hasPrefix(sub)
                if (isObject && !referenced.contains(name)) || (name.hasPrefix(".") && name.contains(".klaster-tmp-")) {
                    unlink(subFolder + "/" + name)
                }
            }
        }
    }
}
