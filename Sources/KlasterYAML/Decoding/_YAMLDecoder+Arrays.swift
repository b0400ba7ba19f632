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
        let nodes = decoder.document.nodes
        let sequence = nodes[decoder.index]
        guard sequence.kind == .sequence else {
            throw decoder.mismatch([Int].self, decoder.index, expected: "a list", path: decoder.codingPath)
        }
        var result: [Element] = []
        result.reserveCapacity(sequence.count)
        var item = decoder.index + 1
        for position in 0..<sequence.count {
            result.append(try decoder.unbox(item, as: Element.self, key: IndexKey(intValue: position)))
            item = nodes[item].end
        }
        return result
    }
}

extension _YAMLDecoder {
    /// The sequence at `child` decoded as the array type `T` by
    /// ``YAMLDecodableArray/decodeYAML(from:)``.
    func unboxArray<A: YAMLDecodableArray, T>(_ child: Int, _ arrayType: A.Type, as type: T.Type) throws -> T {
        let array = try A.decodeYAML(from: _YAMLDecoder(document, child))
        // `A` is `T`, opened from the cast in ``unbox(_:as:key:)``; no `T?` here, whose metadata
        // unspecialized code would look up on every call.
        return unsafeBitCast(array, to: T.self)
    }
}
