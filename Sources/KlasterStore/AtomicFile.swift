#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a crash leaves the old content or the new, never a torn file: a
/// temporary file in the same folder, fsync, rename over the target, fsync of the folder.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically. With `sync: false` the data and folder are not
    /// fsynced (for callers that write many files and call ``syncFolder(_:)`` once per folder).
    public static func write(_ bytes: some Collection<UInt8>, to path: String, sync: Bool = true) throws(StoreError) {
        try write(parts: [Array(bytes)], to: path, sync: sync)
    }

    /// ``write(_:to:sync:)`` of the parts one after the other, without joining them first.
    public static func write(parts: [[UInt8]], to path: String, sync: Bool = true) throws(StoreError) {
        let folder = parentFolder(of: path)
        let name = String(path.dropFirst(folder.count + 1))
        let temp = "\(folder)/.\(name).klaster-tmp-\(getpid())-\(counter.next())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError(.unwritable, "\(path): cannot write: \(FileIO.errnoText())") }
        var ok = false
        defer {
            if !ok { unlink(temp) }
        }
        do {
            defer { close(fd) }
            for part in parts {
                guard part.withUnsafeBytes({ FileIO.writeAll(fd, $0) }) else {
                    throw StoreError(.unwritable, "\(path): cannot write: \(FileIO.errnoText())")
                }
            }
            if sync && fsync(fd) != 0 {
                throw StoreError(.unwritable, "\(path): cannot write: \(FileIO.errnoText())")
            }
        }
        guard rename(temp, path) == 0 else {
            throw StoreError(.unwritable, "\(path): cannot write: \(FileIO.errnoText())")
        }
        ok = true
        if sync { try syncFolder(folder) }
    }

    /// True for the name of a temporary file of ``write(_:to:sync:)`` (`.<name>.klaster-tmp-<pid>-<n>`),
    /// which only a killed writer leaves behind.
    public static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".klaster-tmp-")
    }

    /// Writes a string as UTF-8.
    public static func write(_ text: String, to path: String, sync: Bool = true) throws(StoreError) {
        try write(Array(text.utf8), to: path, sync: sync)
    }

    /// Makes a folder's entries (renames, new files, removals) durable.
    public static func syncFolder(_ folder: String) throws(StoreError) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError(.unwritable, "\(folder): cannot sync: \(FileIO.errnoText())") }
        defer { close(fd) }
        _ = fsync(fd)
    }

    /// Removes a file durably; removing a file that is not there is not an error.
    public static func remove(_ path: String, sync: Bool = true) throws(StoreError) {
        if unlink(path) != 0 && errno != ENOENT {
            throw StoreError(.unwritable, "\(path): cannot remove: \(FileIO.errnoText())")
        }
        if sync { try syncFolder(parentFolder(of: path)) }
    }

    /// Creates a folder and its parents, like `mkdir -p`.
    public static func makeFolder(_ path: String) throws(StoreError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw StoreError(.unwritable, "\(current): cannot create folder: \(FileIO.errnoText())")
            }
        }
    }

    static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static let counter = Counter()
}

/// A process-wide counter for unique temporary names.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private var lock = pthread_mutex_t()

    init() { pthread_mutex_init(&lock, nil) }

    func next() -> Int {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        value += 1
        return value
    }
}
