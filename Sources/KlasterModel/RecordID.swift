/// The id of a record of kind `Kind`: an ASCII kebab-case slug of at most 100 characters.
///
/// Typed so that a member's id cannot be passed where a cluster's is expected. Encodes and decodes
/// as the bare string (`okip`); decoding a string that is not a valid id throws a `DecodingError`.
public struct RecordID<Kind: Record>: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The id as written in files and references.
    public let rawValue: String

    /// `nil` unless `rawValue` matches `^[a-z0-9]+(-[a-z0-9]+)*$` and is at most 100 characters.
    public init?(_ rawValue: String) {
        guard RecordIDSyntax.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// The kind this id belongs to.
    public var kind: RecordKind { Kind.kind }

    /// The mixed-kind reference form (`member:rudzki-inkubator-przedsiebiorczosci`).
    public var reference: RecordRef { RecordRef(kind: Kind.kind, id: rawValue) }

    public var description: String { rawValue }

    public static func < (lhs: RecordID, rhs: RecordID) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension RecordID: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = RecordID(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not a valid \(Kind.kind.singular) id "
                    + "(lower-case letters, digits and single hyphens, at most \(RecordIDSyntax.maxLength) characters)"
            )
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The id of a cluster record.
public typealias ClusterID = RecordID<Cluster>
/// The id of a member record.
public typealias MemberID = RecordID<Member>
/// The id of an agreement record.
public typealias AgreementID = RecordID<Agreement>
/// The id of a news record.
public typealias NewsID = RecordID<News>

/// The syntax every record id and embedded slug follows: `^[a-z0-9]+(-[a-z0-9]+)*$`, at most 100
/// characters.
public enum RecordIDSyntax {
    /// The longest id allowed, in characters.
    public static let maxLength = 100

    /// Whether `text` is a valid id (also used for file stems and embedded slugs).
    public static func isValid(_ text: some StringProtocol) -> Bool {
        isValid(bytes: text.utf8)
    }

    /// ``isValid(_:)`` for a `String`, specialised: listing a store checks every file name, and
    /// decoding every id. A native string's bytes are read in place.
    public static func isValid(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { isValid(bytes: $0) } ?? isValid(bytes: text.utf8)
    }

    @inline(__always)
    private static func isValid(bytes: some Collection<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= maxLength else { return false }
        var previousWasHyphen = true  // so that a leading hyphen fails
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-"):
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !previousWasHyphen
    }
}
