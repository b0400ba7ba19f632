/// A compact binary form for the validation cache: little-endian integers and strings kept once
/// in a table. Reading checks every bound and returns `nil` on anything malformed, so a damaged
/// cache only costs a cold run.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []
    private var table: [String] = []
    /// Open addressing over ``table`` by ``TextHash`` (cheaper than `Dictionary`'s SipHash for the
    /// many short strings a cache holds): indices into ``table``, or -1.
    private var slots: [Int32] = [Int32](repeating: -1, count: 1024)
    private var hashes: [Int] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }

    mutating func u32(_ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func u64(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }

    /// A string, as an index into the table written by ``finish(magic:)``.
    mutating func string(_ s: String) {
        let hash = TextHash.hash(s)
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { break }
            if hashes[index] == hash && table[index] == s { return u32(UInt32(index)) }
            slot = (slot + 1) & mask
        }
        let index = table.count
        table.append(s)
        hashes.append(hash)
        slots[slot] = Int32(index)
        if 2 * table.count > slots.count { grow() }
        u32(UInt32(index))
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: 2 * slots.count)
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = hash & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// The whole file: magic, the string table, then the body.
    func finish(magic: [UInt8]) -> [UInt8] {
        var head = BinaryWriter()
        head.bytes = magic
        head.u32(UInt32(table.count))
        for s in table {
            let utf8 = Array(s.utf8)
            head.u32(UInt32(utf8.count))
            head.bytes += utf8
        }
        head.u64(UInt64(bytes.count))
        return head.bytes + bytes
    }
}

struct BinaryReader {
    private let bytes: [UInt8]
    private var position: Int
    private var table: [String] = []

    /// Reads the magic and the string table; `nil` when they do not match or are damaged.
    init?(_ bytes: [UInt8], magic: [UInt8]) {
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else { return nil }
        self.bytes = bytes
        self.position = magic.count
        guard let count = u32() else { return nil }
        table.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let length = u32().map(Int.init), position + length <= bytes.count else { return nil }
            table.append(String(decoding: bytes[position..<(position + length)], as: UTF8.self))
            position += length
        }
        guard let bodyLength = u64(), position + Int(bodyLength) == bytes.count else { return nil }
    }

    var atEnd: Bool { position == bytes.count }

    mutating func u8() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func u32() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        let at = position
        position += 4
        return UInt32(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt32.self) })
    }

    mutating func u64() -> UInt64? {
        guard position + 8 <= bytes.count else { return nil }
        let at = position
        position += 8
        return UInt64(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt64.self) })
    }

    mutating func int() -> Int? { u64().map { Int(Int64(bitPattern: $0)) } }

    mutating func string() -> String? {
        guard let index = u32(), Int(index) < table.count else { return nil }
        return table[Int(index)]
    }
}
