/// Reads a sequence's items in order.
struct YAMLUnkeyedDecodingContainer: UnkeyedDecodingContainer {
    let decoder: _YAMLDecoder
    let items: [YAMLNode]
    private(set) var currentIndex = 0

    init(decoder: _YAMLDecoder, items: [YAMLNode]) {
        self.decoder = decoder
        self.items = items
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private var key: IndexKey { IndexKey(intValue: currentIndex) }
    private var path: [any CodingKey] { codingPath + [key] }

    /// The next item, moving past it.
    private mutating func next(_ type: Any.Type) throws -> YAMLNode {
        guard currentIndex < items.count else {
            let message = "the list has only \(items.count) items"
            let error = YAMLError(.missingValue, message, mark: decoder.node.span.markIfKnown, path: YAMLPath(codingPath: path).description)
            throw DecodingError.valueNotFound(type, .init(codingPath: path, debugDescription: message, underlyingError: error))
        }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < items.count, _YAMLDecoder.isNil(items[currentIndex]) else { return false }
        currentIndex += 1
        return true
    }

    private mutating func read<T>(_ type: T.Type, _ body: (YAMLNode, [any CodingKey]) throws -> T) throws -> T {
        let node = try next(type)
        let value = try body(node, path)
        currentIndex += 1
        return value
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try read(type) { try _YAMLDecoder.bool($0, path: $1) } }
    mutating func decode(_ type: String.Type) throws -> String { try read(type) { try _YAMLDecoder.string($0, path: $1) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try read(type) { try _YAMLDecoder.double($0, path: $1) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try read(type) { try _YAMLDecoder.float($0, path: $1) } }
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
        try read(T.self) { try _YAMLDecoder.integer($0, as: T.self, path: $1) }
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let key = self.key
        let decoder = self.decoder
        return try read(type) { node, _ in try decoder.unbox(node, as: T.self, key: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let key = self.key
        let decoder = self.decoder
        return try read(KeyedDecodingContainer<NestedKey>.self) { node, _ in
            try _YAMLDecoder(node: node, parent: decoder, key: key, userInfo: decoder.sendableUserInfo).container(keyedBy: type)
        }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let key = self.key
        let decoder = self.decoder
        return try read((any UnkeyedDecodingContainer).self) { node, _ in
            try _YAMLDecoder(node: node, parent: decoder, key: key, userInfo: decoder.sendableUserInfo).unkeyedContainer()
        }
    }

    mutating func superDecoder() throws -> any Decoder {
        let key = self.key
        let decoder = self.decoder
        return try read((any Decoder).self) { node, _ in
            _YAMLDecoder(node: node, parent: decoder, key: key, userInfo: decoder.sendableUserInfo)
        }
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
