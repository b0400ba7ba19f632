/// An organisation that belongs to, runs or works with a cluster: `members/<id>.yaml`.
public struct Member: Record {
    public static let kind = RecordKind.members

    public enum OrganisationType: String, Hashable, Sendable, Codable, CaseIterable {
        case company, university
        case researchInstitute = "research-institute"
        case chamber, incubator
        case publicBody = "public-body"
        case association
        case clusterOrganisation = "cluster-organisation"
        case ngo, other
    }

    public var id: MemberID
    public var name: LocalizedText
    public var shortName: String?
    public var aliases: [String]?
    public var orgType: OrganisationType
    /// As written in the register (`sp. z o.o.`).
    public var legalForm: String?
    /// The organisation this one is a unit of.
    public var parent: MemberID?
    /// ISO 3166-1 alpha-2.
    public var country: String
    /// ISO 3166-2 (`PL-24`).
    public var region: String?
    public var city: String?
    public var address: Address?
    public var identifiers: Identifiers?
    public var website: String?
    public var email: String?
    /// E.164 (`+48322000000`).
    public var phone: String?
    public var description: LocalizedText?
    public var sectors: [String]?
    public var tags: [String]?
    public var memberships: [Membership]?
    public var people: [Person]?
    public var sources: [Source]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name
        case shortName = "short_name"
        case aliases
        case orgType = "org_type"
        case legalForm = "legal_form"
        case parent, country, region, city, address, identifiers, website, email, phone, description
        case sectors, tags, memberships, people, sources
    }

    public static var schemaKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    /// A member with the required fields; set the others as properties.
    public init(id: MemberID, name: LocalizedText, orgType: OrganisationType, country: String, sources: [Source]) {
        self.id = id
        self.name = name
        self.orgType = orgType
        self.country = country
        self.sources = sources
    }
}
