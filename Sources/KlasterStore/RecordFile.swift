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
        if lhs.kind != rhs.kind {
            return RecordKind.allCases.firstIndex(of: lhs.kind)! < RecordKind.allCases.firstIndex(of: rhs.kind)!
        }
        return lhs.id.utf8.lexicographicallyPrecedes(rhs.id.utf8)
    }

    public var description: String { relativePath }

    /// Whether `id` is a valid record id: `^[a-z0-9]+(-[a-z0-9]+)*$`, at most 100 characters.
    public static func isValidID(_ id: String) -> Bool {
        let bytes = id.utf8
        guard !bytes.isEmpty, bytes.count <= 100 else { return false }
        var previousDash = true
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousDash = false
            case UInt8(ascii: "-"):
                if previousDash { return false }
                previousDash = true
            default:
                return false
            }
        }
        return !previousDash
    }
}
