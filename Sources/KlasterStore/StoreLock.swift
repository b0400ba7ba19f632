#if canImport(Glibc)
import Glibc
#endif

/// One writer at a time: an exclusive `flock` on `.klaster/lock`.
///
/// The kernel drops the lock when its process ends, however it ends, so a lock left by a killed
/// process is never in the way: the next writer takes it over. The file holds the holder's pid
/// for the message a second writer gets. A second writer does not wait.
public final class StoreLock: Sendable {
    private let fd: Int32
    public let path: String

    /// Takes the lock of the store at `root`, or throws `the store is locked by process N`.
    public init(storeRoot root: String) throws(StoreError) {
        let folder = root + "/" + Store.stateFolder
        try AtomicFile.makeFolder(folder)
        path = folder + "/lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError(.unwritable, "\(path): cannot create the lock: \(FileIO.errnoText())") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = StoreLock.holder(fd)
            close(fd)
            let who = holder.map { "process \($0)" } ?? "another process"
            throw StoreError(.locked, "the store is locked by \(who) (\(root)); try again when it has finished")
        }
        self.fd = fd
        // Overwrite, then cut: the file never reads empty while the lock is held.
        let text = Array("\(getpid())\n".utf8)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress!, text.count, 0) }
        _ = ftruncate(fd, off_t(text.count))
    }

    deinit {
        // The pid stays in the file: the flock, not the file's content, says who holds the lock.
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// The pid of the live process holding the lock. A holder that has just taken the lock may
    /// not have written its pid yet (the file then names the previous, finished holder): look
    /// again for a few milliseconds before giving up on naming it.
    private static func holder(_ fd: Int32) -> Int32? {
        for _ in 0..<20 {
            if let pid = readPID(fd), kill(pid, 0) == 0 || errno == EPERM { return pid }
            usleep(1000)
        }
        return nil
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, 32, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[0..<n], as: UTF8.self).trimmedOfWhitespace()
        return Int32(text)
    }
}
