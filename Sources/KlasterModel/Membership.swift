/// A member's part in one cluster; a member's memberships are matched by `cluster` when merging.
public struct Membership: Hashable, Sendable, Codable, SchemaMirroring {
    public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
        case member
        case foundingMember = "founding-member"
        case coordinator, administrator, initiator, partner, supporter
        case councilMember = "council-member"
    }

    public var cluster: ClusterID
    /// A set when merging; at least one.
    public var roles: [Role]
    public var since: LocalDate?
    public var until: LocalDate?
    /// The agreement by which the member joined.
    public var agreement: AgreementID?
    public var note: LocalizedText?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case cluster, roles, since, until, agreement, note
    }

    public static var schemaKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    public init(
        cluster: ClusterID, roles: [Role], since: LocalDate? = nil, until: LocalDate? = nil,
        agreement: AgreementID? = nil, note: LocalizedText? = nil
    ) {
        self.cluster = cluster
        self.roles = roles
        self.since = since
        self.until = until
        self.agreement = agreement
        self.note = note
    }
}
