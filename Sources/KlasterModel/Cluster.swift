/// A cluster initiative or cluster organisation: `clusters/<id>.yaml`.
///
/// Many clusters are not legal entities: they are run by a coordinator (a member record), which
/// holds the registry numbers. `identifiers` here is for clusters that are themselves legal entities.
public struct Cluster: Record {
    public static let kind = RecordKind.clusters

    public enum ClusterType: String, Hashable, Sendable, Codable, CaseIterable {
        /// A cluster initiative.
        case cluster
        /// An organisation of clusters.
        case umbrella
        /// An international network of clusters.
        case network
    }

    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case active, inactive, dissolved, unknown
    }

    public var id: ClusterID
    public var name: LocalizedText
    public var shortName: String?
    public var aliases: [String]?
    public var clusterType: ClusterType?
    public var status: Status?
    /// ISO 3166-1 alpha-2.
    public var country: String
    /// ISO 3166-2 (`PL-24`).
    public var region: String?
    public var city: String?
    public var address: Address?
    public var founded: LocalDate?
    public var foundingAgreement: AgreementID?
    /// The member that coordinates or administers the cluster.
    public var coordinator: MemberID?
    public var website: String?
    public var email: String?
    /// E.164 (`+48322000000`).
    public var phone: String?
    public var identifiers: Identifiers?
    public var description: LocalizedText?
    public var vision: LocalizedText?
    public var mission: LocalizedText?
    public var mainObjective: LocalizedText?
    public var objectives: LocalizedList?
    /// `nace2:J`, `nace21:K62`.
    public var sectors: [String]?
    public var ecosystems: [Ecosystem]?
    public var tags: [String]?
    public var people: [Person]?
    public var affiliations: [Affiliation]?
    public var labels: [Label]?
    public var projects: [Project]?
    public var sources: [Source]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name
        case shortName = "short_name"
        case aliases
        case clusterType = "cluster_type"
        case status, country, region, city, address, founded
        case foundingAgreement = "founding_agreement"
        case coordinator, website, email, phone, identifiers, description, vision, mission
        case mainObjective = "main_objective"
        case objectives, sectors, ecosystems, tags, people, affiliations, labels, projects, sources
    }

    public static var schemaKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    /// A cluster with the required fields; set the others as properties.
    public init(id: ClusterID, name: LocalizedText, country: String, sources: [Source]) {
        self.id = id
        self.name = name
        self.country = country
        self.sources = sources
    }
}
