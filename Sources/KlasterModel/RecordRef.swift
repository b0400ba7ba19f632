/// A reference to a record of any kind, written `kind:id` with the kind in the singular
/// (`cluster:okip`, `member:uniwersytet-slaski-w-katowicach`, `news:...`).
///
/// Fields whose schema says `x-ref: any` or lists several kinds hold these. Encodes and decodes as
/// the `kind:id` string; anything else throws a `DecodingError`. Which kinds a field allows is the
/// schema's business; this type accepts all four.
public struct RecordRef: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var kind: RecordKind
    /// The target's id (valid by ``RecordIDSyntax``).
    public var id: String

    /// Builds a reference; use a typed ``RecordID`` and its `reference` where you have one.
    public init(kind: RecordKind, id: String) {
        self.kind = kind
        self.id = id
    }

    /// Parses `kind:id`; `nil` when the kind is not one of the four singular names or the id is invalid.
    public init?(parsing text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let name = String(text[..<colon])
        let id = String(text[text.index(after: colon)...])
        guard let kind = RecordKind.allCases.first(where: { $0.singular == name }),
            RecordIDSyntax.isValid(id)
        else { return nil }
        self.init(kind: kind, id: id)
    }

    /// The typed id when the reference points at a record of type `R`, else `nil`.
    public func id<R: Record>(as type: R.Type) -> RecordID<R>? {
        kind == R.kind ? RecordID<R>(id) : nil
    }

    /// The target file relative to the store root (`clusters/okip.yaml`).
    public var relativePath: String { "\(kind.folder)/\(id).yaml" }

    public var description: String { "\(kind.singular):\(id)" }

    public static func < (lhs: RecordRef, rhs: RecordRef) -> Bool { lhs.description < rhs.description }
}

extension RecordRef: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let reference = RecordRef(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not a reference of the form kind:id "
                    + "(cluster:, member:, agreement: or news: followed by an id)"
            )
        }
        self = reference
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
