/// A postal address. The schema requires a `NN-NNN` postcode when the country is `PL`.
public struct Address: Hashable, Sendable, Codable, SchemaMirroring {
    public var street: String?
    public var postalCode: String?
    public var city: String?
    /// ISO 3166-2 code (`PL-24`).
    public var region: String?
    /// ISO 3166-1 alpha-2 code (`PL`).
    public var country: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case street
        case postalCode = "postal_code"
        case city, region, country
    }

    public static var schemaKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    public init(
        street: String? = nil, postalCode: String? = nil, city: String? = nil, region: String? = nil,
        country: String
    ) {
        self.street = street
        self.postalCode = postalCode
        self.city = city
        self.region = region
        self.country = country
    }
}
