import Foundation

/// The `Decoder` for one node of a ``FlatDocument``; it is also that node's single-value
/// container.
///
/// Two words, the document and the node's index, so that handing a nested value its decoder
/// allocates nothing. The coding path is not carried but rebuilt from the document when
/// something asks for it (an error, mostly).
struct _YAMLDecoder: Decoder {
    let document: FlatDocument
    let index: Int

    init(_ document: FlatDocument, _ index: Int) {
        self.document = document
        self.index = index
    }

    var node: FlatDocument.Node { document.nodes[index] }

    var userInfo: [CodingUserInfoKey: Any] { document.userInfo }

    var codingPath: [any CodingKey] { document.codingPath(to: index) }

    func path(appending key: (any CodingKey)?) -> [any CodingKey] {
        guard let key else { return codingPath }
        return codingPath + [key]
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard node.kind == .mapping else {
            throw mismatch([String: Int].self, index, expected: "a mapping", path: codingPath)
        }
        return KeyedDecodingContainer(YAMLKeyedDecodingContainer<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard node.kind == .sequence else {
            throw mismatch([Int].self, index, expected: "a list", path: codingPath)
        }
        return YAMLUnkeyedDecodingContainer(decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    /// Decodes the node at `child` (found under `key`) as `T`, taking the scalar types straight
    /// from the text and everything else through the child's decoder.
    func unbox<T: Decodable>(_ child: Int, as type: T.Type, key: (any CodingKey)?) throws -> T {
        // The casts are exact: `T` was just compared with the type.
        if T.self == String.self { return unsafeBitCast(try string(child, path: self.path(appending: key)), to: T.self) }
        if T.self == Date.self { return unsafeBitCast(try date(child, path: self.path(appending: key)), to: T.self) }
        if T.self == URL.self { return unsafeBitCast(try url(child, path: self.path(appending: key)), to: T.self) }
        // Only a list can be an array (anything else fails in `Array.init(from:)` as it would
        // here), so other nodes skip the conformance lookup.
        if document.nodes[child].kind == .sequence, let arrayType = T.self as? any YAMLDecodableArray.Type {
            return try unboxArray(child, arrayType, as: T.self)
        }
        return try T(from: _YAMLDecoder(document, child))
    }

    // MARK: - Errors

    /// A type mismatch at the node `at` that carries the ``YAMLError`` the user will see.
    func mismatch(_ type: Any.Type, _ at: Int, expected: String, path: [any CodingKey], hint: String = "") -> DecodingError {
        let mark = document.nodes[at].mark
        if document.isNull(at) {
            let message = "expected \(expected), found no value"
            let error = YAMLError(.missingValue, message, mark: mark, path: YAMLPath(codingPath: path).description)
            return .valueNotFound(type, .init(codingPath: path, debugDescription: message, underlyingError: error))
        }
        let message = "expected \(expected), found \(describe(at))" + hint
        let error = YAMLError(.typeMismatch, message, mark: mark, path: YAMLPath(codingPath: path).description)
        return .typeMismatch(type, .init(codingPath: path, debugDescription: message, underlyingError: error))
    }

    func outOfRange(_ type: Any.Type, _ at: Int, path: [any CodingKey]) -> DecodingError {
        let message = "\(describe(at)) is out of range for \(type)"
        let error = YAMLError(.typeMismatch, message, mark: document.nodes[at].mark, path: YAMLPath(codingPath: path).description)
        return .dataCorrupted(.init(codingPath: path, debugDescription: message, underlyingError: error))
    }

    func describe(_ at: Int) -> String {
        let node = document.nodes[at]
        switch node.kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar:
            let value = document.string(at)
            let text = value.count > 40 ? String(value.prefix(40)) + "…" : value
            let quoted = node.style != .plain || node.tag == .str
            return quoted ? "the quoted string \(text.debugDescription)" : "'\(text)'"
        }
    }
}
