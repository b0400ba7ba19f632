/// Where a record's facts come from: a web page (`url`), a news record of the store (`news`), or both.
///
/// The schema requires at least one of the two. Sources are compared whole when merging.
public struct Source: Hashable, Sendable, Codable, SchemaMirroring {
    /// A news record that states the facts.
    public var news: NewsID?
    /// Address of a page that states the facts (absolute http or https).
    public var url: String?
    public var title: String?
    public var publisher: String?
    /// ISO 639-1 code of the source's language.
    public var lang: String?
    public var published: LocalDate?
    /// When the page was read.
    public var retrieved: LocalDate?
    /// What the source supports, or caveats.
    public var note: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case news, url, title, publisher, lang, published, retrieved, note
    }

    public static var schemaKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    public init(
        news: NewsID? = nil, url: String? = nil, title: String? = nil, publisher: String? = nil,
        lang: String? = nil, published: LocalDate? = nil, retrieved: LocalDate? = nil,
        note: String? = nil
    ) {
        self.news = news
        self.url = url
        self.title = title
        self.publisher = publisher
        self.lang = lang
        self.published = published
        self.retrieved = retrieved
        self.note = note
    }
}
