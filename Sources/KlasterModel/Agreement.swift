/// An agreement between clusters or organisations: `agreements/<id>.yaml`.
///
/// `parties` lists the parties the sources name; `parties_complete` says whether that is all of
/// them, and `unnamed_parties` describes the others.
public struct Agreement: Record {
    public static let kind = RecordKind.agreements

    public enum AgreementType: String, Hashable, Sendable, Codable, CaseIterable {
        /// Umowa partnerstwa.
        case partnershipAgreement = "partnership-agreement"
        case memorandum
        /// Porozumienie o współpracy międzyklastrowej.
        case interClusterCooperation = "inter-cluster-cooperation"
        case letterOfIntent = "letter-of-intent"
        case membershipDeclaration = "membership-declaration"
        case other
    }

    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case signed
        case inForce = "in-force"
        case expired, terminated, unknown
    }

    public enum Confidence: String, Hashable, Sendable, Codable, CaseIterable {
        case high, medium, low
    }

    /// Areas of cooperation, from a fixed list.
    public enum Scope: String, Hashable, Sendable, Codable, CaseIterable {
        case communication
        case jointProjects = "joint-projects"
        case businessCooperation = "business-cooperation"
        case rndCooperation = "rnd-cooperation"
        case competitiveness
        case jointOffers = "joint-offers"
        case researchSupport = "research-support"
        case knowledgeTransfer = "knowledge-transfer"
        case jointResearch = "joint-research"
        case training, seminars, internships, conferences
        case mutualPromotion = "mutual-promotion"
        case coordinationMeetings = "coordination-meetings"
        case officeSpaceAccess = "office-space-access"
        case eventAccess = "event-access"
    }

    public var id: AgreementID
    public var title: LocalizedText
    public var agreementType: AgreementType
    public var status: Status?
    public var signedOn: LocalDate?
    public var place: Place?
    /// At least one.
    public var parties: [Party]
    public var unnamedParties: LocalizedText?
    public var partiesComplete: Bool?
    /// The cluster this agreement founds.
    public var establishes: ClusterID?
    public var purpose: LocalizedText?
    public var scope: [Scope]?
    /// The areas of cooperation in the source's words and order.
    public var scopeText: LocalizedList?
    public var validFrom: LocalDate?
    public var validUntil: LocalDate?
    public var confidence: Confidence?
    public var sources: [Source]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title
        case agreementType = "agreement_type"
        case status
        case signedOn = "signed_on"
        case place, parties
        case unnamedParties = "unnamed_parties"
        case partiesComplete = "parties_complete"
        case establishes, purpose, scope
        case scopeText = "scope_text"
        case validFrom = "valid_from"
        case validUntil = "valid_until"
        case confidence, sources
    }

    public static var schemaKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    /// An agreement with the required fields; set the others as properties.
    public init(
        id: AgreementID, title: LocalizedText, agreementType: AgreementType, parties: [Party],
        sources: [Source]
    ) {
        self.id = id
        self.title = title
        self.agreementType = agreementType
        self.parties = parties
        self.sources = sources
    }
}
