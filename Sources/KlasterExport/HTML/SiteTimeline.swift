import KlasterModel
import KlasterValidation
import KlasterTemplates

/// The agreements and news in date order: agreements by `signed_on` (else `valid_from`), news
/// by `published`; records without a date come last.
struct SiteTimeline {
    struct Entry {
        var key: RecordKey
        /// `YYYY-MM-DD` or a longer ISO 8601 date-time; empty when the record has no date.
        var date: String
        var title: String
    }

    let entries: [Entry]

    /// The entries of the records `dates` lists (agreements and news, with their dates).
    init(dates: [(key: RecordKey, date: String)], links: SiteLinks) {
        let entries = dates.map { Entry(key: $0.key, date: $0.date, title: links.name($0.key) ?? $0.key.id) }
        self.entries = entries.sorted { a, b in
            if a.date.isEmpty != b.date.isEmpty { return !a.date.isEmpty }
            if a.date != b.date { return a.date.utf8.lexicographicallyPrecedes(b.date.utf8) }
            return a.key < b.key
        }
    }

    /// The context of one entry, for pages at the site root.
    static func context(_ entry: Entry) -> Context { Context(entry: entry) }

    /// The `entry` template's context.
    final class Context: TemplateObject {
        let entry: Entry

        init(entry: Entry) {
            self.entry = entry
        }

        func value(_ name: String) -> TemplateValue? {
            switch name {
            case "date": .text(entry.date.isEmpty ? "undated" : String(entry.date.prefix(10)))
            case "datetime": entry.date.isEmpty ? .bool(false) : .text(entry.date)
            case "year": .text(entry.date.isEmpty ? "undated" : String(entry.date.prefix(4)))
            case "kind": .text(entry.key.kind.rawValue)
            case "kindLabel": .text(entry.key.kind.singular)
            case "href": .text(entry.key.page)
            case "title": .text(entry.title)
            default: nil
            }
        }
    }
}
