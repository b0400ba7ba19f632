/// Reads a sequence's items in order.
///
/// Three words (the document, the sequence and the position), so that it fits an existential's
/// inline buffer and costs no allocation.
struct YAMLUnkeyedDecodingContainer: UnkeyedDecodingContainer {
    private let document: FlatDocument
    private let sequence: Int32
    private let itemCount: Int32
    private var position: Int32 = 0
    /// The node index of the item at `position`.
    private var cursor: Int32

    init(decoder: _YAMLDecoder) {
        document = decoder.document
        sequence = Int32(truncatingIfNeeded: decoder.index)
        itemCount = Int32(truncatingIfNeeded: decoder.node.count)
        cursor = sequence + 1
    }

    private var decoder: _YAMLDecoder { _YAMLDecoder(document, Int(sequence)) }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { Int(itemCount) }
    var isAtEnd: Bool { position >= itemCount }
    var currentIndex: Int { Int(position) }

    private var key: IndexKey { IndexKey(intValue: currentIndex) }

    /// The next item's index, without moving past it.
    private func next(_ type: Any.Type) throws -> Int {
        guard position < itemCount else {
            let path = codingPath + [key]
            let message = "the list has only \(itemCount) items"
            let error = YAMLError(.missingValue, message, mark: decoder.node.mark, path: YAMLPath(codingPath: path).description)
            throw DecodingError.valueNotFound(type, .init(codingPath: path, debugDescription: message, underlyingError: error))
        }
        return Int(cursor)
    }

    private mutating func advance() {
        cursor = Int32(truncatingIfNeeded: document.nodes[Int(cursor)].end)
        position += 1
    }

    mutating func decodeNil() throws -> Bool {
        guard position < itemCount, document.isNull(Int(cursor)) else { return false }
        advance()
        return true
    }

    /// Reads the next item with `body`, which gets the coding path only if it needs it (for an
    /// error), and moves past the item when `body` succeeds.
    private mutating func read<T>(_ type: T.Type, _ body: (Int, () -> [any CodingKey]) throws -> T) throws -> T {
        let item = try next(type)
        let decoder = self.decoder
        let key = self.key
        let value = try body(item) { decoder.codingPath + [key] }
        advance()
        return value
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try read(type) { [decoder] in try decoder.bool($0, path: $1()) } }
    mutating func decode(_ type: String.Type) throws -> String { try read(type) { [decoder] in try decoder.string($0, path: $1()) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try read(type) { [decoder] in try decoder.double($0, path: $1()) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try read(type) { [decoder] in try decoder.float($0, path: $1()) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try integer() }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer() }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }

    private mutating func integer<T: FixedWidthInteger>() throws -> T {
        try read(T.self) { [decoder] in try decoder.integer($0, as: T.self, path: $1()) }
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let key = self.key
        return try read(type) { [decoder] item, _ in try decoder.unbox(item, as: T.self, key: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try read(KeyedDecodingContainer<NestedKey>.self) { [document] item, _ in try _YAMLDecoder(document, item).container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try read((any UnkeyedDecodingContainer).self) { [document] item, _ in try _YAMLDecoder(document, item).unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder {
        try read((any Decoder).self) { [document] item, _ in _YAMLDecoder(document, item) }
    }
}

/// A sequence position as a coding key.
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }

    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) {
        guard let value = Int(stringValue) else { return nil }
        intValue = value
    }
}
