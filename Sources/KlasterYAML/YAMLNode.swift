/// A node of a YAML document tree, as read from a file (with spans) or built in memory.
///
/// Scalars keep the text exactly as the document spells it (after YAML's own unescaping and
/// folding); what that text means (a string, a number, a date) is decided by whoever reads it,
/// by the type it expects. Mappings keep their keys in document order.
public enum YAMLNode: Hashable, Sendable {
    case scalar(YAMLScalar)
    case sequence(YAMLSequence)
    case mapping(YAMLMapping)

    /// Where the node was read from.
    public var span: Span {
        switch self {
        case .scalar(let s): s.span
        case .sequence(let s): s.span
        case .mapping(let m): m.span
        }
    }

    /// The node's explicit tag, resolved to its full form (`tag:yaml.org,2002:str`), if it has one.
    public var tag: String? {
        switch self {
        case .scalar(let s): s.tag
        case .sequence(let s): s.tag
        case .mapping(let m): m.tag
        }
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let s) = self { return s }
        return nil
    }

    public var sequence: YAMLSequence? {
        if case .sequence(let s) = self { return s }
        return nil
    }

    public var mapping: YAMLMapping? {
        if case .mapping(let m) = self { return m }
        return nil
    }

    /// A plain (unquoted) scalar's text that YAML 1.2's core schema reads as null (`~`, `null`, empty).
    public var isNull: Bool {
        guard case .scalar(let s) = self, s.style == .plain, s.tag == nil else { return false }
        return s.isCoreNull
    }
}

/// How a scalar is written in the source.
public enum ScalarStyle: Hashable, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// How a sequence or mapping is written in the source.
public enum CollectionStyle: Hashable, Sendable {
    case block, flow
}

public struct YAMLScalar: Hashable, Sendable {
    /// The scalar's content, after unescaping and folding.
    public var value: String
    public var style: ScalarStyle
    public var tag: String?
    public var span: Span

    public init(_ value: String, style: ScalarStyle = .plain, tag: String? = nil, span: Span = .none) {
        self.value = value
        self.style = style
        self.tag = tag
        self.span = span
    }

    /// True for the plain forms YAML 1.2's core schema reads as null.
    public var isCoreNull: Bool {
        switch value {
        case "", "~", "null", "Null", "NULL": true
        default: false
        }
    }
}

public struct YAMLSequence: Hashable, Sendable {
    public var items: [YAMLNode]
    public var style: CollectionStyle
    public var tag: String?
    public var span: Span

    public init(_ items: [YAMLNode], style: CollectionStyle = .block, tag: String? = nil, span: Span = .none) {
        self.items = items
        self.style = style
        self.tag = tag
        self.span = span
    }
}

public struct YAMLMapping: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var key: YAMLNode
        public var value: YAMLNode
        /// True when the entry came in through a `<<` merge key rather than being written here.
        public var isMerged: Bool

        public init(key: YAMLNode, value: YAMLNode, isMerged: Bool = false) {
            self.key = key
            self.value = value
            self.isMerged = isMerged
        }

        /// The key's text when the key is a scalar.
        public var keyText: String? { key.scalar?.value }
    }

    public var entries: [Entry]
    public var style: CollectionStyle
    public var tag: String?
    public var span: Span

    public init(_ entries: [Entry], style: CollectionStyle = .block, tag: String? = nil, span: Span = .none) {
        self.entries = entries
        self.style = style
        self.tag = tag
        self.span = span
    }

    /// The value for a scalar key, if present.
    public subscript(key: String) -> YAMLNode? {
        for entry in entries where entry.key.scalar?.value == key {
            return entry.value
        }
        return nil
    }

    /// The entry for a scalar key, if present.
    public func entry(forKey key: String) -> Entry? {
        entries.first { $0.key.scalar?.value == key }
    }
}
