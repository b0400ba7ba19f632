/// Writes a mapping's entries in the order they are encoded.
struct YAMLKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: _YAMLEncoder
    let box: EncodingBox

    var codingPath: [any CodingKey] { encoder.codingPath }

    func encodeValue<T: Encodable>(_ value: T, forKey key: some CodingKey) throws {
        box.set(key.stringValue, try encoder.slot(for: value, key: key))
    }

    mutating func encodeNil(forKey key: Key) { box.set(key.stringValue, .node(_YAMLEncoder.null)) }
    mutating func encode(_ value: Bool, forKey key: Key) { box.set(key.stringValue, .node(_YAMLEncoder.bool(value))) }
    mutating func encode(_ value: String, forKey key: Key) { box.set(key.stringValue, .node(_YAMLEncoder.string(value))) }
    mutating func encode(_ value: Double, forKey key: Key) { box.set(key.stringValue, .node(_YAMLEncoder.floating(value))) }
    mutating func encode(_ value: Float, forKey key: Key) { box.set(key.stringValue, .node(_YAMLEncoder.floating(value))) }
    mutating func encode(_ value: Int, forKey key: Key) { box.set(key.stringValue, .node(_YAMLEncoder.integer(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) { box.set(key.stringValue, .node(_YAMLEncoder.integer(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) { box.set(key.stringValue, .node(_YAMLEncoder.integer(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) { box.set(key.stringValue, .node(_YAMLEncoder.integer(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) { box.set(key.stringValue, .node(_YAMLEncoder.integer(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) { box.set(key.stringValue, .node(_YAMLEncoder.integer(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) { box.set(key.stringValue, .node(_YAMLEncoder.integer(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) { box.set(key.stringValue, .node(_YAMLEncoder.integer(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) { box.set(key.stringValue, .node(_YAMLEncoder.integer(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) { box.set(key.stringValue, .node(_YAMLEncoder.integer(value))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encodeValue(value, forKey: key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = encoder.child(key)
        child.box.becomeMapping()
        box.set(key.stringValue, .box(child.box))
        return KeyedEncodingContainer(YAMLKeyedEncodingContainer<NestedKey>(encoder: child, box: child.box))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = encoder.child(key)
        child.box.becomeSequence()
        box.set(key.stringValue, .box(child.box))
        return YAMLUnkeyedEncodingContainer(encoder: child, box: child.box)
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(forKey: NameKey("super"))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        superEncoder(forKey: NameKey(key.stringValue))
    }

    private func superEncoder(forKey key: NameKey) -> any Encoder {
        let child = encoder.child(key)
        box.set(key.stringValue, .box(child.box))
        return child
    }
}

/// Appends a sequence's items.
struct YAMLUnkeyedEncodingContainer: UnkeyedEncodingContainer {
    let encoder: _YAMLEncoder
    let box: EncodingBox

    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { box.count }

    private var nextKey: IndexKey { IndexKey(intValue: box.count) }

    mutating func encodeNil() { box.append(.node(_YAMLEncoder.null)) }
    mutating func encode(_ value: Bool) { box.append(.node(_YAMLEncoder.bool(value))) }
    mutating func encode(_ value: String) { box.append(.node(_YAMLEncoder.string(value))) }
    mutating func encode(_ value: Double) { box.append(.node(_YAMLEncoder.floating(value))) }
    mutating func encode(_ value: Float) { box.append(.node(_YAMLEncoder.floating(value))) }
    mutating func encode(_ value: Int) { box.append(.node(_YAMLEncoder.integer(value))) }
    mutating func encode(_ value: Int8) { box.append(.node(_YAMLEncoder.integer(value))) }
    mutating func encode(_ value: Int16) { box.append(.node(_YAMLEncoder.integer(value))) }
    mutating func encode(_ value: Int32) { box.append(.node(_YAMLEncoder.integer(value))) }
    mutating func encode(_ value: Int64) { box.append(.node(_YAMLEncoder.integer(value))) }
    mutating func encode(_ value: UInt) { box.append(.node(_YAMLEncoder.integer(value))) }
    mutating func encode(_ value: UInt8) { box.append(.node(_YAMLEncoder.integer(value))) }
    mutating func encode(_ value: UInt16) { box.append(.node(_YAMLEncoder.integer(value))) }
    mutating func encode(_ value: UInt32) { box.append(.node(_YAMLEncoder.integer(value))) }
    mutating func encode(_ value: UInt64) { box.append(.node(_YAMLEncoder.integer(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { box.append(try encoder.slot(for: value, key: nextKey)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = encoder.child(nextKey)
        child.box.becomeMapping()
        box.append(.box(child.box))
        return KeyedEncodingContainer(YAMLKeyedEncodingContainer<NestedKey>(encoder: child, box: child.box))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = encoder.child(nextKey)
        child.box.becomeSequence()
        box.append(.box(child.box))
        return YAMLUnkeyedEncodingContainer(encoder: child, box: child.box)
    }

    mutating func superEncoder() -> any Encoder {
        let child = encoder.child(nextKey)
        box.append(.box(child.box))
        return child
    }
}
