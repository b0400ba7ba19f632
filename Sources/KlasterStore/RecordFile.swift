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
        self.relativePath = "\(kind.folder)/\(id).yaml"
        self.absolutePath = root + "/" + relativePath
    }

    /// `clusters/okip`, the form commands take.
    public var reference: String { "\(kind.rawValue)/\(id)" }

    public static func < (lhs: RecordFile, rhs: RecordFile) -> Bool {
        if lhs.kind != rhs.kind { return lhs.kind.order < rhs.kind.order }
        return lhs.id.utf8.lexicographicallyPrecedes(rhs.id.utf8)
    }

    public var description: String { relativePath }
}
