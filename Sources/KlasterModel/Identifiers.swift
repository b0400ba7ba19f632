/// Registry numbers of a legal entity, kept as the strings written (leading zeros matter).
///
/// The schema checks their shape; NIP and REGON check digits are checked by the validator. Each
/// value must be unique among the records of its kind (`x-unique`).
public struct Identifiers: Hashable, Sendable, Codable, SchemaMirroring {
    /// Polish tax id, 10 digits.
    public var nip: String?
    /// Polish statistical number, 9 or 14 digits.
    public var regon: String?
    /// National Court Register number, 10 digits zero-padded.
    public var krs: String?
    /// EU VAT number with its country prefix (`PL7740001454`).
    public var vatEU: String?
    /// Legal Entity Identifier (ISO 17442), 20 characters.
    public var lei: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case nip, regon, krs
        case vatEU = "vat_eu"
        case lei
    }

    public static var schemaKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    public init(
        nip: String? = nil, regon: String? = nil, krs: String? = nil, vatEU: String? = nil,
        lei: String? = nil
    ) {
        self.nip = nip
        self.regon = regon
        self.krs = krs
        self.vatEU = vatEU
        self.lei = lei
    }
}
