import KlasterModel
import KlasterStore
import KlasterValidation
import KlasterYAML

/// A record's place in the site: kind and id.
struct RecordKey: Hashable, Sendable, Comparable {
    var kind: RecordKind
    var id: String

    /// The page's path from the site root: `clusters/okip.html`.
    var page: String { "\(kind.folder)/\(id).html" }

    static func < (a: RecordKey, b: RecordKey) -> Bool {
        let ka = RecordKind.allCases.firstIndex(of: a.kind)!
        let kb = RecordKind.allCases.firstIndex(of: b.kind)!
        return ka != kb ? ka < kb : a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
    }
}

/// One reference between two records, and the field it is made in (`memberships`).
struct SiteLink: Hashable, Sendable {
    var from: RecordKey
    var to: RecordKey
    /// The top-level field of `from` that holds the reference.
    var field: String
}

/// Every reference the records make to each other, both ways, and their display names: what
/// the pages need to link records in both directions.
struct SiteLinks: Sendable {
    /// For each kind, the `x-ref` fields by shape path (`memberships/[]/cluster`).
    let refFields: [RecordKind: [String: SchemaRefTarget]]
    let outgoing: [RecordKey: [SiteLink]]
    let incoming: [RecordKey: [SiteLink]]
    /// Each record's display name.
    let names: [RecordKey: String]
    /// The label of each field name the records' text is under (see ``SiteText/label(_:)``).
    let labels: [String: String]

    /// Reads every record of `dataset` once, a chunk at a time, keeping only names,
    /// references and the dates of agreements and news (`dates`, in record order).
    init(
        _ dataset: ExportDataset,
        dates: inout [(key: RecordKey, date: String)],
        progress: (Int) -> Void
    ) throws(ExportError) {
        var fields: [RecordKind: [String: SchemaRefTarget]] = [:]
        var names: [RecordKey: String] = [:]
        var labels: [String: String] = [:]
        var found: [SiteLink] = []
        let languages = dataset.languages
        for kind in dataset.kinds {
            var shapes = ShapeIndex(schema: dataset.schemas[kind])
            let dateFields = kind == .agreements ? ["signed_on", "valid_from"] : kind == .news ? ["published"] : []
            try dataset.forEachChunk(of: kind, size: 2048, map: { $0 }) { (records: [ExportRecord]) throws(ExportError) in
                let summaries = parallelMap(records, chunk: 16) { record -> (name: String, shapes: Set<String>) in
                    var found: Set<String> = []
                    Self.walk(record.value, shape: "", field: nil) { shape, _, _ in found.insert(shape) }
                    return (SiteText.name(of: record, languages: languages), found)
                }
                for (record, summary) in zip(records, summaries) {
                    let key = RecordKey(kind: kind, id: record.id)
                    names[key] = summary.name
                    shapes.add(summary.shapes)
                    if !dateFields.isEmpty {
                        dates.append((key, dateFields.lazy.compactMap { record.fields[$0]?.stringValue }.first ?? ""))
                    }
                }
                let refs = shapes.refs
                if !refs.isEmpty {
                    for links in parallelMap(records, chunk: 16, { Self.links(of: $0, refs: refs) }) { found += links }
                }
                progress(records.count)
            }
            fields[kind] = shapes.refs
            for key in shapes.keys where labels[key] == nil { labels[key] = SiteText.label(key) }
        }
        var outgoing: [RecordKey: [SiteLink]] = [:]
        var incoming: [RecordKey: [SiteLink]] = [:]
        for link in found where names[link.to] != nil {
            outgoing[link.from, default: []].append(link)
            incoming[link.to, default: []].append(link)
        }
        self.refFields = fields
        self.outgoing = outgoing
        self.incoming = incoming.mapValues { $0.sorted { ($0.from, $0.field) < ($1.from, $1.field) } }
        self.names = names
        self.labels = labels
    }

    /// The references `record` makes through the `x-ref` fields `refs`, each once.
    private static func links(of record: ExportRecord, refs: [String: SchemaRefTarget]) -> [SiteLink] {
        var links: [SiteLink] = []
        var seen: Set<SiteLink> = []
        let from = RecordKey(kind: record.kind, id: record.id)
        walk(record.value, shape: "", field: nil) { shape, field, text in
            guard let target = refs[shape]?.resolve(text) else { return }
            let link = SiteLink(from: from, to: RecordKey(kind: target.kind, id: target.id), field: field)
            if link.to != from, seen.insert(link).inserted { links.append(link) }
        }
        return links
    }

    /// The record a string at `shape` in a record of `kind` refers to, when it exists.
    func target(kind: RecordKind, shape: String, text: String) -> RecordKey? {
        guard let resolved = refFields[kind]?[shape]?.resolve(text) else { return nil }
        let key = RecordKey(kind: resolved.kind, id: resolved.id)
        return names[key] == nil ? nil : key
    }

    /// Calls `body` with every string in `value`: its shape path (keys, `[]` for items), the
    /// top-level field it is under, and its text.
    static func walk(_ value: JSONValue, shape: String, field: String?, _ body: (String, String, String) -> Void) {
        switch value {
        case .string(let text):
            if let field { body(shape, field, text) }
        case .array(let items):
            for item in items { walk(item, shape: shape + "/[]", field: field, body) }
        case .object(let object):
            for (key, member) in object.entries {
                walk(member, shape: shape.isEmpty ? key : shape + "/" + key, field: field ?? key, body)
            }
        default:
            return
        }
    }

    /// The string places of a kind's records seen so far, and which of them are `x-ref` fields.
    private struct ShapeIndex {
        let schema: JSONSchema?
        private var seen: Set<String> = []
        private(set) var refs: [String: SchemaRefTarget] = [:]
        /// The keys of the shapes seen.
        private(set) var keys: Set<String> = []

        init(schema: JSONSchema?) {
            self.schema = schema
        }

        mutating func add(_ shapes: Set<String>) {
            for shape in shapes where seen.insert(shape).inserted {
                var path = YAMLPath()
                for step in shape.split(separator: "/") {
                    if step != "[]" { keys.insert(String(step)) }
                    path = step == "[]" ? path.appending(index: 0) : path.appending(key: String(step))
                }
                if let target = schema?.fieldInfo(at: path)?.xRef { refs[shape] = target }
            }
        }
    }
}
