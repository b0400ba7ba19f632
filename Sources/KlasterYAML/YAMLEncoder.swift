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
///
/// Keys and values live in the box's own arrays, so that adding one mutates them in place.
/// Their run-time exclusivity checks are off (they cost a twentieth of encoding a record): every
/// access is inside one of the box's own short methods, which call no other code while they
/// read or write, so no two accesses can overlap.
final class EncodingBox {
    enum Kind {
        case unset, single, sequence, mapping
    }

    @exclusivity(unchecked) private(set) var kind = Kind.unset
    /// The value of a `.single` box.
    @exclusivity(unchecked) private(set) var single: YAMLNode?
    /// A mapping's keys, in order.
    @exclusivity(unchecked) private(set) var keys: [String] = []
    /// A mapping's values (one per key) or a sequence's items.
    @exclusivity(unchecked) private(set) var slots: [EncodingSlot] = []
    /// Key text to position, built when a mapping grows large.
    @exclusivity(unchecked) private var keyIndex: [String: Int]?

    var node: YAMLNode {
        switch kind {
        case .unset: return YAMLNode.scalar(YAMLScalar("null", tag: EncodingTags.null))
        case .single: return single ?? YAMLNode.scalar(YAMLScalar("null", tag: EncodingTags.null))
        case .sequence: return .sequence(YAMLSequence(slots.map(\.node)))
        case .mapping:
            var entries: [YAMLMapping.Entry] = []
            entries.reserveCapacity(keys.count)
            for (key, value) in zip(keys, slots) {
                entries.append(YAMLMapping.Entry(key: .scalar(YAMLScalar(key)), value: value.node))
            }
            return .mapping(YAMLMapping(entries))
        }
    }

    /// The node of a box holding one finished value; `nil` for any other box.
    var singleNode: YAMLNode? { kind == .single ? single : nil }

    private func reset(to kind: Kind) {
        self.kind = kind
        single = nil
        keys = []
        slots = []
        keyIndex = nil
    }

    /// Makes the box hold one finished value, replacing what it held.
    func setSingle(_ node: YAMLNode) {
        reset(to: .single)
        single = node
    }

    /// Makes the box hold what `other` holds.
    func copyContent(of other: EncodingBox) {
        reset(to: other.kind)
        single = other.single
        keys = other.keys
        slots = other.slots
    }

    /// Room a new collection starts with: records' mappings and lists are mostly this small,
    /// and growing from empty would reallocate three or four times.
    private static let initialCapacity = 8

    /// Makes the content a mapping, keeping one that is already there.
    func becomeMapping() {
        guard kind != .mapping else { return }
        reset(to: .mapping)
        keys.reserveCapacity(Self.initialCapacity)
        slots.reserveCapacity(Self.initialCapacity)
    }

    func becomeSequence() {
        guard kind != .sequence else { return }
        reset(to: .sequence)
        slots.reserveCapacity(Self.initialCapacity)
    }

    /// Sets `key`, replacing an earlier value for it in place.
    func set(_ key: String, _ value: EncodingSlot) {
        guard kind == .mapping else { return }
        if let i = position(of: key) {
            slots[i] = value
        } else {
            keys.append(key)
            slots.append(value)
            keyIndex?[key] = keys.count - 1
        }
    }

    private func position(of key: String) -> Int? {
        if keys.count > 24 {
            if keyIndex == nil {
                keyIndex = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            }
            return keyIndex?[key]
        }
        let length = key.utf8.count
        var i = keys.count - 1
        while i >= 0 {
            if keys[i].utf8.count == length, keys[i] == key { return i }
            i -= 1
        }
        return nil
    }

    func append(_ value: EncodingSlot) {
        guard kind == .sequence else { return }
        slots.append(value)
    }

    var count: Int {
        switch kind {
        case .unset, .single: 0
        case .sequence: slots.count
        case .mapping: keys.count
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
