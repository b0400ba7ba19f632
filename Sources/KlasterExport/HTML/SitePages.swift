import KlasterModel
import KlasterTemplates
import KlasterValidation

/// The Mustache contexts of the site's pages, built from the dataset and its links.
///
/// Every value a template shows is plain text here; the templates escape it (`{{...}}`). A
/// node of the value tree always holds every key the `value` template asks for, so that
/// Mustache never finds a key of an enclosing node instead.
struct SitePages {
    let dataset: ExportDataset
    let links: SiteLinks

    /// Context of a record's page (`clusters/okip.html`).
    func record(_ record: ExportRecord) -> SiteRecordPage {
        let key = RecordKey(kind: record.kind, id: record.id)
        let root = "../"
        let shapes = links.shapes[record.kind]
        var fields: [TemplateValue] = []
        fields.reserveCapacity(record.fields.entries.count)
        var cursor = 0
        for (name, value) in record.fields.entries {
            let shape = shapes?.member(name, after: &cursor)
            if name == "id" { continue }
            fields.append(.object(node(value, shape: shape, label: shape?.label ?? label(name), root: root)))
        }
        return SiteRecordPage(
            kind: record.kind.rawValue,
            kindTitle: SiteText.title(record.kind),
            singular: record.kind.singular,
            id: record.id,
            title: links.names[key] ?? record.id,
            file: record.file,
            fields: fields,
            outgoing: groups(links.outgoing[key] ?? [], root: root, other: { $0.to }),
            incoming: groups(links.incoming[key] ?? [], root: root, other: { $0.from })
        )
    }

    /// Related records grouped by kind, each once, with the fields that link them.
    private func groups(_ list: [SiteLink], root: String, other: (SiteLink) -> RecordKey) -> [SiteGroup] {
        guard !list.isEmpty else { return [] }
        // By kind (in the store's order), then id; each record's fields in the order of `list`.
        let entries = list.indices.map { (key: other(list[$0]), at: $0) }.sorted { a, b in
            a.key == b.key ? a.at < b.at : a.key < b.key
        }
        var groups: [SiteGroup] = []
        var items: [TemplateValue] = []
        var i = 0
        while i < entries.count {
            let key = entries[i].key
            var fields: [String] = []
            while i < entries.count, entries[i].key == key {
                let field = list[entries[i].at].field
                if !fields.contains(field) { fields.append(field) }
                i += 1
            }
            items.append(
                .object(
                    SiteGroup.Item(
                        href: root + key.page,
                        name: links.names[key] ?? key.id,
                        id: key.id,
                        via: fields.map(label).joined(separator: ", ")
                    )
                )
            )
            if i == entries.count || entries[i].key.kind != key.kind {
                groups.append(SiteGroup(label: SiteText.title(key.kind), kind: key.kind.rawValue, items: items))
                items = []
            }
        }
        return groups
    }

    /// A field name's label, worked out once per name for most names.
    private func label(_ name: String) -> String {
        links.labels[name] ?? SiteText.label(name)
    }

    /// A value as a tree for the `value` template: text (maybe a link), a list, or fields.
    /// `shape` is the value's place in the kind's records (`nil` if unknown: no links then).
    func node(_ value: JSONValue, shape: ShapeNode?, label: String?, root: String) -> SiteValue {
        switch value {
        case .array(let items):
            let item = shape?.item
            return SiteValue(label: label, shape: .list(items.map { .object(self.node($0, shape: item, label: nil, root: root)) }))
        case .object(let object):
            var fields: [TemplateValue] = []
            fields.reserveCapacity(object.count)
            var cursor = 0
            for (name, member) in object.entries {
                let child = shape?.member(name, after: &cursor)
                fields.append(.object(self.node(member, shape: child, label: child?.label ?? self.label(name), root: root)))
            }
            return SiteValue(label: label, shape: .object(fields))
        case .string(let text):
            if shape?.target != nil, let target = links.target(shape, text: text) {
                return SiteValue(label: label, shape: .text(links.names[target] ?? text, href: root + target.page, external: false, long: false))
            } else if text.hasPrefix("https://") || text.hasPrefix("http://") {
                return SiteValue(label: label, shape: .text(text, href: text, external: true, long: false))
            }
            return SiteValue(label: label, shape: .text(text, href: nil, external: false, long: Self.isLong(text)))
        default:
            return SiteValue(label: label, shape: .text(SiteText.scalar(value), href: nil, external: false, long: false))
        }
    }

    /// Whether text is shown as a long one: it has a line break (a `\n` that is a character of
    /// its own, not part of `\r\n`) or more than 120 characters (counted only when it has more
    /// than 120 bytes, and only as far as the 121st).
    static func isLong(_ text: String) -> Bool {
        let utf8 = text.utf8
        if let long = utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == 10, previous != 13 { return true }
                previous = byte
            }
            return false
        }) {
            if long { return true }
        } else if text.contains("\n") {
            return true
        }
        // No more than 120 bytes: no more than 120 characters. Else count only up to the 121st.
        guard utf8.count > 120, let last = text.index(text.startIndex, offsetBy: 120, limitedBy: text.endIndex) else { return false }
        return last != text.endIndex
    }

    /// The columns of a kind's table: a label and how to get the cell from a record.
    static func columns(_ kind: RecordKind) -> [(label: String, path: [String])] {
        switch kind {
        case .clusters:
            [("Name", ["name"]), ("Short name", ["short_name"]), ("Type", ["cluster_type"]), ("Country", ["country"]),
             ("City", ["city"]), ("Founded", ["founded"])]
        case .members:
            [("Name", ["name"]), ("Type", ["org_type"]), ("Country", ["country"]), ("City", ["city"]),
             ("Clusters", ["memberships"])]
        case .agreements:
            [("Title", ["title"]), ("Type", ["agreement_type"]), ("Status", ["status"]), ("Signed", ["signed_on"]),
             ("Parties", ["parties"])]
        case .news:
            [("Title", ["title"]), ("Published", ["published"]), ("Publisher", ["publisher"]), ("Language", ["lang"])]
        }
    }

    /// One row of a kind's table; the first cell links to the record's page.
    func row(_ record: ExportRecord) -> SiteRow {
        let key = RecordKey(kind: record.kind, id: record.id)
        var cells: [SiteRow.Cell] = []
        for (i, column) in Self.columns(record.kind).enumerated() {
            var value: JSONValue? = record.value
            for step in column.path { value = value?.objectValue?[step] }
            var text: String
            var sort: String
            switch value {
            case .array(let items)?:
                text = String(items.count)
                sort = String(repeating: "0", count: max(0, 12 - text.count)) + text
            case let value?:
                text = SiteText.localized(value, languages: dataset.languages) ?? SiteText.scalar(value)
                sort = text
            case nil:
                text = ""
                sort = ""
            }
            if i == 0 { text = links.names[key] ?? record.id }
            if i == 0 { sort = text }
            cells.append(SiteRow.Cell(text: text, sort: sort, href: i == 0 ? key.page : nil))
        }
        return SiteRow(cells: cells, id: record.id)
    }
}
