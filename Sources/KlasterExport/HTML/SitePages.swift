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

    /// Context of a record's page (`clusters/okip.html`), read from the packed record where it
    /// lies (no value tree is unpacked).
    func record(_ record: PackedRecord) -> SiteRecordPage {
        let number = links.numbers[RecordKey(kind: record.kind, id: record.id)]
        let root = "../"
        let shapes = links.shapes[record.kind]
        var fields: [TemplateValue] = []
        record.withReader { reader in
            guard case .object(let count) = reader.next() else { return }
            fields.reserveCapacity(count)
            var cursor = 0
            for _ in 0..<count {
                let name = reader.keyBytes()
                let shape = shapes?.node(name, after: &cursor)
                if name.elementsEqual("id".utf8) {
                    reader.skip()
                    continue
                }
                let label = shape?.label ?? self.label(String(decoding: name, as: UTF8.self))
                fields.append(.object(node(&reader, shape: shape, label: label, root: root)))
            }
        }
        return SiteRecordPage(
            kind: record.kind.rawValue,
            kindTitle: SiteText.title(record.kind),
            singular: record.kind.singular,
            id: record.id,
            title: number.map { links.names[$0] } ?? record.id,
            file: record.file,
            fields: fields,
            outgoing: number.map { groups(links.outgoing[$0], root: root, other: \.to) } ?? [],
            incoming: number.map { groups(links.incoming[$0], root: root, other: \.from) } ?? []
        )
    }

    /// Related records grouped by kind, each once, with the fields that link them.
    private func groups(_ list: [SiteLink], root: String, other: (SiteLink) -> Int32) -> [SiteGroup] {
        guard !list.isEmpty else { return [] }
        // By kind (in the store's order), then id; each record's fields in the order of `list`.
        // (Incoming links come sorted so already.)
        let links = self.links
        var entries = list.indices.map { (record: Int(other(list[$0])), at: $0) }
        let inOrder: ((record: Int, at: Int), (record: Int, at: Int)) -> Bool = { a, b in
            a.record == b.record ? a.at < b.at : links.precedes(a.record, b.record)
        }
        if zip(entries, entries.dropFirst()).contains(where: { !inOrder($0, $1) }) { entries.sort(by: inOrder) }
        var groups: [SiteGroup] = []
        var items: [TemplateValue] = []
        var i = 0
        while i < entries.count {
            let record = entries[i].record
            var fields: [Int32] = []
            while i < entries.count, entries[i].record == record {
                let field = list[entries[i].at].field
                if !fields.contains(field) { fields.append(field) }
                i += 1
            }
            var via = ""
            for field in fields {
                if !via.isEmpty { via += ", " }
                via += links.fieldLabels[Int(field)]
            }
            let key = links.keys[record]
            items.append(.object(SiteGroup.Item(href: key.page(from: root), name: links.names[record], id: key.id, via: via)))
            if i == entries.count || links.keys[entries[i].record].kind != key.kind {
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

    /// The value `reader` is at, as a tree for the `value` template: text (maybe a link), a
    /// list, or fields. `shape` is the value's place in the kind's records (`nil` if unknown:
    /// no links then).
    func node(_ reader: inout PackedReader, shape: ShapeNode?, label: String?, root: String) -> SiteValue {
        switch reader.nextKind {
        case .string:
            // Plain text stays bytes (no String is made of it); a reference or a URL becomes one.
            let bytes = reader.stringBytes()
            if shape?.target != nil || Self.mayBeURL(bytes) {
                return textNode(String(decoding: bytes, as: UTF8.self), shape: shape, label: label, root: root)
            }
            let long = Self.isLong(bytes) ?? Self.isLong(String(decoding: bytes, as: UTF8.self))
            return SiteValue(label: label, shape: .plain(Array(bytes), long: long))
        case .array:
            let count = reader.open()
            let item = shape?.item
            var items: [TemplateValue] = []
            items.reserveCapacity(count)
            for _ in 0..<count { items.append(.object(node(&reader, shape: item, label: nil, root: root))) }
            return SiteValue(label: label, shape: .list(items))
        case .object:
            let count = reader.open()
            var fields: [TemplateValue] = []
            fields.reserveCapacity(count)
            var cursor = 0
            for _ in 0..<count {
                let name = reader.keyBytes()
                let child = shape?.node(name, after: &cursor)
                let label = child?.label ?? self.label(String(decoding: name, as: UTF8.self))
                fields.append(.object(node(&reader, shape: child, label: label, root: root)))
            }
            return SiteValue(label: label, shape: .object(fields))
        case .scalar:
            let value = reader.value()
            return SiteValue(label: label, shape: .text(SiteText.scalar(value), href: nil, external: false, long: false))
        }
    }

    /// A text value: a link to the record it refers to, a link out when it is a URL, or text.
    private func textNode(_ text: String, shape: ShapeNode?, label: String?, root: String) -> SiteValue {
        if shape?.target != nil, let target = links.target(shape, text: text) {
            return SiteValue(label: label, shape: .text(target.name, href: target.key.page(from: root), external: false, long: false))
        } else if text.utf8.first == UInt8(ascii: "h"), text.hasPrefix("https://") || text.hasPrefix("http://") {
            return SiteValue(label: label, shape: .text(text, href: text, external: true, long: false))
        }
        return SiteValue(label: label, shape: .text(text, href: nil, external: false, long: Self.isLong(text)))
    }

    /// Whether text may start with `http://` or `https://` (then it is looked at as a String).
    private static func mayBeURL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 7 && bytes[0] == UInt8(ascii: "h") && bytes[1] == UInt8(ascii: "t") && bytes[2] == UInt8(ascii: "t")
            && bytes[3] == UInt8(ascii: "p")
    }

    /// Whether text is shown as a long one: it has a line break (a `\n` that is a character of
    /// its own, not part of `\r\n`) or more than 120 characters (counted only when it has more
    /// than 120 bytes, and only as far as the 121st).
    ///
    /// Characters are grapheme clusters. Text whose scalars are all below U+0300 (no byte of
    /// 0xCC or more: ASCII, Latin, Polish letters) has a character per scalar but for `\r\n`, so
    /// its characters are counted from its bytes; other text is counted by `String`.
    static func isLong(_ text: String) -> Bool {
        let utf8 = text.utf8
        if let long = utf8.withContiguousStorageIfAvailable({ isLong($0) }) {
            if let long { return long }
        } else if text.contains("\n") {
            return true
        }
        // No more than 120 bytes: no more than 120 characters. Else count only up to the 121st.
        guard utf8.count > 120, let last = text.index(text.startIndex, offsetBy: 120, limitedBy: text.endIndex) else { return false }
        return last != text.endIndex
    }

    /// ``isLong(_:)`` of UTF-8 `bytes`, or `nil` when only `String` can count their characters.
    static func isLong(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        var scalars = 0
        var pairs = 0
        var simple = true
        var i = 0
        while i < count {
            // Eight ASCII bytes with no line feed at a time.
            if i &+ 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & ByteWord.highs == 0, !ByteWord.has(0x0A, in: word) {
                    scalars &+= 8
                    i &+= 8
                    continue
                }
            }
            let stop = min(i &+ 8, count)
            while i < stop {
                let byte = base[i]
                if byte == 10 {
                    if i == 0 || base[i - 1] != 13 { return true }
                    pairs &+= 1
                }
                if byte & 0xC0 != 0x80 { scalars &+= 1 }
                if byte >= 0xCC { simple = false }
                i &+= 1
            }
        }
        if count <= 120 { return false }
        return simple ? scalars - pairs > 120 : nil
    }

    /// The columns of a kind's table: a label and the top-level field the cell shows.
    static func columns(_ kind: RecordKind) -> [(label: String, field: String)] {
        allColumns[kind.order]
    }

    private static let allColumns: [[(label: String, field: String)]] = RecordKind.allCases.sorted { $0.order < $1.order }.map { kind in
        switch kind {
        case .clusters:
            [("Name", "name"), ("Short name", "short_name"), ("Type", "cluster_type"), ("Country", "country"),
             ("City", "city"), ("Founded", "founded")]
        case .members:
            [("Name", "name"), ("Type", "org_type"), ("Country", "country"), ("City", "city"), ("Clusters", "memberships")]
        case .agreements:
            [("Title", "title"), ("Type", "agreement_type"), ("Status", "status"), ("Signed", "signed_on"),
             ("Parties", "parties")]
        case .news:
            [("Title", "title"), ("Published", "published"), ("Publisher", "publisher"), ("Language", "lang")]
        }
    }

    /// What a table cell shows of a field: a list's length, or a value.
    private enum Cell {
        case count(Int)
        case value(JSONValue)
    }

    /// One row of a kind's table; the first cell links to the record's page. Only the fields
    /// of the columns are unpacked (a list not even then: its length is enough).
    func row(_ record: PackedRecord) -> SiteRow {
        let key = RecordKey(kind: record.kind, id: record.id)
        let columns = Self.columns(record.kind)
        var found = [Cell?](repeating: nil, count: columns.count)
        record.withReader { reader in
            guard case .object(let count) = reader.next() else { return }
            for _ in 0..<count {
                let name = reader.key()
                // The first column shows the record's name, whatever its field holds; the first
                // member of that name counts, as a lookup by name finds it.
                guard let i = columns.indices.dropFirst().first(where: { columns[$0].field == name }), found[i] == nil else {
                    reader.skip()
                    continue
                }
                if reader.nextKind == .array {
                    let items = reader.open()
                    for _ in 0..<items { reader.skip() }
                    found[i] = .count(items)
                } else {
                    found[i] = .value(reader.value())
                }
            }
        }
        var cells: [SiteRow.Cell] = []
        cells.reserveCapacity(columns.count)
        for i in columns.indices {
            var text: String
            var sort: String
            switch found[i] {
            case .count(let count)?:
                text = String(count)
                sort = String(repeating: "0", count: max(0, 12 - text.count)) + text
            case .value(let value)?:
                text = SiteText.localized(value, languages: dataset.languages) ?? SiteText.scalar(value)
                sort = text
            case nil:
                text = ""
                sort = ""
            }
            if i == 0 {
                text = links.name(key) ?? record.id
                sort = text
            }
            cells.append(SiteRow.Cell(text: text, sort: sort, href: i == 0 ? key.page : nil))
        }
        return SiteRow(cells: cells, id: record.id)
    }
}
