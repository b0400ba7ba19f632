#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers names given as UTF-8 bytes in the order they first come (0, 1, 2, ...): the strings
/// of the validation cache's table, and the CSV exporter's tables, columns and list paths, met
/// once per cell. A look-up hashes (FNV-1a, cheaper than `Dictionary`'s SipHash for short names)
/// and compares bytes in one buffer, with linear probing; no `String` is made or kept.
package struct ByteInterner: Sendable {
    private var text: [UInt8] = []
    private var spans: [(start: Int, count: Int, hash: Int)] = []
    /// Numbers, or -1; a power of two at least twice as long as ``names``.
    private var slots: [Int32]

    /// An empty table with room for about `capacity` names before it grows.
    package init(capacity: Int = 32) {
        var size = 64
        while size < 2 * capacity { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
    }

    /// How many names there are.
    package var count: Int { spans.count }

    /// The names, by number.
    package var names: [String] { (0..<count).map { i in withName(i) { String(decoding: $0, as: UTF8.self) } } }

    /// Calls `body` with the UTF-8 of the name numbered `number`.
    package func withName<R>(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let span = spans[number]
        return text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[span.start..<span.start + span.count])) }
    }

    /// Whether there is a name spelt by `bytes`.
    package func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        find(bytes, hash: Self.hash(bytes)).number != nil
    }

    /// The number of the name spelt by `bytes`, or the free slot where it would go.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> (number: UInt32?, slot: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] >= 0 {
            let i = Int(slots[slot])
            if spans[i].hash == hash, spans[i].count == bytes.count,
                bytes.isEmpty || text.withUnsafeBufferPointer({ memcmp($0.baseAddress! + spans[i].start, bytes.baseAddress!, bytes.count) == 0 })
            {
                return (UInt32(i), slot)
            }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    /// The number of the name spelt by `bytes`, given it now if it is new.
    package mutating func number(of bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let hash = Self.hash(bytes)
        let (known, slot) = find(bytes, hash: hash)
        if let known { return known }
        let number = spans.count
        spans.append((text.count, bytes.count, hash))
        text.append(contentsOf: bytes)
        if 2 * spans.count > slots.count {
            slots = [Int32](repeating: -1, count: 2 * slots.count)
            let mask = slots.count - 1
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
