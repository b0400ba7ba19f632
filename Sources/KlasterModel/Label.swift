/// A quality label or status a cluster holds: an ESCA Bronze/Silver/Gold label, a Key National
/// Cluster (KKK) status.
public struct Label: Hashable, Sendable, Codable, SchemaMirroring {
    public enum Scheme: String, Hashable, Sendable, Codable, CaseIterable {
        /// European Cluster Excellence labels.
        case esca
        /// Krajowy Klaster Kluczowy (Key National Cluster).
        case kkk
        case other
    }

    public enum Level: String, Hashable, Sendable, Codable, CaseIterable {
        case bronze, silver, gold
    }

    public var scheme: Scheme
    public var level: Level?
    /// The year awarded, when the exact date is not known.
    public var year: Int?
    public var awarded: LocalDate?
    public var validUntil: LocalDate?
    /// Details such as the round or portfolio.
    public var note: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case scheme, level, year, awarded
        case validUntil = "valid_until"
        case note
    }

    public static var schemaKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    public init(
        scheme: Scheme, level: Level? = nil, year: Int? = nil, awarded: LocalDate? = nil,
        validUntil: LocalDate? = nil, note: String? = nil
    ) {
        self.scheme = scheme
        self.level = level
        self.year = year
        self.awarded = awarded
        self.validUntil = validUntil
        self.note = note
    }
}
