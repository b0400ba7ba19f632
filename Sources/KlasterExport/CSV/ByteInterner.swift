#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers names given as UTF-8 bytes in the order they first come (0, 1, 2, ...): the CSV
/// exporter's tables, columns and list paths, met once per cell. A look-up hashes and compares
/// bytes (FNV-1a, linear probing); no `String` is made but for a new name.
struct ByteInterner {
    /// The names, by number.
    private(set) var names: [String] = []
    private var text: [UInt8] = []
    private var spans: [(start: Int, count: Int, hash: Int)] = []
    /// Numbers, or -1; a power of two at least twice as long as ``names``.
    private var slots = [Int32](repeating: -1, count: 64)

    /// An empty table to stand in for one that is in use elsewhere (copying it allocates nothing).
    static let placeholder = ByteInterner()

    /// The number of the name spelt by `bytes`, given it now if it is new.
    mutating func number(of bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let hash = Self.hash(bytes)
        var mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] >= 0 {
            let i = Int(slots[slot])
            if spans[i].hash == hash, spans[i].count == bytes.count,
                bytes.isEmpty || text.withUnsafeBufferPointer({ memcmp($0.baseAddress! + spans[i].start, bytes.baseAddress!, bytes.count) == 0 })
            {
                return UInt32(i)
            }
            slot = (slot + 1) & mask
        }
        let number = names.count
        spans.append((text.count, bytes.count, hash))
        text.append(contentsOf: bytes)
        names.append(String(decoding: bytes, as: UTF8.self))
        if 2 * names.count > slots.count {
            slots = [Int32](repeating: -1, count: 2 * slots.count)
            mask = slots.count - 1
            for (i, span) in spans.enumerated() {
                var place = span.hash & mask
                while slots[place] >= 0 { place = (place + 1) & mask }
                slots[place] = Int32(i)
            }
        } else {
            slots[slot] = Int32(number)
        }
        return UInt32(number)
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
