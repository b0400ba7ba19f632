import Foundation

/// One document laid out for decoding: every node in document order in one array, every
/// scalar's text in one byte buffer.
///
/// A collection's descendants follow it, and each node knows where its subtree ends, so a
/// child is an index and the next sibling is one load away. Decoding a record from this costs
/// two allocations for the whole tree, instead of one per collection and one per long scalar,
/// and a scalar becomes a `String` only when a value asks for one.
@usableFromInline
final class FlatDocument {
    @usableFromInline
    enum Kind: UInt8 {
        case scalar, sequence, mapping
    }

    /// The tags a node can carry: none, one of YAML's core tags, or (in a tree built in memory)
    /// any other.
    @usableFromInline
    enum Tag: UInt8 {
        case none, str, int, float, bool, null, seq, map, merge, other

        static let prefix = "tag:yaml.org,2002:"

        init(_ tag: String?) {
            guard let tag else {
                self = .none
                return
            }
            guard tag.hasPrefix(Self.prefix) else {
                self = .other
                return
            }
            self = Self(coreName: tag.utf8.dropFirst(Self.prefix.utf8.count)) ?? .other
        }

        /// The core tag named by what follows `tag:yaml.org,2002:`.
        init?(coreName name: some Collection<UInt8>) {
            switch String(decoding: name, as: UTF8.self) {
            case "str": self = .str
            case "int": self = .int
            case "float": self = .float
            case "bool": self = .bool
            case "null": self = .null
            case "seq": self = .seq
            case "map": self = .map
            case "merge": self = .merge
            default: return nil
            }
        }
    }

    @usableFromInline
    struct Node {
        @usableFromInline var kind: Kind
        @usableFromInline var style: ScalarStyle
        @usableFromInline var tag: Tag
        /// Mapping keys: whether the text is all ASCII (so bytes compare as strings do).
        var isASCII: Bool
        /// Mapping keys: ``FlatDocument/hash(_:)`` of the text.
        var hash: UInt32 = 0
        /// Sequences: items; mappings: entries; scalars: bytes of text.
        @usableFromInline var count: Int
        /// The index just past the node and its descendants.
        @usableFromInline var end: Int
        /// Scalars: where the text starts in ``FlatDocument/text``.
        @usableFromInline var text: Int
        /// Mappings: one bit per key, `1 << (hash % 64)`, so that most absent keys are known
        /// absent without a scan; all bits for a mapping with a key that is not ASCII.
        var keyBits: UInt64 = 0
        /// Where the node starts in the file (all zero for a node built in memory).
        @usableFromInline var offset: Int
        @usableFromInline var line: Int
        @usableFromInline var column: Int

        var mark: Mark? {
            line == 0 && column == 0 ? nil : Mark(offset: offset, line: line, column: column)
        }
    }

    @usableFromInline let nodes: [Node]
    /// The scalars' text, owned.
    @usableFromInline let text: UnsafeMutablePointer<UInt8>
    let userInfo: [CodingUserInfoKey: any Sendable]
    /// The coding path above the root (for a stand-in document, ``absent(at:path:userInfo:)``).
    let pathPrefix: [any CodingKey]
    /// Per mapping, the index of the key at which the next lookup starts.
    private let hints: UnsafeMutablePointer<Int>

    /// A document of `nodes` that takes over `text`.
    init(nodes: [Node], text: TextBuffer, userInfo: [CodingUserInfoKey: any Sendable], pathPrefix: [any CodingKey] = []) {
        self.nodes = nodes
        self.text = text.base
        self.userInfo = userInfo
        self.pathPrefix = pathPrefix
        hints = .allocate(capacity: max(nodes.count, 1))
        hints.initialize(repeating: 0, count: max(nodes.count, 1))
    }

    deinit {
        hints.deallocate()
        text.deallocate()
    }

    /// A one-node document standing for a key that is absent: a null at `mark`, under `path`.
    static func absent(at mark: Mark?, path: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable]) -> FlatDocument {
        let node = Node(
            kind: .scalar, style: .plain, tag: .none, isASCII: true, count: 0, end: 1, text: 0,
            offset: mark?.offset ?? 0, line: mark?.line ?? 0, column: mark?.column ?? 0
        )
        return FlatDocument(nodes: [node], text: TextBuffer(capacity: 0), userInfo: userInfo, pathPrefix: path)
    }

    // MARK: - Scalar text

    /// Calls `body` with the text of the scalar at `index`.
    @inline(__always)
    func withText<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let node = nodes[index]
        return try body(UnsafeBufferPointer(start: text + node.text, count: node.count))
    }

    func string(_ index: Int) -> String {
        withText(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// True for a plain scalar YAML 1.2's core schema reads as null (`~`, `null`, empty), untagged
    /// or tagged `!!null`.
    func isNull(_ index: Int) -> Bool {
        let node = nodes[index]
        guard node.kind == .scalar, node.style == .plain, node.tag == .none || node.tag == .null else { return false }
        return withText(index) { Self.isCoreNull($0) }
    }

    static func isCoreNull(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        switch b.count {
        case 0: return true
        case 1: return b[0] == UInt8(ascii: "~")
        case 4:
            let n = UInt8(ascii: "n"), u = UInt8(ascii: "u"), l = UInt8(ascii: "l")
            let upperN = UInt8(ascii: "N"), upperU = UInt8(ascii: "U"), upperL = UInt8(ascii: "L")
            if (b[0] == n || b[0] == upperN) && b[1] == u && b[2] == l && b[3] == l { return true }
            return b[0] == upperN && b[1] == upperU && b[2] == upperL && b[3] == upperL
        default: return false
        }
    }

    /// An empty plain untagged scalar: a null that no string may be read from.
    func isEmptyPlain(_ index: Int) -> Bool {
        let node = nodes[index]
        return node.kind == .scalar && node.count == 0 && node.style == .plain && node.tag == .none
    }

    // MARK: - Structure

    /// The value of the entry with key `name` in the mapping at `mapping`, searching from where
    /// the previous lookup in that mapping succeeded (so fields read in written order cost one
    /// comparison each).
    func value(in mapping: Int, forKey name: UnsafeBufferPointer<UInt8>) -> Int? {
        let (nameHash, nameIsASCII) = Self.hash(name)
        return nodes.withUnsafeBufferPointer { nodes in
            let map = nodes[mapping]
            if nameIsASCII && map.keyBits & Self.keyBit(nameHash) == 0 { return nil }
            let first = mapping + 1
            var key = hints[mapping] == 0 ? first : hints[mapping]
            for _ in 0..<map.count {
                if key >= map.end { key = first }
                let node = nodes[key]
                let value = node.end
                var found = false
                if node.kind == .scalar {
                    if node.isASCII && nameIsASCII {
                        found = node.hash == nameHash && node.count == name.count
                            && (name.isEmpty || memcmp(text + node.text, name.baseAddress!, name.count) == 0)
                    } else {
                        // Strings compare by canonical equivalence, which bytes settle only for ASCII.
                        found = equivalent(key, name)
                    }
                }
                if found {
                    hints[mapping] = nodes[value].end
                    return value
                }
                key = nodes[value].end
            }
            return nil
        }
    }

    /// FNV-1a of `bytes`, and whether they are all ASCII.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: UInt32, isASCII: Bool) {
        var hash: UInt32 = 2_166_136_261
        var high: UInt8 = 0
        for byte in bytes {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
            high |= byte
        }
        return (hash, high < 0x80)
    }

    @inline(__always)
    static func keyBit(_ hash: UInt32) -> UInt64 { 1 << UInt64(hash & 63) }

    /// Whether the scalar at `index` and `name` are equal as strings (canonically equivalent).
    private func equivalent(_ index: Int, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        nodes[index].kind == .scalar && string(index) == String(decoding: name, as: UTF8.self)
    }

    /// The keys and values of the mapping at `mapping`, in document order.
    func entries(of mapping: Int) -> [(key: Int, value: Int)] {
        var result: [(key: Int, value: Int)] = []
        result.reserveCapacity(nodes[mapping].count)
        var key = mapping + 1
        while key < nodes[mapping].end {
            let value = nodes[key].end
            result.append((key, value))
            key = nodes[value].end
        }
        return result
    }

    /// The coding path from the root to the node at `target`.
    func codingPath(to target: Int) -> [any CodingKey] {
        var path = pathPrefix
        var node = 0
        descent: while node != target {
            switch nodes[node].kind {
            case .scalar:
                break descent
            case .mapping:
                for (key, value) in entries(of: node) where value <= target && target < nodes[value].end {
                    path.append(TextKey(stringValue: nodes[key].kind == .scalar ? string(key) : ""))
                    node = value
                    continue descent
                }
                break descent
            case .sequence:
                var item = node + 1
                var position = 0
                while item < nodes[node].end {
                    if target < nodes[item].end {
                        path.append(IndexKey(intValue: position))
                        node = item
                        continue descent
                    }
                    item = nodes[item].end
                    position += 1
                }
                break descent
            }
        }
        return path
    }

    /// The node at `path` below the root, or the last one that exists on the way to it.
    func deepestNode(along path: YAMLPath) -> Int {
        var node = 0
        for component in path.components {
            switch (component, nodes[node].kind) {
            case (.key(let name), .mapping):
                var name = name
                guard let value = name.withUTF8({ value(in: node, forKey: $0) }) else { return node }
                node = value
            case (.index(let position), .sequence) where position >= 0 && position < nodes[node].count:
                var item = node + 1
                for _ in 0..<position { item = nodes[item].end }
                node = item
            default:
                return node
            }
        }
        return node
    }
}

/// A mapping key in a coding path rebuilt from the document.
struct TextKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
