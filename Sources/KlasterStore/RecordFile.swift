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
        let folder = kind.folder
        var relative = ""
        relative.reserveCapacity(folder.utf8.count + id.utf8.count + 6)
        relative += folder
        relative += "/"
        relative += id
        relative += ".yaml"
        var absolute = ""
        absolute.reserveCapacity(root.utf8.count + 1 + relative.utf8.count)
        absolute += root
        absolute += "/"
        absolute += relative
        self.relativePath = relative
        self.absolutePath = absolute
    }

    /// `clusters/okip`, the form commands take.
    public var reference: String { "\(kind.rawValue)/\(id)" }

    public static func < (lhs: RecordFile, rhs: RecordFile) -> Bool {
        if lhs.kind != rhs.kind { return lhs.kind.order < rhs.kind.order }
        return lhs.id.utf8.lexicographicallyPrecedes(rhs.id.utf8)
    }

    public var description: String { relativePath }
}
