/// Reads a mapping's values by key.
struct YAMLKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: _YAMLDecoder
    let mapping: YAMLMapping

    /// Mappings with more entries than this are indexed by a dictionary on first lookup.
    private static var indexThreshold: Int { 24 }

    init(decoder: _YAMLDecoder, mapping: YAMLMapping) {
        self.decoder = decoder
        self.mapping = mapping
    }

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        mapping.entries.compactMap { $0.keyText.flatMap(Key.init(stringValue:)) }
    }

    func contains(_ key: Key) -> Bool { index(of: key) != nil }

    /// The entry index for `key`, searching from where the previous lookup succeeded.
    private func index(of key: Key) -> Int? {
        let name = key.stringValue
        let entries = mapping.entries
        let count = entries.count
        if count > Self.indexThreshold {
            if decoder.keyIndex == nil {
                var index: [String: Int] = [:]
                index.reserveCapacity(count)
                for (i, entry) in entries.enumerated() {
                    if let text = entry.keyText, index[text] == nil { index[text] = i }
                }
                decoder.keyIndex = index
            }
            return decoder.keyIndex?[name]
        }
        var i = decoder.keyHint
        for _ in 0..<count {
            if i >= count { i = 0 }
            if case .scalar(let s) = entries[i].key, s.value == name {
                decoder.keyHint = i + 1
                return i
            }
            i += 1
        }
        return nil
    }

    private func value(for key: Key) throws -> YAMLNode {
        guard let i = index(of: key) else {
            let path = codingPath + [key]
            let message = "missing required key '\(key.stringValue)'"
            let error = YAMLError(
                .missingValue,
                message,
                mark: mapping.span.markIfKnown,
                path: YAMLPath(codingPath: path).description
            )
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: message, underlyingError: error))
        }
        return mapping.entries[i].value
    }

    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let i = index(of: key) else { return true }
        return _YAMLDecoder.isNil(mapping.entries[i].value)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try _YAMLDecoder.bool(value(for: key), path: path(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        // The text is read in place; the node is copied out only for an error.
        if let i = index(of: key), case .scalar(let s) = mapping.entries[i].value, !(s.value.isEmpty && s.style == .plain && s.tag == nil) {
            return s.value
        }
        return try _YAMLDecoder.string(value(for: key), path: path(key))
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try _YAMLDecoder.double(value(for: key), path: path(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try _YAMLDecoder.float(value(for: key), path: path(key)) }
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
        try _YAMLDecoder.integer(value(for: key), as: T.self, path: path(key))
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.unbox(value(for: key), as: T.self, key: key)
    }

    /// The value for `key`, or `nil` when the key is absent or null: one lookup where the
    /// default implementation makes three.
    private func presentValue(for key: Key) -> YAMLNode? {
        guard let i = index(of: key) else { return nil }
        let node = mapping.entries[i].value
        return _YAMLDecoder.isNil(node) ? nil : node
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let i = index(of: key) else { return nil }
        if case .scalar(let s) = mapping.entries[i].value, !s.value.isEmpty || s.style != .plain || s.tag != nil {
            // Not null and not empty-plain: a string, as `_YAMLDecoder.string` would read it.
            return _YAMLDecoder.isNil(mapping.entries[i].value) ? nil : s.value
        }
        guard let node = presentValue(for: key) else { return nil }
        return try _YAMLDecoder.string(node, path: path(key))
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let node = presentValue(for: key) else { return nil }
        return try _YAMLDecoder.bool(node, path: path(key))
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let node = presentValue(for: key) else { return nil }
        return try _YAMLDecoder.integer(node, as: Int.self, path: path(key))
    }

    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        guard let node = presentValue(for: key) else { return nil }
        return try _YAMLDecoder.double(node, path: path(key))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let node = presentValue(for: key) else { return nil }
        return try decoder.unbox(node, as: T.self, key: key)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try _YAMLDecoder(node: value(for: key), parent: decoder, key: key, userInfo: decoder.sendableUserInfo).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try _YAMLDecoder(node: value(for: key), parent: decoder, key: key, userInfo: decoder.sendableUserInfo).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        try superDecoder(forKey: Key(stringValue: "super") ?? Key(intValue: 0)!)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        let node = index(of: key).map { mapping.entries[$0].value } ?? .scalar(YAMLScalar("", span: mapping.span))
        return _YAMLDecoder(node: node, parent: decoder, key: key, userInfo: decoder.sendableUserInfo)
    }
}
