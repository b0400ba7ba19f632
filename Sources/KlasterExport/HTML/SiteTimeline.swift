import KlasterModel
import KlasterValidation
import Mustache

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
        let entries = dates.map { Entry(key: $0.key, date: $0.date, title: links.names[$0.key] ?? $0.key.id) }
        self.entries = entries.sorted { a, b in
            if a.date.isEmpty != b.date.isEmpty { return !a.date.isEmpty }
            if a.date != b.date { return a.date.utf8.lexicographicallyPrecedes(b.date.utf8) }
            return a.key < b.key
        }
    }

    /// The context of one entry, for pages at the site root.
    static func context(_ entry: Entry) -> Context { Context(entry: entry) }

    /// The `entry` template's context.
    struct Context: MustacheParent {
        var entry: Entry

        func child(named name: String) -> Any? {
            switch name {
            case "date": entry.date.isEmpty ? "undated" : String(entry.date.prefix(10))
            case "datetime": entry.date.isEmpty ? false : entry.date
            case "year": entry.date.isEmpty ? "undated" : String(entry.date.prefix(4))
            case "kind": entry.key.kind.rawValue
            case "kindLabel": entry.key.kind.singular
            case "href": entry.key.page
            case "title": entry.title
            default: nil
            }
        }
    }
}
