/// Encodes `Encodable` values as YAML, through a ``YAMLNode`` tree and ``YAMLEmitter``.
///
/// Keys come out in the order the value encodes them (the declaration order, for synthesized
/// conformances), except that `[String: V]` dictionaries are sorted by key so that output is
/// stable. `nil` optionals are left out. Strings are written plain when that is safe and quoted
/// otherwise (see ``YAMLEmitter``); numbers, booleans and `null` are plain; a `Date` is an RFC
/// 3339 date-time in UTC (`2013-01-15T00:00:00Z`); a `URL` is its text.
public struct YAMLEncoder: Sendable {
    /// Handed to `Encodable` implementations as the encoder's `userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    public init(userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.userInfo = userInfo
    }

    /// The YAML document for `value`.
    public func encode<T: Encodable>(_ value: T) throws(YAMLError) -> String {
        try YAMLEmitter().emit(encodeNode(value))
    }

    /// The document tree for `value`, for callers that edit or merge trees before writing.
    public func encodeNode<T: Encodable>(_ value: T) throws(YAMLError) -> YAMLNode {
        let encoder = _YAMLEncoder(parent: nil, key: nil, userInfo: userInfo)
        do {
            return try encoder.slot(for: value, key: nil).node
        } catch let error as YAMLError {
            throw error
        } catch let error as EncodingError {
            guard case .invalidValue(_, let context) = error else {
                throw YAMLError(.emit, String(describing: error))
            }
            if let wrapped = context.underlyingError as? YAMLError { throw wrapped }
            throw YAMLError(.emit, context.debugDescription, path: YAMLPath(codingPath: context.codingPath).description)
        } catch {
            throw YAMLError(.emit, String(describing: error))
        }
    }
}

/// A value being encoded: a finished node, or a collection still being filled.
enum EncodingSlot {
    case node(YAMLNode)
    case box(EncodingBox)

    var node: YAMLNode {
        switch self {
        case .node(let node): node
        case .box(let box): box.node
        }
    }
}

/// A sequence or mapping under construction, shared by the containers that write into it.
final class EncodingBox {
    enum Content {
        case unset
        case single(YAMLNode)
        case sequence([EncodingSlot])
        case mapping(keys: [String], values: [EncodingSlot])
    }

    var content: Content = .unset
    /// Key text to position, built when a mapping grows large.
    private var keyIndex: [String: Int]?

    var node: YAMLNode {
        switch content {
        case .unset: return YAMLNode.scalar(YAMLScalar("null", tag: EncodingTags.null))
        case .single(let node): return node
        case .sequence(let items): return .sequence(YAMLSequence(items.map(\.node)))
        case .mapping(let keys, let values):
            var entries: [YAMLMapping.Entry] = []
            entries.reserveCapacity(keys.count)
            for (key, value) in zip(keys, values) {
                entries.append(YAMLMapping.Entry(key: .scalar(YAMLScalar(key)), value: value.node))
            }
            return .mapping(YAMLMapping(entries))
        }
    }

    /// Makes the content a mapping, keeping one that is already there.
    func becomeMapping() {
        if case .mapping = content { return }
        content = .mapping(keys: [], values: [])
    }

    func becomeSequence() {
        if case .sequence = content { return }
        content = .sequence([])
    }

    /// Sets `key`, replacing an earlier value for it in place.
    func set(_ key: String, _ value: EncodingSlot) {
        guard case .mapping(var keys, var values) = content else { return }
        content = .unset
        if let i = position(of: key, in: keys) {
            values[i] = value
        } else {
            keys.append(key)
            values.append(value)
            keyIndex?[key] = keys.count - 1
        }
        content = .mapping(keys: keys, values: values)
    }

    private func position(of key: String, in keys: [String]) -> Int? {
        if keys.count > 24 {
            if keyIndex == nil {
                keyIndex = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            }
            return keyIndex?[key]
        }
        return keys.lastIndex(of: key)
    }

    func append(_ value: EncodingSlot) {
        guard case .sequence(var items) = content else { return }
        content = .unset
        items.append(value)
        content = .sequence(items)
    }

    var count: Int {
        switch content {
        case .unset, .single: 0
        case .sequence(let items): items.count
        case .mapping(let keys, _): keys.count
        }
    }
}

/// The tags the encoder puts on scalars that are not strings; the emitter leaves them implicit.
enum EncodingTags {
    static let null = "tag:yaml.org,2002:null"
    static let bool = "tag:yaml.org,2002:bool"
    static let int = "tag:yaml.org,2002:int"
    static let float = "tag:yaml.org,2002:float"
    static let timestamp = "tag:yaml.org,2002:timestamp"
}
