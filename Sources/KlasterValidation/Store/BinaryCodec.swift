/// A compact binary form for the validation cache: little-endian integers and strings kept once
/// in a table. Reading checks every bound and returns `nil` on anything malformed, so a damaged
/// cache only costs a cold run.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []
    /// The string table, in the order first written.
    private var strings = ByteInterner(capacity: 512)

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
        let position = s.withUTF8 { strings.number(of: $0) }
        varint(2 * Int(position))
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

    /// The whole file, in parts to be written one after the other: the magic and the string
    /// table, then the body.
    func finish(magic: [UInt8]) -> [[UInt8]] {
        var head = BinaryWriter()
        head.bytes = magic
        head.u32(UInt32(strings.count))
        // Each string as its length (``u32(_:)``) and its UTF-8 bytes.
        for i in 0..<strings.count {
            strings.withName(i) { text in
                head.u32(UInt32(text.count))
                head.bytes.append(contentsOf: text)
            }
        }
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
