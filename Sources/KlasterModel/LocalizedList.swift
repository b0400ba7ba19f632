/// An ordered list of texts per language: objectives, scope items, in the source's order.
///
/// Mirrors the schemas' `localizedList`. Each language's list is an ordered list when merging.
public struct LocalizedList: Hashable, Sendable, Codable, SchemaMirroring {
    public var pl: [String]?
    public var en: [String]?
    public var de: [String]?
    public var fr: [String]?
    public var ru: [String]?
    public var sv: [String]?
    public var da: [String]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case pl, en, de, fr, ru, sv, da
    }

    public static var schemaKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    public init(
        pl: [String]? = nil, en: [String]? = nil, de: [String]? = nil, fr: [String]? = nil,
        ru: [String]? = nil, sv: [String]? = nil, da: [String]? = nil
    ) {
        self.pl = pl
        self.en = en
        self.de = de
        self.fr = fr
        self.ru = ru
        self.sv = sv
        self.da = da
    }

    /// The list in `language` (`"en"`), or `nil` when absent or the code is not supported.
    public subscript(language: String) -> [String]? {
        switch CodingKeys(rawValue: language) {
        case .pl: pl
        case .en: en
        case .de: de
        case .fr: fr
        case .ru: ru
        case .sv: sv
        case .da: da
        case nil: nil
        }
    }
}
