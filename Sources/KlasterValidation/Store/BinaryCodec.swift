#if canImport(Glibc)
import Glibc
#endif

/// A compact binary form for the validation cache: little-endian integers and strings kept once
/// in a table. Reading checks every bound and returns `nil` on anything malformed, so a damaged
/// cache only costs a cold run.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []
    /// The string table as the file has it: each string's length (``u32(_:)``) and UTF-8 bytes,
    /// in the order first written. Kept as bytes, not `String`s: looking a string up compares
    /// bytes in one buffer, and no string is retained.
    private var table: [UInt8] = []
    /// Per string of the table: its hash, and where its bytes start in ``table``.
    private var strings: [(hash: Int, start: Int)] = []
    /// Open addressing over ``strings`` by ``TextHash`` (cheaper than `Dictionary`'s SipHash for
    /// the many short strings a cache holds): indices into ``strings``, or -1.
    private var slots: [Int32] = [Int32](repeating: -1, count: 1024)

    /// Makes room for a body of about `count` bytes.
    mutating func reserveCapacity(_ count: Int) { bytes.reserveCapacity(count) }

    mutating func u8(_ v: UInt8) { bytes.append(v) }

    mutating func u32(_ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func u64(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }

    /// A count, line or column: seven bits a byte, low bits first (one byte below 128).
    mutating func varint(_ v: Int) {
        var x = UInt64(bitPattern: Int64(v))
        while x >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: x) | 0x80)
            x >>= 7
        }
        bytes.append(UInt8(x))
    }

    /// Where the next byte of the body goes.
    var count: Int { bytes.count }

    /// Overwrites the four bytes at `offset` (a ``u32(_:)`` written earlier as a placeholder).
    mutating func patchU32(at offset: Int, _ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { value in
            for i in 0..<4 { bytes[offset + i] = value[i] }
        }
    }

    /// A string that recurs (a pointer, a field, an id referred to): its position in the table
    /// written by ``finish(magic:)``, as the ``varint(_:)`` of twice the position.
    mutating func string(_ s: String) {
        var s = s
        let position = s.withUTF8 { self.index(of: $0) }
        varint(2 * position)
    }

    /// A string that is likely written once (a file's path, a unique value): in place, as the
    /// ``varint(_:)`` of twice its length plus one, then its bytes. Looking it up in the table
    /// would cost more (at 100,000 records the table outgrows the processor's caches) than
    /// the bytes a repeat costs.
    mutating func inlineString(_ s: String) {
        var s = s
        s.withUTF8 { text in
            varint(2 * text.count + 1)
            bytes.append(contentsOf: text)
        }
    }

    /// The position of `text` in the table, added if it is not there.
    private mutating func index(of text: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = TextHash.hash(UnsafeRawBufferPointer(text))
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { break }
            if strings[index].hash == hash, same(text, at: strings[index].start) { return index }
            slot = (slot + 1) & mask
        }
        let index = strings.count
        withUnsafeBytes(of: UInt32(text.count).littleEndian) { table.append(contentsOf: $0) }
        strings.append((hash, table.count))
        table.append(contentsOf: text)
        slots[slot] = Int32(index)
        if 2 * strings.count > slots.count { grow() }
        return index
    }

    /// Whether the table's string whose bytes start at `start` is `text`.
    private func same(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        table.withUnsafeBytes { table in
            let length = UInt32(littleEndian: table.loadUnaligned(fromByteOffset: start - 4, as: UInt32.self))
            return Int(length) == text.count && (text.isEmpty || memcmp(table.baseAddress! + start, text.baseAddress!, text.count) == 0)
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: 2 * slots.count)
        let mask = slots.count - 1
        for (index, string) in strings.enumerated() {
            var slot = string.hash & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// The whole file, in parts to be written one after the other: the magic and the string
    /// table, then the body.
    func finish(magic: [UInt8]) -> [[UInt8]] {
        var head = BinaryWriter()
        head.bytes = magic
        head.bytes.reserveCapacity(magic.count + 12 + table.count)
        head.u32(UInt32(strings.count))
        head.bytes += table
        head.u64(UInt64(bytes.count))
        return [head.bytes, bytes]
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

    /// Bytes left to read.
    var remaining: Int { bytes.count - position }

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

    /// A ``BinaryWriter/varint(_:)``; `nil` past the end or for more than 64 bits.
    mutating func varint() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            guard shift < 64, shift < 63 || byte <= 1 else { return nil }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(Int64(bitPattern: value)) }
            shift += 7
        }
        return nil
    }

    /// A ``BinaryWriter/string(_:)`` or ``BinaryWriter/inlineString(_:)``.
    mutating func string() -> String? {
        guard let (start, count) = stringBytes() else { return nil }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<(start + count)]), as: UTF8.self) }
    }

    /// Whether the next string is `text`, without making it; moves past it either way.
    mutating func string(equals text: String) -> Bool? {
        guard let (start, count) = stringBytes() else { return nil }
        return bytes.withUnsafeBufferPointer { TextHash.equal(text, UnsafeBufferPointer(rebasing: $0[start..<(start + count)])) }
    }

    /// Where the next string's bytes are, in the table or in place; moves past it.
    private mutating func stringBytes() -> (start: Int, count: Int)? {
        guard let code = varint(), code >= 0 else { return nil }
        if code % 2 == 0 {
            guard code / 2 < table.count else { return nil }
            return table[code / 2]
        }
        let count = code / 2
        guard count <= bytes.count - position else { return nil }
        defer { position += count }
        return (position, count)
    }
}
