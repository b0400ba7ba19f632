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

    /// Where the next byte of the body goes.
    var count: Int { bytes.count }

    /// Overwrites the four bytes at `offset` (a ``u32(_:)`` written earlier as a placeholder).
    mutating func patchU32(at offset: Int, _ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { value in
            for i in 0..<4 { bytes[offset + i] = value[i] }
        }
    }

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
    private(set) var position: Int
    /// Where each string of the table is in ``bytes``: a string is made only when it is read.
    private var table: [(start: Int, count: Int)] = []

    /// Reads the magic and the string table; `nil` when they do not match or are damaged.
    init?(_ bytes: [UInt8], magic: [UInt8]) {
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else { return nil }
        self.bytes = bytes
        self.position = magic.count
        guard let count = u32(), Int(count) <= bytes.count else { return nil }
        table.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let length = u32().map(Int.init), position + length <= bytes.count else { return nil }
            table.append((position, length))
            position += length
        }
        guard let bodyLength = u64(), position + Int(bodyLength) == bytes.count else { return nil }
    }

    var atEnd: Bool { position == bytes.count }

    /// Moves `count` bytes on; false (staying put) past the end.
    mutating func skip(_ count: Int) -> Bool {
        guard count >= 0, position + count <= bytes.count else { return false }
        position += count
        return true
    }

    /// A reader of the same bytes and table, at `offset`.
    func reading(at offset: Int) -> BinaryReader {
        var reader = self
        reader.position = offset
        return reader
    }

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
        let (start, count) = table[Int(index)]
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<(start + count)]), as: UTF8.self) }
    }

    /// Whether the next string is `text`, without making it; moves past it either way.
    mutating func string(equals text: String) -> Bool? {
        guard let index = u32(), Int(index) < table.count else { return nil }
        let (start, count) = table[Int(index)]
        return bytes.withUnsafeBufferPointer { TextHash.equal(text, UnsafeBufferPointer(rebasing: $0[start..<(start + count)])) }
    }
}
