#if canImport(Glibc)
import Glibc
#endif
import KlasterStore

/// Remembers each record file's stat stamp and content hash, so that a scan reads only the files
/// that changed since: `.klaster/sync-stat`. A cache, nothing more: when it is missing or does
/// not parse, every file is read again.
struct StatCache {
    struct Entry {
        var stamp: FileIO.Stamp
        var hash: String
    }

    var entries: [String: Entry] = [:]

    static func path(root: String) -> String { root + "/" + Store.stateFolder + "/sync-stat" }

    static func load(root: String) -> StatCache {
        guard case .bytes(let bytes)? = try? FileIO.read(path(root: root), limit: Int.max), let cache = decode(bytes) else {
            return StatCache()
        }
        return cache
    }

    /// Saves the cache without fsync. Entries for files modified in the last two seconds are
    /// left out: a later change within the same clock tick would not change their stamp.
    func save(root: String) throws(StoreError) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let recent = (Int(now.tv_sec) - 2) * 1_000_000_000
        var out = Array("klaster-stat-cache 1\n".utf8)
        out.reserveCapacity(entries.count * 140 + 32)
        for (path, entry) in entries where entry.stamp.modified < recent && entry.stamp.changed < recent {
            let s = entry.stamp
            out.append(contentsOf: entry.hash.utf8)
            for number in [s.size, s.modified, s.changed, Int(truncatingIfNeeded: s.inode)] {
                out.append(0x20)
                StatCache.appendDecimal(number, to: &out)
            }
            out.append(0x20)
            out.append(contentsOf: path.utf8)
            out.append(0x0A)
        }
        out += Array("end\n".utf8)
        try AtomicFile.write(out, to: StatCache.path(root: root), sync: false)
    }

    /// Appends a non-negative number's decimal digits (a negative one is written as 0, which no
    /// stamp matches).
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        guard value > 0 else {
            out.append(0x30)
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while v > 0 {
                buffer[count] = UInt8(0x30 + v % 10)
                v /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }

    static func decode(_ bytes: [UInt8]) -> StatCache? {
        var cache = StatCache()
        cache.entries.reserveCapacity(bytes.count / 120)
        let header = Array("klaster-stat-cache 1\n".utf8)
        guard bytes.count >= header.count, Array(bytes[0..<header.count]) == header else { return nil }
        var start = header.count
        return bytes.withUnsafeBufferPointer { buffer -> StatCache? in
            while start < buffer.count {
                var end = start
                while end < buffer.count && buffer[end] != 0x0A { end += 1 }
                guard end < buffer.count else { return nil }
                let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
                start = end + 1
                if line.count == 3 && line[0] == UInt8(ascii: "e") && line[1] == UInt8(ascii: "n") && line[2] == UInt8(ascii: "d") {
                    return start == buffer.count ? cache : nil
                }
                // `hash size modified changed inode path`: the path last (it may not hold a space,
                // but a record path never does).
                var cursor = 0
                func field() -> Range<Int>? {
                    var end = cursor
                    while end < line.count && line[end] != 0x20 { end += 1 }
                    guard end < line.count else { return nil }
                    defer { cursor = end + 1 }
                    return cursor..<end
                }
                func number() -> Int? {
                    guard let r = field(), !r.isEmpty else { return nil }
                    var value = 0
                    for i in r {
                        let d = Int(line[i]) - 0x30
                        guard d >= 0 && d <= 9 else { return nil }
                        value = value &* 10 &+ d
                    }
                    return value
                }
                guard let hashRange = field(), hashRange.count == 64, let size = number(), let modified = number(),
                    let changed = number(), let inode = number()
                else { return nil }
                let hash = String(decoding: UnsafeBufferPointer(rebasing: line[hashRange]), as: UTF8.self)
                let path = String(decoding: UnsafeBufferPointer(rebasing: line[cursor...]), as: UTF8.self)
                cache.entries[path] = Entry(
                    stamp: FileIO.Stamp(size: size, modified: modified, changed: changed, inode: UInt64(inode)),
                    hash: hash
                )
            }
            return nil
        }
    }
}
