/// One role a person holds, as a source states it: `prezes` of OKIP, `przewodnicząca rady Klastra`.
public struct Position: Hashable, Sendable, Codable, SchemaMirroring {
    /// The kind of role, from a fixed list.
    public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
        case president
        case vicePresident = "vice-president"
        case boardMember = "board-member"
        case councilChair = "council-chair"
        case councilMember = "council-member"
        case manager, coordinator, representative, speaker, staff, contact, other
    }

    public var role: Role
    /// The role in the source's words (`{pl: prezes}`).
    public var title: LocalizedText?
    /// The cluster or member the role is held in.
    public var organisation: RecordRef?
    /// Department or unit inside the organisation.
    public var unit: String?
    public var since: LocalDate?
    public var until: LocalDate?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case role, title, organisation, unit, since, until
    }

    public static var schemaKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    public init(
        role: Role, title: LocalizedText? = nil, organisation: RecordRef? = nil, unit: String? = nil,
        since: LocalDate? = nil, until: LocalDate? = nil
    ) {
        self.role = role
        self.title = title
        self.organisation = organisation
        self.unit = unit
        self.since = since
        self.until = until
    }
}
