import Foundation

/// Scalar reading shared by the three kinds of container.
extension _YAMLDecoder {
    private static let strTag = "tag:yaml.org,2002:str"

    /// The scalar of `node` when a plain-scalar type (number, boolean, null) may be read from
    /// it: plain and either untagged or carrying `tag`.
    private static func typedText(_ node: YAMLNode, tag: String) -> String? {
        guard case .scalar(let s) = node, s.style == .plain, s.tag == nil || s.tag == tag else { return nil }
        return s.value
    }

    static func isNil(_ node: YAMLNode) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain else { return false }
        guard s.tag == nil || s.tag == "tag:yaml.org,2002:null" else { return false }
        return s.isCoreNull
    }

    static func string(_ node: YAMLNode, path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard case .scalar(let s) = node, !(s.value.isEmpty && s.style == .plain && s.tag == nil) else {
            throw mismatch(String.self, node, expected: "a string", path: path())
        }
        return s.value
    }

    static func bool(_ node: YAMLNode, path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        if let text = typedText(node, tag: "tag:yaml.org,2002:bool"), let value = CoreScalarValue.bool(text) {
            return value
        }
        let hint = PlainScalar.yaml11Reading(node.scalar?.value ?? "") == .bool ? " (YAML 1.2 booleans are true and false)" : ""
        throw mismatch(Bool.self, node, expected: "true or false", path: path(), hint: hint)
    }

    static func integer<T: FixedWidthInteger>(_ node: YAMLNode, as type: T.Type, path: @autoclosure () -> [any CodingKey]) throws -> T {
        if let text = typedText(node, tag: "tag:yaml.org,2002:int") {
            switch CoreScalarValue.integer(text, as: T.self) {
            case .value(let value): return value
            case .outOfRange: throw outOfRange(T.self, node, path: path())
            case .notInteger: break
            }
        }
        throw mismatch(T.self, node, expected: "an integer", path: path())
    }

    static func double(_ node: YAMLNode, path: @autoclosure () -> [any CodingKey]) throws -> Double {
        if let text = typedText(node, tag: "tag:yaml.org,2002:float") ?? typedText(node, tag: "tag:yaml.org,2002:int"),
            let value = CoreScalarValue.double(text)
        {
            return value
        }
        throw mismatch(Double.self, node, expected: "a number", path: path())
    }

    static func float(_ node: YAMLNode, path: @autoclosure () -> [any CodingKey]) throws -> Float {
        let value = try double(node, path: path())
        if value.isFinite, let text = node.scalar?.value, let exact = Float(text) { return exact }
        return Float(value)
    }

    static func date(_ node: YAMLNode, path: @autoclosure () -> [any CodingKey]) throws -> Date {
        if case .scalar(let s) = node, let date = YAMLTimestamp.parse(s.value) { return date }
        throw mismatch(Date.self, node, expected: "a date (YYYY-MM-DD) or an RFC 3339 date-time", path: path())
    }

    static func url(_ node: YAMLNode, path: @autoclosure () -> [any CodingKey]) throws -> URL {
        if case .scalar(let s) = node, !s.value.isEmpty, let url = URL(string: s.value) { return url }
        throw mismatch(URL.self, node, expected: "a URL", path: path())
    }
}

extension _YAMLDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool { Self.isNil(node) }
    func decode(_ type: Bool.Type) throws -> Bool { try Self.bool(node, path: codingPath) }
    func decode(_ type: String.Type) throws -> String { try Self.string(node, path: codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try Self.double(node, path: codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try Self.float(node, path: codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try Self.integer(node, as: Int.self, path: codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try Self.integer(node, as: Int8.self, path: codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try Self.integer(node, as: Int16.self, path: codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try Self.integer(node, as: Int32.self, path: codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try Self.integer(node, as: Int64.self, path: codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try Self.integer(node, as: UInt.self, path: codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try Self.integer(node, as: UInt8.self, path: codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try Self.integer(node, as: UInt16.self, path: codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try Self.integer(node, as: UInt32.self, path: codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try Self.integer(node, as: UInt64.self, path: codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try unbox(node, as: T.self, key: nil) }
}
