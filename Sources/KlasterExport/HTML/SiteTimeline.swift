import KlasterModel
import KlasterValidation

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

    init(_ dataset: ExportDataset, links: SiteLinks) {
        var entries: [Entry] = []
        for kind in dataset.kinds where kind == .agreements || kind == .news {
            let fields = kind == .agreements ? ["signed_on", "valid_from"] : ["published"]
            for record in dataset.records(of: kind) {
                let date = fields.lazy.compactMap { record.fields[$0]?.stringValue }.first ?? ""
                let key = RecordKey(kind: kind, id: record.id)
                entries.append(Entry(key: key, date: date, title: links.names[key] ?? record.id))
            }
        }
        self.entries = entries.sorted { a, b in
            if a.date.isEmpty != b.date.isEmpty { return !a.date.isEmpty }
            if a.date != b.date { return a.date.utf8.lexicographicallyPrecedes(b.date.utf8) }
            return a.key < b.key
        }
    }

    /// The context of one entry, for pages at the site root.
    static func context(_ entry: Entry) -> [String: Any] {
        [
            "date": entry.date.isEmpty ? "undated" : String(entry.date.prefix(10)),
            "datetime": entry.date.isEmpty ? false : entry.date,
            "year": entry.date.isEmpty ? "undated" : String(entry.date.prefix(4)),
            "kind": entry.key.kind.rawValue,
            "kindLabel": entry.key.kind.singular,
            "href": entry.key.page,
            "title": entry.title,
        ]
    }
}
