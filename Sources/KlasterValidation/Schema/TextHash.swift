import Glibc

/// A quick, unseeded hash of a string's UTF-8 bytes, eight bytes at a time, for the tables that
/// look short strings up often (field names, the cache's string table). Not for untrusted keys
/// where collisions could be forced at scale; both tables stay correct on collisions.
enum TextHash {
    static func hash(_ text: String) -> Int {
        if let value = text.utf8.withContiguousStorageIfAvailable({ hash(UnsafeRawBufferPointer($0)) }) { return value }
        return Array(text.utf8).withUnsafeBytes { hash($0) }
    }

    /// Whether `text`'s UTF-8 bytes are `bytes`.
    @inline(__always)
    static func equal(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.utf8.count == bytes.count else { return false }
        if bytes.isEmpty { return true }
        if let same = text.utf8.withContiguousStorageIfAvailable({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
            return same
        }
        return text.utf8.elementsEqual(bytes)
    }

    static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        var i = 0
        while i + 8 <= bytes.count {
            value = (value ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            value ^= value >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        value = (value ^ tail) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 29
        return Int(truncatingIfNeeded: value) & Int.max
    }
}
