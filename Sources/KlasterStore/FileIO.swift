#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain POSIX file reading, without Foundation's overhead on the hot path of loading a store.
package enum FileIO {
    package enum ReadResult {
        case bytes([UInt8])
        /// The file is larger than the limit; it was not read.
        case tooLarge(Int)
    }

    /// Reads a whole regular file, refusing to follow a symbolic link at the last component.
    package static func read(_ path: String, limit: Int) throws(StoreError) -> ReadResult {
        try readStamped(path, limit: limit).result
    }

    /// ``read(_:limit:)``, with the stamp of the file that was read (from the open file, so
    /// that no second look-up by path is needed).
    package static func readStamped(_ path: String, limit: Int) throws(StoreError) -> (result: ReadResult, stamp: Stamp) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            if errno == ELOOP {
                throw StoreError(.unreadable, "\(path): is a symbolic link; Klaster reads only regular files in a store")
            }
            throw StoreError(.unreadable, "\(path): cannot read: \(errnoText())")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError(.unreadable, "\(path): cannot read: \(errnoText())") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw StoreError(.unreadable, "\(path): not a regular file") }
        let size = Int(info.st_size)
        let stamp = Stamp(info)
        if size > limit { return (.tooLarge(size), stamp) }
        var failed = false
        // Read into uninitialised storage: the bytes are written once, by the kernel.
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var filled = 0
            while filled < size {
                let n = Glibc.read(fd, buffer.baseAddress! + filled, size - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    break
                }
                if n == 0 { break }
                filled += n
            }
            initialized = filled
        }
        if failed { throw StoreError(.unreadable, "\(path): cannot read: \(errnoText())") }
        return (.bytes(bytes), stamp)
    }

    /// The names in a folder (no `.` and `..`), unsorted; `nil` when the folder does not exist.
    package static func list(_ path: String) throws(StoreError) -> [String]? {
        guard let dir = opendir(path) else {
            if errno == ENOENT { return nil }
            throw StoreError(.unreadable, "\(path): cannot list: \(errnoText())")
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { ptr in
                ptr.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        return names
    }

    /// What identifies a file's version without reading it: size, modification and change
    /// times to the nanosecond, inode. `nil` when the file cannot be stat'ed.
    package struct Stamp: Hashable, Sendable {
        package var size: Int
        package var modified: Int
        package var changed: Int
        package var inode: UInt64

        package init(size: Int, modified: Int, changed: Int, inode: UInt64) {
            self.size = size
            self.modified = modified
            self.changed = changed
            self.inode = inode
        }

        init(_ info: stat) {
            self.init(
                size: Int(info.st_size),
                modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
                changed: Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec),
                inode: UInt64(info.st_ino)
            )
        }
    }

    package static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Stamp(info)
    }

    /// ``stamp(_:)`` of `path`, relative to the folder open as `folder` (see
    /// ``openFolder(_:)``): the system walks only the relative path's names.
    package static func stamp(_ path: String, in folder: Int32) -> Stamp? {
        var info = stat()
        guard fstatat(folder, path, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return Stamp(info)
    }

    /// A descriptor of the folder at `path` to look paths up relative to (close it when done),
    /// or `nil`.
    package static func openFolder(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        return fd >= 0 ? fd : nil
    }

    /// Closes a descriptor ``openFolder(_:)`` gave.
    package static func closeFolder(_ fd: Int32) {
        close(fd)
    }

    /// Writes all of `bytes` to `fd`, retrying short writes and interruptions; `false` with
    /// `errno` set when the system refuses.
    package static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    package static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space.
    package func trimmedOfWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
