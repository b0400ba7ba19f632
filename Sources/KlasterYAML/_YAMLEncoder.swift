import Foundation

/// The `Encoder` for one value; it is also that value's single-value container.
final class _YAMLEncoder: Encoder {
    let parent: _YAMLEncoder?
    let key: (any CodingKey)?
    let sendableUserInfo: [CodingUserInfoKey: any Sendable]
    let box = EncodingBox()

    init(parent: _YAMLEncoder?, key: (any CodingKey)?, userInfo: [CodingUserInfoKey: any Sendable]) {
        self.parent = parent
        self.key = key
        self.sendableUserInfo = userInfo
    }

    var userInfo: [CodingUserInfoKey: Any] { sendableUserInfo }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var current: _YAMLEncoder? = self
        while let encoder = current {
            if let key = encoder.key { path.append(key) }
            current = encoder.parent
        }
        return path.reversed()
    }

    func child(_ key: (any CodingKey)?) -> _YAMLEncoder {
        _YAMLEncoder(parent: self, key: key, userInfo: sendableUserInfo)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        box.becomeMapping()
        return KeyedEncodingContainer(YAMLKeyedEncodingContainer<Key>(encoder: self, box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        box.becomeSequence()
        return YAMLUnkeyedEncodingContainer(encoder: self, box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    /// The slot for `value` encoded under `key`: scalar types directly, others through a child
    /// encoder.
    func slot<T: Encodable>(for value: T, key: (any CodingKey)?) throws -> EncodingSlot {
        if let scalar = try Self.scalar(value, path: { self.path(appending: key) }) { return .node(scalar) }
        let child = child(key)
        if let dictionary = value as? any StringKeyedEncodable {
            try dictionary.encodeSorted(to: child)
        } else {
            try value.encode(to: child)
        }
        if let node = child.box.singleNode { return .node(node) }
        return .box(child.box)
    }

    func path(appending key: (any CodingKey)?) -> [any CodingKey] {
        guard let key else { return codingPath }
        return codingPath + [key]
    }

    // MARK: - Scalars

    static func string(_ text: String) -> YAMLNode { .scalar(YAMLScalar(text)) }
    static func bool(_ value: Bool) -> YAMLNode { .scalar(YAMLScalar(value ? "true" : "false", tag: EncodingTags.bool)) }
    static func integer<T: FixedWidthInteger>(_ value: T) -> YAMLNode { .scalar(YAMLScalar(String(value), tag: EncodingTags.int)) }
    static var null: YAMLNode { .scalar(YAMLScalar("null", tag: EncodingTags.null)) }

    /// A float in a form both YAML 1.1 and 1.2 read as a float: `1.0e+20`, not `1e+20`.
    static func floating<T: BinaryFloatingPoint & LosslessStringConvertible>(_ value: T) -> YAMLNode {
        let text: String
        if value.isNaN {
            text = ".nan"
        } else if value.isInfinite {
            text = value < 0 ? "-.inf" : ".inf"
        } else {
            let description = value.description
            if description.utf8.contains(UInt8(ascii: ".")) {
                text = description
            } else if let e = description.utf8.firstIndex(of: UInt8(ascii: "e")) {
                text = String(description[..<e]) + ".0" + String(description[e...])
            } else {
                text = description + ".0"
            }
        }
        return .scalar(YAMLScalar(text, tag: EncodingTags.float))
    }

    static func date(_ date: Date, path: () -> [any CodingKey]) throws -> YAMLNode {
        guard let text = YAMLTimestamp.format(date) else {
            let message = "the date \(date) cannot be written as an RFC 3339 date-time"
            throw EncodingError.invalidValue(date, .init(codingPath: path(), debugDescription: message))
        }
        return .scalar(YAMLScalar(text, tag: EncodingTags.timestamp))
    }

    /// The node for values of the types YAML writes as scalars; `nil` for any other type.
    static func scalar<T: Encodable>(_ value: T, path: () -> [any CodingKey]) throws -> YAMLNode? {
        // Metadata comparisons, cheaper than a chain of dynamic casts.
        if T.self == String.self { return string(value as! String) }
        if T.self == Int.self { return integer(value as! Int) }
        if T.self == Bool.self { return bool(value as! Bool) }
        if T.self == Double.self { return floating(value as! Double) }
        if T.self == Date.self { return try date(value as! Date, path: path) }
        if T.self == URL.self { return string((value as! URL).absoluteString) }
        if T.self == Float.self { return floating(value as! Float) }
        if T.self == Int64.self { return integer(value as! Int64) }
        if T.self == Int32.self { return integer(value as! Int32) }
        if T.self == Int16.self { return integer(value as! Int16) }
        if T.self == Int8.self { return integer(value as! Int8) }
        if T.self == UInt.self { return integer(value as! UInt) }
        if T.self == UInt64.self { return integer(value as! UInt64) }
        if T.self == UInt32.self { return integer(value as! UInt32) }
        if T.self == UInt16.self { return integer(value as! UInt16) }
        if T.self == UInt8.self { return integer(value as! UInt8) }
        return nil
    }
}

extension _YAMLEncoder: SingleValueEncodingContainer {
    private func set(_ node: YAMLNode) { box.setSingle(node) }

    func encodeNil() { set(Self.null) }
    func encode(_ value: Bool) { set(Self.bool(value)) }
    func encode(_ value: String) { set(Self.string(value)) }
    func encode(_ value: Double) { set(Self.floating(value)) }
    func encode(_ value: Float) { set(Self.floating(value)) }
    func encode(_ value: Int) { set(Self.integer(value)) }
    func encode(_ value: Int8) { set(Self.integer(value)) }
    func encode(_ value: Int16) { set(Self.integer(value)) }
    func encode(_ value: Int32) { set(Self.integer(value)) }
    func encode(_ value: Int64) { set(Self.integer(value)) }
    func encode(_ value: UInt) { set(Self.integer(value)) }
    func encode(_ value: UInt8) { set(Self.integer(value)) }
    func encode(_ value: UInt16) { set(Self.integer(value)) }
    func encode(_ value: UInt32) { set(Self.integer(value)) }
    func encode(_ value: UInt64) { set(Self.integer(value)) }

    func encode<T: Encodable>(_ value: T) throws {
        switch try slot(for: value, key: nil) {
        case .node(let node): set(node)
        case .box(let child): box.copyContent(of: child)
        }
    }
}

/// `[String: V]`, encoded with its keys sorted so that output does not depend on hashing.
protocol StringKeyedEncodable {
    func encodeSorted(to encoder: _YAMLEncoder) throws
}

extension Dictionary: StringKeyedEncodable where Key == String, Value: Encodable {
    func encodeSorted(to encoder: _YAMLEncoder) throws {
        let container = YAMLKeyedEncodingContainer<NameKey>(encoder: encoder, box: encoder.box)
        encoder.box.becomeMapping()
        for key in keys.sorted() {
            try container.encodeValue(self[key]!, forKey: NameKey(key))
        }
    }
}

/// A mapping key given by its text.
struct NameKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ text: String) { stringValue = text }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
