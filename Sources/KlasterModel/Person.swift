/// A person named in the sources. People are embedded where they are named, not stored as records.
///
/// `id` is the slug of the name (`joanna-sochacka`) and is the same in every record, so lists of
/// people merge by it and exports can gather one person's roles.
public struct Person: Hashable, Sendable, Codable, SchemaMirroring {
    /// Slug of the name; valid by ``RecordIDSyntax``.
    public var id: String
    /// Full name in the nominative.
    public var name: String
    /// Roles held, as stated; a set when merging.
    public var positions: [Position]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, positions
    }

    public static var schemaKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    public init(id: String, name: String, positions: [Position]? = nil) {
        self.id = id
        self.name = name
        self.positions = positions
    }
}
