import Foundation

/// Scalar reading shared by the three kinds of container.
extension _YAMLDecoder {
    /// Whether a plain-scalar type (number, boolean) may be read from the node at `at`: a plain
    /// scalar, untagged or carrying `tag`.
    private func isTyped(_ at: Int, _ tag: FlatDocument.Tag) -> Bool {
        let node = document.nodes[at]
        return node.kind == .scalar && node.style == .plain && (node.tag == .none || node.tag == tag)
    }

    /// The text of the node at `at` when a string may be read from it, as ``string(_:path:)``
    /// reads it; `nil` when that would throw.
    func stringIfPresent(_ at: Int) -> String? {
        guard document.nodes[at].kind == .scalar, !document.isEmptyPlain(at) else { return nil }
        return document.string(at)
    }

    func string(_ at: Int, path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard document.nodes[at].kind == .scalar, !document.isEmptyPlain(at) else {
            throw mismatch(String.self, at, expected: "a string", path: path())
        }
        return document.string(at)
    }

    func bool(_ at: Int, path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        if isTyped(at, .bool), let value = CoreScalarValue.bool(document.string(at)) {
            return value
        }
        let text = document.nodes[at].kind == .scalar ? document.string(at) : ""
        let hint = PlainScalar.yaml11Reading(text) == .bool ? " (YAML 1.2 booleans are true and false)" : ""
        throw mismatch(Bool.self, at, expected: "true or false", path: path(), hint: hint)
    }

    func integer<T: FixedWidthInteger>(_ at: Int, as type: T.Type, path: @autoclosure () -> [any CodingKey]) throws -> T {
        if isTyped(at, .int) {
            switch CoreScalarValue.integer(document.string(at), as: T.self) {
            case .value(let value): return value
            case .outOfRange: throw outOfRange(T.self, at, path: path())
            case .notInteger: break
            }
        }
        throw mismatch(T.self, at, expected: "an integer", path: path())
    }

    func double(_ at: Int, path: @autoclosure () -> [any CodingKey]) throws -> Double {
        if isTyped(at, .float) || isTyped(at, .int), let value = CoreScalarValue.double(document.string(at)) {
            return value
        }
        throw mismatch(Double.self, at, expected: "a number", path: path())
    }

    func float(_ at: Int, path: @autoclosure () -> [any CodingKey]) throws -> Float {
        let value = try double(at, path: path())
        if value.isFinite, let exact = Float(document.string(at)) { return exact }
        return Float(value)
    }

    func date(_ at: Int, path: @autoclosure () -> [any CodingKey]) throws -> Date {
        if document.nodes[at].kind == .scalar, let date = document.withText(at, { YAMLTimestamp.parse(bytes: $0) }) {
            return date
        }
        throw mismatch(Date.self, at, expected: "a date (YYYY-MM-DD) or an RFC 3339 date-time", path: path())
    }

    func url(_ at: Int, path: @autoclosure () -> [any CodingKey]) throws -> URL {
        if document.nodes[at].kind == .scalar, document.nodes[at].count > 0, let url = URL(string: document.string(at)) {
            return url
        }
        throw mismatch(URL.self, at, expected: "a URL", path: path())
    }
}

extension _YAMLDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool { document.isNull(index) }
    func decode(_ type: Bool.Type) throws -> Bool { try bool(index, path: codingPath) }
    func decode(_ type: String.Type) throws -> String { try string(index, path: codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try double(index, path: codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try float(index, path: codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try integer(index, as: Int.self, path: codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(index, as: Int8.self, path: codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(index, as: Int16.self, path: codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(index, as: Int32.self, path: codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(index, as: Int64.self, path: codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(index, as: UInt.self, path: codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(index, as: UInt8.self, path: codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(index, as: UInt16.self, path: codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(index, as: UInt32.self, path: codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(index, as: UInt64.self, path: codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try unbox(index, as: T.self, key: nil) }
}
