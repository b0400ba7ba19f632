/// Decodes `Decodable` values from YAML, resolving each scalar by the type asked for.
///
/// A `String` takes a scalar's text as written (`0000012345`, `NO` and `+48 32 123` stay
/// strings). `Int`, `Double` and `Bool` accept only YAML 1.2 core forms from plain scalars
/// (`true`/`false`, never `yes`/`no`; `12`, `0x1F`, `0o17`; `1.5`, `1e3`, `.inf`), and a quoted
/// scalar is always a string. A `Date` reads `YYYY-MM-DD` (midnight UTC) or an RFC 3339
/// date-time; a `URL` reads its text. Optional values are `nil` for a missing key or a plain
/// `~`, `null` or empty value.
///
/// Every error is a ``YAMLError`` with the file, the line and column of the offending node (of
/// the mapping, for a missing key) and the coding path in Klaster's notation
/// (`memberships[2].since`).
public struct YAMLDecoder: Sendable {
    public var limits: YAMLLimits
    /// Handed to `Decodable` implementations as the decoder's `userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    public init(limits: YAMLLimits = .default, userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.limits = limits
        self.userInfo = userInfo
    }

    /// Decodes `type` from a document tree.
    public func decode<T: Decodable>(_ type: T.Type, from node: YAMLNode, file: String = "") throws(YAMLError) -> T {
        try decode(type, from: FlatDocument(node, userInfo: userInfo), file: file)
    }

    /// Parses `text` and decodes `type` from it.
    public func decode<T: Decodable>(_ type: T.Type, from text: String, file: String = "") throws(YAMLError) -> T {
        var text = text
        let result = text.withUTF8 { bytes in Result { () throws(YAMLError) -> T in try decode(type, from: bytes, file: file) } }
        return try result.get()
    }

    /// Parses UTF-8 bytes and decodes `type` from them.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], file: String = "") throws(YAMLError) -> T {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(YAMLError) -> T in try decode(type, from: buffer, file: file) }
        }
        return try result.get()
    }

    /// Parses UTF-8 bytes in place and decodes `type` from them: straight from libyaml's events
    /// when the document is an ordinary one, through ``YAMLParser``'s tree (and its errors)
    /// otherwise.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeBufferPointer<UInt8>, file: String = "") throws(YAMLError) -> T {
        if let (nodes, text) = FlatBuilder.build(bytes, limits: limits) {
            return try decode(type, from: FlatDocument(nodes: nodes, text: text, userInfo: userInfo), file: file)
        }
        let root = try YAMLParser(limits: limits).parse(bytes, file: file) ?? Self.emptyDocument
        return try decode(type, from: FlatDocument(root, userInfo: userInfo), file: file)
    }

    private func decode<T: Decodable>(_ type: T.Type, from document: FlatDocument, file: String) throws(YAMLError) -> T {
        do {
            return try _YAMLDecoder(document, 0).unbox(0, as: T.self, key: nil)
        } catch let error as YAMLError {
            var error = error
            if error.file.isEmpty { error.file = file }
            throw error
        } catch let error as DecodingError {
            throw Self.convert(error, document: document, file: file)
        } catch {
            throw YAMLError(.typeMismatch, String(describing: error), file: file, mark: document.nodes[0].mark)
        }
    }

    /// An empty file reads as a null document.
    private static let emptyDocument = YAMLNode.scalar(
        YAMLScalar("", span: Span(start: Mark(offset: 0, line: 1, column: 1), end: Mark(offset: 0, line: 1, column: 1)))
    )

    /// A `DecodingError` as a ``YAMLError``: the one the decoder itself wrapped in it, or, for
    /// errors a `Decodable` type raised, one placed at the node its coding path leads to.
    static func convert(_ error: DecodingError, document: FlatDocument, file: String) -> YAMLError {
        let context: DecodingError.Context
        var code = YAMLError.Code.typeMismatch
        switch error {
        case .typeMismatch(_, let c): context = c
        case .valueNotFound(_, let c): context = c; code = .missingValue
        case .keyNotFound(_, let c): context = c; code = .missingValue
        case .dataCorrupted(let c): context = c
        @unknown default:
            return YAMLError(.typeMismatch, String(describing: error), file: file, mark: document.nodes[0].mark)
        }
        if var wrapped = context.underlyingError as? YAMLError {
            if wrapped.file.isEmpty { wrapped.file = file }
            return wrapped
        }
        let path = YAMLPath(codingPath: context.codingPath)
        let node = document.deepestNode(along: path)
        return YAMLError(code, context.debugDescription, file: file, mark: document.nodes[node].mark, path: path.description)
    }
}

extension YAMLPath {
    /// The path of a Codable coding path: integer keys are sequence indexes.
    init(codingPath: [any CodingKey]) {
        self.init(codingPath.map { key in key.intValue.map(Component.index) ?? .key(key.stringValue) })
    }
}
