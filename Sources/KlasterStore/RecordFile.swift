public import KlasterModel

/// One record file of a store: its kind, its id (the file stem) and where it is.
public struct RecordFile: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var kind: RecordKind
    public var id: String
    /// Relative to the store root: `clusters/okip.yaml`.
    public var relativePath: String
    public var absolutePath: String

    public init(kind: RecordKind, id: String, root: String) {
        self.kind = kind
        self.id = id
        // Each path is written once into its final storage: a store lists every file this way.
        let relative = Self.joined([kind.folder, "/", id, ".yaml"])
        self.relativePath = relative
        self.absolutePath = Self.joined([root, "/", relative])
    }

    /// The texts one after the other, as one string.
    private static func joined(_ parts: [String]) -> String {
        var count = 0
        for part in parts { count += part.utf8.count }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var at = 0
            for var part in parts {
                part.withUTF8 { bytes in
                    if let source = bytes.baseAddress, !bytes.isEmpty {
                        (buffer.baseAddress! + at).initialize(from: source, count: bytes.count)
                    }
                    at += bytes.count
                }
            }
            return at
        }
    }

    /// `clusters/okip`, the form commands take.
    public var reference: String { "\(kind.rawValue)/\(id)" }

    public static func < (lhs: RecordFile, rhs: RecordFile) -> Bool {
        if lhs.kind != rhs.kind { return lhs.kind.order < rhs.kind.order }
        return lhs.id.utf8.lexicographicallyPrecedes(rhs.id.utf8)
    }

    public var description: String { relativePath }
}
