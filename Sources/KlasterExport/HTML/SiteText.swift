import KlasterModel
import KlasterValidation

/// The words the site shows for records, fields and kinds.
enum SiteText {
    /// A record's name for people: its `name` or `title` (a plain string, or the first of the
    /// preferred languages of a localised one), else its id.
    static func name(of record: ExportRecord, languages: [String]) -> String {
        let fields = record.fields
        return name(id: record.id, member: { fields[$0] }, languages: languages)
    }

    /// ``name(of:languages:)`` of a packed record.
    static func name(of record: PackedRecord, languages: [String]) -> String {
        name(id: record.id, member: record.member, languages: languages)
    }

    private static func name(id: String, member: (String) -> JSONValue?, languages: [String]) -> String {
        for key in ["name", "title"] {
            if let text = member(key).flatMap({ localized($0, languages: languages) }), !text.isEmpty { return text }
        }
        return id
    }

    /// A string, or the text in the first preferred language (then Polish, English, any) of a
    /// language-keyed object.
    static func localized(_ value: JSONValue, languages: [String]) -> String? {
        switch value {
        case .string(let s): return s
        case .object(let object):
            for language in languages + ["pl", "en"] {
                if let text = object[language]?.stringValue { return text }
            }
            return object.entries.lazy.compactMap { $0.value.stringValue }.first
        default: return nil
        }
    }

    /// A field name as a label: `cluster_type` is "Cluster type"; a language code `pl` is "PL".
    static func label(_ key: String) -> String {
        if key.utf8.count == 2, key.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) {
            return key.uppercased()
        }
        var text = key.replacingUnderscores()
        if let first = text.first { text.replaceSubrange(text.startIndex...text.startIndex, with: first.uppercased()) }
        return text
    }

    /// The kind's title: "Clusters".
    static func title(_ kind: RecordKind) -> String { titles[kind.order] }

    /// Each kind's title, by ``RecordKind/order``: worked out once, not per page.
    private static let titles: [String] = {
        var titles = Array(repeating: "", count: RecordKind.allCases.count)
        for kind in RecordKind.allCases { titles[kind.order] = label(kind.rawValue) }
        return titles
    }()

    /// A scalar's text as the site shows it.
    static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .bool(let b): b ? "yes" : "no"
        case .string(let s): s
        default: value.jsonText()
        }
    }

    /// `text` cut to `limit` characters with an ellipsis.
    static func short(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
