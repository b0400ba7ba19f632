/// A standing relation of a cluster to another cluster or organisation, matched by `ref` when merging.
public struct Affiliation: Hashable, Sendable, Codable, SchemaMirroring {
    /// How the cluster relates to the other party.
    public enum Relation: String, Hashable, Sendable, Codable, CaseIterable {
        /// The other party is this cluster's umbrella organisation.
        case umbrella
        case cooperation
        case businessContact = "business-contact"
        case partner
    }

    /// The other party (`cluster:okip`).
    public var ref: RecordRef
    /// A set when merging; at least one.
    public var relations: [Relation]
    public var since: LocalDate?
    public var until: LocalDate?
    /// The agreement that sets up the relation.
    public var agreement: AgreementID?
    public var note: LocalizedText?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case ref, relations, since, until, agreement, note
    }

    public static var schemaKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    public init(
        ref: RecordRef, relations: [Relation], since: LocalDate? = nil, until: LocalDate? = nil,
        agreement: AgreementID? = nil, note: LocalizedText? = nil
    ) {
        self.ref = ref
        self.relations = relations
        self.since = since
        self.until = until
        self.agreement = agreement
        self.note = note
    }
}
