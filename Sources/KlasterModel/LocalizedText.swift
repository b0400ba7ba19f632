/// A text in one or more languages, keyed by ISO 639-1 code: `{pl: Śląski Klaster Multimedialny,
/// en: Silesian Multimedia Cluster}`.
///
/// Mirrors the schemas' `localizedName` and `localizedText` (the latter merged line by line). The
/// schema requires at least one language; ``isEmpty`` tells when a value has none.
public struct LocalizedText: Hashable, Sendable, Codable, SchemaMirroring {
    public var pl: String?
    public var en: String?
    public var de: String?
    public var fr: String?
    public var ru: String?
    public var sv: String?
    public var da: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case pl, en, de, fr, ru, sv, da
    }

    public static var schemaKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    /// The language codes this type can hold, in schema order.
    public static var languages: [String] { schemaKeys }

    public init(
        pl: String? = nil, en: String? = nil, de: String? = nil, fr: String? = nil,
        ru: String? = nil, sv: String? = nil, da: String? = nil
    ) {
        self.pl = pl
        self.en = en
        self.de = de
        self.fr = fr
        self.ru = ru
        self.sv = sv
        self.da = da
    }

    /// The text in `language` (`"pl"`), or `nil` when absent or the code is not supported.
    public subscript(language: String) -> String? {
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

    /// The languages present, in schema order, with their texts.
    public var entries: [(language: String, text: String)] {
        Self.languages.compactMap { code in self[code].map { (code, $0) } }
    }

    /// True when no language is present.
    public var isEmpty: Bool { entries.isEmpty }

    /// The text in the first of `preferred` that is present, else in any language present.
    public func text(preferring preferred: [String] = ["pl", "en"]) -> String? {
        for code in preferred {
            if let text = self[code] { return text }
        }
        return entries.first?.text
    }
}
