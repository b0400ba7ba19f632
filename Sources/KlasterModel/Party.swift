/// One party to an agreement; an agreement's parties are matched by `ref` when merging.
public struct Party: Hashable, Sendable, Codable, SchemaMirroring {
    public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
        case party, initiator, coordinator
        /// The umbrella organisation the other parties belong to.
        case umbrella
    }

    /// The party (`cluster:okip`, `member:...`).
    public var ref: RecordRef
    public var role: Role
    /// The people who signed for this party, matched by `id` when merging.
    public var signatories: [Person]?
    public var note: LocalizedText?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case ref, role, signatories, note
    }

    public static var schemaKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    public init(ref: RecordRef, role: Role, signatories: [Person]? = nil, note: LocalizedText? = nil) {
        self.ref = ref
        self.role = role
        self.signatories = signatories
        self.note = note
    }
}
