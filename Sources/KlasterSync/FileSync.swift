#if canImport(Glibc)
import Glibc
#endif
import KlasterStore

#if os(Linux)
@_silgen_name("syncfs")
private func c_syncfs(_ fd: Int32) -> Int32
#endif

/// Durability in batches: files written with `AtomicFile.write(sync: false)` are made durable
/// together, instead of one fsync each (which costs milliseconds per file on a real disk).
enum FileSync {
    /// Makes durable everything written on the file system that holds `root`, data and folder
    /// entries (Linux: `syncfs`, one call; elsewhere: each regular file of the folders given,
    /// then the folders).
    static func syncFileSystem(of root: String, folders: some Sequence<String>) throws(StoreError) {
        #if os(Linux)
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            defer { close(fd) }
            if c_syncfs(fd) == 0 { return }
        }
        #endif
        for folder in folders { try syncContents(of: folder) }
    }

    /// Fsyncs every regular file directly in `folder`, then the folder itself.
    static func syncContents(of folder: String) throws(StoreError) {
        for name in (try FileIO.list(folder)) ?? [] where !name.hasPrefix(".") {
            let fd = open(folder + "/" + name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            if fd < 0 { continue }
            _ = fsync(fd)
            close(fd)
        }
        try AtomicFile.syncFolder(folder)
    }
}
