/// Arrays decoded in one pass, into storage of the right size.
///
/// The standard library's `Array.init(from:)` is generic code that the compiler cannot
/// specialize for Klaster's element types, so each of its appends asks the runtime for the
/// array's metadata, and the array grows by doubling. Here the decoder reserves the exact count
/// once and decodes each item as `Array.init(from:)` would: through the array's own decoder,
/// under the item's index, with the same errors.
protocol YAMLDecodableArray {
    static func decodeYAML(from decoder: _YAMLDecoder) throws -> Self
}

extension Array: YAMLDecodableArray where Element: Decodable {
    static func decodeYAML(from decoder: _YAMLDecoder) throws -> [Element] {
        guard case .sequence(let sequence) = decoder.node else {
            throw _YAMLDecoder.mismatch([Int].self, decoder.node, expected: "a list", path: decoder.codingPath)
        }
        var result: [Element] = []
        result.reserveCapacity(sequence.items.count)
        for (index, item) in sequence.items.enumerated() {
            result.append(try decoder.unbox(item, as: Element.self, key: IndexKey(intValue: index)))
        }
        return result
    }
}

extension _YAMLDecoder {
    /// `node`, found under `key`, decoded as the array type `T` by
    /// ``YAMLDecodableArray/decodeYAML(from:)``.
    func unboxArray<A: YAMLDecodableArray, T>(_ node: YAMLNode, _ arrayType: A.Type, as type: T.Type, key: (any CodingKey)?) throws -> T {
        let array = try A.decodeYAML(from: _YAMLDecoder(node: node, parent: self, key: key, userInfo: sendableUserInfo))
        // `A` is `T`, opened from the cast in ``unbox(_:as:key:)``; no `T?` here, whose metadata
        // unspecialized code would look up on every call.
        return unsafeBitCast(array, to: T.self)
    }
}
