public import KlasterModel
public import KlasterValidation
import KlasterYAML

/// A record kept in memory in a compact form: its value written as tagged bytes, not a tree of
/// enums, arrays and strings. An exporter that reads the records twice keeps them so between
/// its passes instead of reading (and parsing) the store again: about as many bytes as the
/// record's file, against about five times that for the tree, and unpacking it costs a small
/// part of parsing its YAML.
public struct PackedRecord: Sendable {
    public var kind: RecordKind
    public var id: String
    /// Relative to the store root: `clusters/okip.yaml`.
    public var file: String
    /// The value, as ``PackedRecord/pack(_:into:)`` writes it (maybe a part of a buffer that
    /// other records share, see ``sharingOneBuffer(_:)``).
    public var bytes: ArraySlice<UInt8>

    public init(_ record: ExportRecord) {
        kind = record.kind
        id = record.id
        file = record.file
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1024)
        Self.pack(record.value, into: &bytes)
        self.bytes = bytes[...]
    }

    /// Packs a record as just read: an ordinary record straight from its flat document (no
    /// value built), to the same bytes as ``init(_:)-(ExportRecord)`` of its value.
    init(_ parsed: ParsedRecord) {
        kind = parsed.kind
        id = parsed.id
        file = parsed.file
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1024)
        switch parsed.content {
        case .value(let value):
            Self.pack(value, into: &bytes)
        case .flat(let document, let schema):
            Self.packRecord(CanonicalReader(schema: schema, document: document), id: parsed.id, into: &bytes)
        }
        self.bytes = bytes[...]
    }

    /// `records` with their bytes copied into one buffer that they share: what an exporter
    /// keeps of many records, so that they are a few large blocks of memory, not one block
    /// each among the short-lived ones that reading the next records makes and frees.
    public static func sharingOneBuffer(_ records: [PackedRecord]) -> [PackedRecord] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(records.reduce(0) { $0 + $1.bytes.count })
        var ends: [Int] = []
        ends.reserveCapacity(records.count)
        for record in records {
            buffer.append(contentsOf: record.bytes)
            ends.append(buffer.count)
        }
        var start = 0
        return zip(records, ends).map { record, end in
            var shared = record
            shared.bytes = buffer[start..<end]
            start = end
            return shared
        }
    }

    /// The record as it was packed.
    public var record: ExportRecord {
        ExportRecord(kind: kind, id: id, file: file, value: value)
    }

    /// The record's value as it was packed.
    public var value: JSONValue {
        withReader { $0.value() }
    }

    /// The value of the record's first member named `name` (as `fields[name]` of the value).
    func member(_ name: String) -> JSONValue? {
        withReader { reader in
            guard reader.nextKind == .object else { return nil }
            for _ in 0..<reader.open() {
                if reader.key().utf8.elementsEqual(name.utf8) { return reader.value() }
                reader.skip()
            }
            return nil
        }
    }

    /// Runs `body` with a reader at the start of the value, to read it where it lies.
    func withReader<Result>(_ body: (inout PackedReader) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = PackedReader(bytes: buffer)
            return body(&reader)
        }
    }

    // The tags: one byte before each value.
    static let null: UInt8 = 0
    static let `false`: UInt8 = 1
    static let `true`: UInt8 = 2
    static let int: UInt8 = 3
    static let double: UInt8 = 4
    static let string: UInt8 = 5
    static let array: UInt8 = 6
    static let object: UInt8 = 7

    /// Appends `value` to `bytes`: a tag, then an integer's or a double's 8 bytes; a string's
    /// length and UTF-8 bytes; an array's count and items; an object's count and, for each
    /// member in order, its key (length and bytes) and value. Lengths and counts are LEB128.
    static func pack(_ value: JSONValue, into bytes: inout [UInt8]) {
        switch value {
        case .null:
            bytes.append(null)
        case .bool(let flag):
            bytes.append(flag ? `true` : `false`)
        case .number(.int(let number)):
            bytes.append(int)
            appendWord(UInt64(bitPattern: number), to: &bytes)
        case .number(.double(let number)):
            bytes.append(double)
            appendWord(number.bitPattern, to: &bytes)
        case .string(let text):
            bytes.append(string)
            appendText(text, to: &bytes)
        case .array(let items):
            bytes.append(array)
            appendCount(items.count, to: &bytes)
            for item in items { pack(item, into: &bytes) }
        case .object(let members):
            bytes.append(object)
            appendCount(members.count, to: &bytes)
            for (key, member) in members.entries {
                appendText(key, to: &bytes)
                pack(member, into: &bytes)
            }
        }
    }

    /// Packs a flat record's root as ``ExportDataset`` gives it: its `id` member first, or
    /// `"id": id` first when it has none, then its members in schema order.
    private static func packRecord(_ reader: CanonicalReader, id: String, into bytes: inout [UInt8]) {
        bytes.append(object)
        appendCount(reader.recordMemberCount, to: &bytes)
        reader.forEachRecordMember { member in
            if let (key, value) = member {
                reader.document.withText(key) { appendText(bytes: $0, to: &bytes) }
                pack(reader, value, into: &bytes)
            } else {
                appendText("id", to: &bytes)
                bytes.append(string)
                appendText(id, to: &bytes)
            }
        }
    }

    /// Packs the value at `place` as ``pack(_:into:)`` packs the value it means.
    private static func pack(_ reader: CanonicalReader, _ place: CanonicalReader.Place, into bytes: inout [UInt8]) {
        switch reader.kind(place) {
        case .scalar:
            switch reader.scalar(place) {
            case .text:
                bytes.append(string)
                reader.document.withText(place.node) { appendText(bytes: $0, to: &bytes) }
            case .value(let value):
                pack(value, into: &bytes)
            }
        case .sequence:
            bytes.append(array)
            appendCount(reader.count(place), to: &bytes)
            reader.forEachItem(place) { pack(reader, $0, into: &bytes) }
        case .mapping:
            bytes.append(object)
            appendCount(reader.count(place), to: &bytes)
            reader.forEachMember(place) { key, value in
                reader.document.withText(key) { appendText(bytes: $0, to: &bytes) }
                pack(reader, value, into: &bytes)
            }
        }
    }

    private static func appendText(bytes text: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        appendCount(text.count, to: &bytes)
        bytes.append(contentsOf: text)
    }

    private static func appendWord(_ word: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
    }

    private static func appendCount(_ count: Int, to bytes: inout [UInt8]) {
        var rest = UInt(count)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    private static func appendText(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendText(bytes: $0, to: &bytes) }
    }
}

/// Reads packed values (``PackedRecord/pack(_:into:)``) where they lie, one item at a time, or
/// a whole value unpacked.
struct PackedReader {
    /// What ``next()`` read: a scalar, a string, or the start of an array or an object (its
    /// items, or its members' keys and values, follow).
    enum Item {
        /// Null, a Boolean or a number.
        case scalar(JSONValue)
        case string(String)
        case array(count: Int)
        case object(count: Int)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var at = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Reads the next item.
    mutating func next() -> Item {
        let tag = bytes[at]
        at += 1
        switch tag {
        case PackedRecord.false: return .scalar(.bool(false))
        case PackedRecord.true: return .scalar(.bool(true))
        case PackedRecord.int: return .scalar(.number(.int(Int64(bitPattern: word()))))
        case PackedRecord.double: return .scalar(.number(.double(Double(bitPattern: word()))))
        case PackedRecord.string: return .string(text())
        case PackedRecord.array: return .array(count: count())
        case PackedRecord.object: return .object(count: count())
        default: return .scalar(.null)
        }
    }

    /// Reads the string that is next, as the UTF-8 bytes where they lie.
    mutating func stringBytes() -> UnsafeBufferPointer<UInt8> {
        at += 1
        return keyBytes()
    }

    /// Reads an object member's key (before its value).
    mutating func key() -> String { text() }

    /// Reads an object member's key (or any length-prefixed text) as the UTF-8 bytes where they
    /// lie.
    mutating func keyBytes() -> UnsafeBufferPointer<UInt8> {
        let length = count()
        defer { at += length }
        return UnsafeBufferPointer(rebasing: bytes[at..<at + length])
    }

    /// What the next value is, without reading it.
    enum Kind {
        case scalar, string, array, object
    }

    /// What the next value is.
    var nextKind: Kind {
        switch bytes[at] {
        case PackedRecord.string: .string
        case PackedRecord.array: .array
        case PackedRecord.object: .object
        default: .scalar
        }
    }

    /// Reads the start of the array or object that is next: its count of items or members.
    mutating func open() -> Int {
        at += 1
        return count()
    }

    /// Reads the next value whole.
    mutating func value() -> JSONValue {
        switch next() {
        case .scalar(let value): return value
        case .string(let text): return .string(text)
        case .array(let count):
            var items: [JSONValue] = []
            items.reserveCapacity(count)
            for _ in 0..<count { items.append(value()) }
            return .array(items)
        case .object(let count):
            var entries: [(key: String, value: JSONValue)] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let key = text()
                entries.append((key, value()))
            }
            return .object(JSONObject(entries))
        }
    }

    /// Goes past the next value without making anything of it.
    mutating func skip() {
        let tag = bytes[at]
        at += 1
        switch tag {
        case PackedRecord.int, PackedRecord.double: at += 8
        case PackedRecord.string: at += count()
        case PackedRecord.array:
            for _ in 0..<count() { skip() }
        case PackedRecord.object:
            for _ in 0..<count() {
                at += count()
                skip()
            }
        default: return
        }
    }

    private mutating func word() -> UInt64 {
        var word: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 8) {
            word |= UInt64(bytes[at]) << UInt64(shift)
            at += 1
        }
        return word
    }

    private mutating func count() -> Int {
        var count: UInt = 0
        var shift: UInt = 0
        while true {
            let byte = bytes[at]
            at += 1
            count |= UInt(byte & 0x7F) << shift
            if byte < 0x80 { return Int(count) }
            shift += 7
        }
    }

    private mutating func text() -> String {
        String(decoding: keyBytes(), as: UTF8.self)
    }
}
