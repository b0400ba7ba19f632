/// Reads a mapping's values by key.
struct YAMLKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    /// The mapping's decoder.
    let decoder: _YAMLDecoder

    init(decoder: _YAMLDecoder) {
        self.decoder = decoder
    }

    private var document: FlatDocument { decoder.document }

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        document.entries(of: decoder.index).compactMap { entry in
            document.nodes[entry.key].kind == .scalar ? Key(stringValue: document.string(entry.key)) : nil
        }
    }

    func contains(_ key: Key) -> Bool { index(of: key) != nil }

    /// The index of the value under `key`, if the mapping has one.
    @inline(__always)
    private func index(of key: Key) -> Int? {
        var name = key.stringValue
        return name.withUTF8 { document.value(in: decoder.index, forKey: $0) }
    }

    private func value(for key: Key) throws -> Int {
        guard let i = index(of: key) else {
            let path = codingPath + [key]
            let message = "missing required key '\(key.stringValue)'"
            let error = YAMLError(.missingValue, message, mark: decoder.node.mark, path: YAMLPath(codingPath: path).description)
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: message, underlyingError: error))
        }
        return i
    }

    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let i = index(of: key) else { return true }
        return document.isNull(i)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.bool(value(for: key), path: path(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        // The usual case without forming the error's path (whose closure would make generic
        // code look this container's type up at run time).
        if let i = index(of: key), let text = decoder.stringIfPresent(i) { return text }
        return try decoder.string(value(for: key), path: path(key))
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.double(value(for: key), path: path(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder.float(value(for: key), path: path(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(key) }

    private func integer<T: FixedWidthInteger>(_ key: Key) throws -> T {
        try decoder.integer(value(for: key), as: T.self, path: path(key))
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.unbox(value(for: key), as: T.self, key: key)
    }

    /// The value under `key`, or `nil` when the key is absent or null: one lookup where the
    /// default implementation makes three.
    private func presentValue(for key: Key) -> Int? {
        guard let i = index(of: key), !document.isNull(i) else { return nil }
        return i
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let i = presentValue(for: key) else { return nil }
        if let text = decoder.stringIfPresent(i) { return text }
        return try decoder.string(i, path: path(key))
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let i = presentValue(for: key) else { return nil }
        return try decoder.bool(i, path: path(key))
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let i = presentValue(for: key) else { return nil }
        return try decoder.integer(i, as: Int.self, path: path(key))
    }

    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        guard let i = presentValue(for: key) else { return nil }
        return try decoder.double(i, path: path(key))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let i = presentValue(for: key) else { return nil }
        return try decoder.unbox(i, as: T.self, key: key)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try _YAMLDecoder(document, value(for: key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try _YAMLDecoder(document, value(for: key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        try superDecoder(forKey: Key(stringValue: "super") ?? Key(intValue: 0)!)
    }

    /// The decoder of the value under `key`; for an absent key, of a null standing in for it
    /// at the mapping.
    func superDecoder(forKey key: Key) throws -> any Decoder {
        if let i = index(of: key) { return _YAMLDecoder(document, i) }
        let standIn = FlatDocument.absent(at: decoder.node.mark, path: codingPath + [key], userInfo: document.userInfo)
        return _YAMLDecoder(standIn, 0)
    }
}
