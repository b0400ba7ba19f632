/// An article about clusters, members or agreements: `news/<id>.yaml`.
///
/// `title` is the headline as published, in the article's language `lang`. `summary` is in our own
/// words; the article's text is not stored.
public struct News: Record {
    public static let kind = RecordKind.news

    public var id: NewsID
    public var title: String
    /// ISO 639-1.
    public var lang: String
    /// The canonical address (absolute http or https).
    public var url: String?
    public var publisher: String?
    public var published: DateOrDateTime?
    public var modified: DateOrDateTime?
    public var authors: [String]?
    public var summary: LocalizedText?
    /// The records the article is about.
    public var about: [RecordRef]?
    public var people: [Person]?
    public var events: [Event]?
    public var projects: [Project]?
    /// ISO 3166-2 codes.
    public var regions: [String]?
    public var tags: [String]?
    /// Other copies of the article, or pages that support its dating.
    public var sources: [Source]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, lang, url, publisher, published, modified, authors, summary, about, people
        case events, projects, regions, tags, sources
    }

    public static var schemaKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    /// A news record with the required fields; set the others as properties.
    public init(id: NewsID, title: String, lang: String) {
        self.id = id
        self.title = title
        self.lang = lang
    }
}
