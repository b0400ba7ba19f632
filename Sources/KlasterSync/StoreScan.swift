#if canImport(Glibc)
import Glibc
#endif
import KlasterModel
import KlasterStore

/// The record files of one copy and their content hashes, read through the ``StatCache``: only
/// files whose stat stamp changed are read and hashed.
///
/// The scan refuses what sync must never follow: a kind folder or `.klaster/` that is a symbolic
/// link, or a record file that is one (or is not a regular file).
struct StoreScan {
    let root: String
    /// Record path → stat stamp and content hash: the stat cache's entries, brought up to date.
    private(set) var entries: [String: StatCache.Entry] = [:]
    /// Contents read during the scan (the changed files), by path.
    var contents: [String: [UInt8]] = [:]
    /// How many files the stat cache did not vouch for.
    var readCount = 0

    /// The content hash of the record file at `path`; `nil` when the copy has none.
    func hash(_ path: String) -> String? { entries[path]?.hash }

    /// The record paths of the copy.
    var paths: Dictionary<String, StatCache.Entry>.Keys { entries.keys }

    /// Lists the copy's record files and stats each (relative to its folder, without following
    /// links); reads and hashes only those whose stamp is not the cache's. The cache's
    /// dictionary becomes the scan's, updated in place, so an unchanged store costs one lookup
    /// per file.
    ///
    /// With `removeTemporaryFiles`, the temporary files of atomic writes that a killed writer
    /// left in the kind folders go as they are listed (the caller holds the lock).
    static func scan(root: String, cache: StatCache, removeTemporaryFiles: Bool = false) throws(StoreError) -> StoreScan {
        try checkNotLink(root + "/" + Store.stateFolder, root: root)
        for sub in ["peers", "objects"] { try checkNotLink(root + "/" + Store.stateFolder + "/" + sub, root: root) }
        var scan = StoreScan(root: root)
        scan.entries = cache.entries
        var toRead: [String] = []
        var listed: [String] = []
        listed.reserveCapacity(scan.entries.count + 16)
        for kind in RecordKind.allCases {
            let folder = root + "/" + kind.folder
            try checkNotLink(folder, root: root)
            guard let names = try FileIO.list(folder) else { continue }
            let dirfd = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard dirfd >= 0 else { throw StoreError(.unreadable, "\(folder): cannot open: \(FileIO.errnoText())") }
            defer { close(dirfd) }
            for name in names {
                guard !name.hasPrefix("."), name.hasSuffix(".yaml") else {
                    if removeTemporaryFiles && AtomicFile.isTemporary(name) { unlinkat(dirfd, name, 0) }
                    continue
                }
                guard RecordIDSyntax.isValid(name.dropLast(5)) else { continue }
                let path = kind.folder + "/" + name
                var info = stat()
                guard fstatat(dirfd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                let type = info.st_mode & S_IFMT
                if type == S_IFLNK { throw linkRefusal(root + "/" + path, root: root) }
                guard type == S_IFREG else {
                    throw StoreError(.badArgument, "\(root)/\(path) is not a regular file; sync takes only record files")
                }
                let stamp = FileIO.Stamp(
                    size: Int(info.st_size),
                    modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
                    changed: Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec),
                    inode: UInt64(info.st_ino)
                )
                listed.append(path)
                if let index = scan.entries.index(forKey: path) {
                    if scan.entries.values[index].stamp == stamp { continue }
                    scan.entries.values[index] = StatCache.Entry(stamp: stamp, hash: "")
                } else {
                    scan.entries[path] = StatCache.Entry(stamp: stamp, hash: "")
                }
                toRead.append(path)
            }
        }
        if listed.count != scan.entries.count {
            // Files the cache knew are gone: keep only the ones stamped above.
            let present = Set(listed)
            scan.entries = scan.entries.filter { present.contains($0.key) }
        }
        try scan.readAndHash(toRead)
        scan.readCount = toRead.count
        return scan
    }

    /// Reads and hashes `paths`, on all cores when there are many.
    private mutating func readAndHash(_ paths: [String]) throws(StoreError) {
        let root = self.root
        let results = parallelMap(paths) { path -> Result<([UInt8], String), StoreError> in
            Result { () throws(StoreError) in
                let bytes = try StoreScan.readFile(root + "/" + path)
                return (bytes, SHA256.hex(bytes))
            }
        }
        for (path, result) in zip(paths, results) {
            let (bytes, hash) = try result.get()
            entries[path]?.hash = hash
            contents[path] = bytes
        }
    }

    static func readFile(_ path: String) throws(StoreError) -> [UInt8] {
        guard case .bytes(let bytes) = try FileIO.read(path, limit: Int.max) else { return [] }
        return bytes
    }

    /// The bytes of a record of this copy (read now if the scan did not).
    mutating func content(_ path: String) throws(StoreError) -> [UInt8]? {
        guard entries[path] != nil else { return nil }
        if let bytes = contents[path] { return bytes }
        let bytes = try StoreScan.readFile(root + "/" + path)
        contents[path] = bytes
        return bytes
    }

    /// The refreshed stat cache: the stamps of this scan, with the hashes now on disk.
    func cache() -> StatCache {
        StatCache(entries: entries)
    }

    /// Notes a record file this run wrote (its hash, and its new stamp: `nil` when it could not
    /// be stat'ed, then one no file matches) or removed (`hash` nil).
    mutating func record(_ path: String, stamp: FileIO.Stamp?, hash: String?) {
        guard let hash else {
            entries[path] = nil
            return
        }
        entries[path] = StatCache.Entry(stamp: stamp ?? FileIO.Stamp(size: -1, modified: 0, changed: 0, inode: 0), hash: hash)
    }

    private static func checkNotLink(_ path: String, root: String) throws(StoreError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFLNK { throw linkRefusal(path, root: root) }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw StoreError(.badArgument, "\(path) is not a folder")
        }
    }

    static func linkRefusal(_ path: String, root: String) -> StoreError {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        let target = n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
        return StoreError(
            .badArgument,
            "\(path) is a symbolic link (to \(target)); sync never follows links, so that it cannot read or write outside the store: replace the link with the file or folder itself"
        )
    }
}

