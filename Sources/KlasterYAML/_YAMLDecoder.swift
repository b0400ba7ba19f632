import Foundation

/// The `Decoder` for one node; it is also that node's single-value container.
///
/// The coding path is not stored but walked up from the parent on demand, so a nested value
/// costs one small object and no array copies. A mapping's key lookup starts where the last one
/// ended, which makes the usual case (fields decoded in the order they are written) a single
/// comparison; mappings with many keys get an index on first use.
final class _YAMLDecoder: Decoder {
    let node: YAMLNode
    let parent: _YAMLDecoder?
    let key: (any CodingKey)?
    let sendableUserInfo: [CodingUserInfoKey: any Sendable]

    /// Where the last key lookup in this node's mapping found its entry.
    var keyHint = 0
    /// Key text to entry index, built for large mappings.
    var keyIndex: [String: Int]?

    init(node: YAMLNode, parent: _YAMLDecoder?, key: (any CodingKey)?, userInfo: [CodingUserInfoKey: any Sendable]) {
        self.node = node
        self.parent = parent
        self.key = key
        self.sendableUserInfo = userInfo
    }

    var userInfo: [CodingUserInfoKey: Any] { sendableUserInfo }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var current: _YAMLDecoder? = self
        while let decoder = current {
            if let key = decoder.key { path.append(key) }
            current = decoder.parent
        }
        return path.reversed()
    }

    func path(appending key: (any CodingKey)?) -> [any CodingKey] {
        guard let key else { return codingPath }
        return codingPath + [key]
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else {
            throw Self.mismatch([String: Int].self, node, expected: "a mapping", path: codingPath)
        }
        return KeyedDecodingContainer(YAMLKeyedDecodingContainer<Key>(decoder: self, mapping: mapping))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else {
            throw Self.mismatch([Int].self, node, expected: "a list", path: codingPath)
        }
        return YAMLUnkeyedDecodingContainer(decoder: self, items: sequence.items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    /// Decodes a child `node` (found under `key`) as `T`, taking the scalar types straight from
    /// the text and everything else through a child decoder.
    func unbox<T: Decodable>(_ node: YAMLNode, as type: T.Type, key: (any CodingKey)?) throws -> T {
        // The casts are exact: `T` was just compared with the type.
        if T.self == String.self { return unsafeBitCast(try Self.string(node, path: self.path(appending: key)), to: T.self) }
        if T.self == Date.self { return unsafeBitCast(try Self.date(node, path: self.path(appending: key)), to: T.self) }
        if T.self == URL.self { return unsafeBitCast(try Self.url(node, path: self.path(appending: key)), to: T.self) }
        // Only a list can be an array (anything else fails in `Array.init(from:)` as it would
        // here), so other nodes skip the conformance lookup.
        if case .sequence = node, let arrayType = T.self as? any YAMLDecodableArray.Type {
            return try unboxArray(node, arrayType, as: T.self, key: key)
        }
        return try T(from: _YAMLDecoder(node: node, parent: self, key: key, userInfo: sendableUserInfo))
    }

    // MARK: - Errors

    /// A type mismatch that carries the ``YAMLError`` the user will see.
    static func mismatch(_ type: Any.Type, _ node: YAMLNode, expected: String, path: [any CodingKey], hint: String = "") -> DecodingError {
        if node.isNull {
            let message = "expected \(expected), found no value"
            let error = YAMLError(.missingValue, message, mark: node.span.markIfKnown, path: YAMLPath(codingPath: path).description)
            return .valueNotFound(type, .init(codingPath: path, debugDescription: message, underlyingError: error))
        }
        let message = "expected \(expected), found \(describe(node))" + hint
        let error = YAMLError(.typeMismatch, message, mark: node.span.markIfKnown, path: YAMLPath(codingPath: path).description)
        return .typeMismatch(type, .init(codingPath: path, debugDescription: message, underlyingError: error))
    }

    static func outOfRange(_ type: Any.Type, _ node: YAMLNode, path: [any CodingKey]) -> DecodingError {
        let message = "\(describe(node)) is out of range for \(type)"
        let error = YAMLError(.typeMismatch, message, mark: node.span.markIfKnown, path: YAMLPath(codingPath: path).description)
        return .dataCorrupted(.init(codingPath: path, debugDescription: message, underlyingError: error))
    }

    static func describe(_ node: YAMLNode) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let s):
            let text = s.value.count > 40 ? String(s.value.prefix(40)) + "…" : s.value
            let quoted = s.style != .plain || s.tag == "tag:yaml.org,2002:str"
            return quoted ? "the quoted string \(text.debugDescription)" : "'\(text)'"
        }
    }
}
