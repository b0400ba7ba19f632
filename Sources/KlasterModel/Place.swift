/// Where something happened, as precisely as the source says: a venue, a city, a region, a country.
public struct Place: Hashable, Sendable, Codable, SchemaMirroring {
    /// Building or venue (`Hotel Dąbrówka`).
    public var venue: String?
    public var city: String?
    /// ISO 3166-2 code (`PL-24`).
    public var region: String?
    /// ISO 3166-1 alpha-2 code (`PL`).
    public var country: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case venue, city, region, country
    }

    public static var schemaKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    public init(venue: String? = nil, city: String? = nil, region: String? = nil, country: String) {
        self.venue = venue
        self.city = city
        self.region = region
        self.country = country
    }
}
