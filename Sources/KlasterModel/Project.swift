/// A funded project run for or by a cluster, or mentioned in an article; matched by `id` when merging.
public struct Project: Hashable, Sendable, Codable, SchemaMirroring {
    public enum Fund: String, Hashable, Sendable, Codable, CaseIterable {
        case erdf, esf
        case cohesionFund = "cohesion-fund"
        case eafrd, emff, national, regional, `private`, other
    }

    /// Slug, unique within the record.
    public var id: String
    public var title: LocalizedText
    public var programme: String?
    /// The project's number in its programme.
    public var code: String?
    public var fund: Fund?
    /// The member that received the funding.
    public var beneficiary: MemberID?
    /// Date of the funding decision.
    public var approved: LocalDate?
    public var start: LocalDate?
    public var end: LocalDate?
    public var note: LocalizedText?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, programme, code, fund, beneficiary, approved, start, end, note
    }

    public static var schemaKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    public init(
        id: String, title: LocalizedText, programme: String? = nil, code: String? = nil,
        fund: Fund? = nil, beneficiary: MemberID? = nil, approved: LocalDate? = nil,
        start: LocalDate? = nil, end: LocalDate? = nil, note: LocalizedText? = nil
    ) {
        self.id = id
        self.title = title
        self.programme = programme
        self.code = code
        self.fund = fund
        self.beneficiary = beneficiary
        self.approved = approved
        self.start = start
        self.end = end
        self.note = note
    }
}
