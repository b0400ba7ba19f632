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

    init(_ dataset: ExportDataset) {
        var fields: [RecordKind: [String: SchemaRefTarget]] = [:]
        for kind in dataset.kinds {
            fields[kind] = Self.refFields(dataset.records(of: kind), schema: dataset.schemas[kind])
        }
        var names: [RecordKey: String] = [:]
        for kind in dataset.kinds {
            for record in dataset.records(of: kind) {
                names[RecordKey(kind: kind, id: record.id)] = SiteText.name(of: record, languages: dataset.languages)
            }
        }
        var outgoing: [RecordKey: [SiteLink]] = [:]
        var incoming: [RecordKey: [SiteLink]] = [:]
        for kind in dataset.kinds {
            let refs = fields[kind] ?? [:]
            if refs.isEmpty { continue }
            let found = parallelMap(dataset.records(of: kind)) { record -> [SiteLink] in
                var links: [SiteLink] = []
                var seen: Set<SiteLink> = []
                let from = RecordKey(kind: kind, id: record.id)
                Self.walk(record.value, shape: "", field: nil) { shape, field, text in
                    guard let target = refs[shape]?.resolve(text) else { return }
                    let link = SiteLink(from: from, to: RecordKey(kind: target.kind, id: target.id), field: field)
                    if link.to != from, seen.insert(link).inserted { links.append(link) }
                }
                return links
            }
            for links in found {
                for link in links where names[link.to] != nil {
                    outgoing[link.from, default: []].append(link)
                    incoming[link.to, default: []].append(link)
                }
            }
        }
        self.refFields = fields
        self.outgoing = outgoing
        self.incoming = incoming.mapValues { $0.sorted { ($0.from, $0.field) < ($1.from, $1.field) } }
        self.names = names
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

    /// The `x-ref` fields among the string places the records have.
    private static func refFields(_ records: [ExportRecord], schema: JSONSchema?) -> [String: SchemaRefTarget] {
        guard let schema else { return [:] }
        let shapes = parallelMap(records) { record -> Set<String> in
            var found: Set<String> = []
            walk(record.value, shape: "", field: nil) { shape, _, _ in found.insert(shape) }
            return found
        }
        var all: Set<String> = []
        for set in shapes { all.formUnion(set) }
        var out: [String: SchemaRefTarget] = [:]
        for shape in all {
            var path = YAMLPath()
            for step in shape.split(separator: "/") {
                path = step == "[]" ? path.appending(index: 0) : path.appending(key: String(step))
            }
            if let target = schema.fieldInfo(at: path)?.xRef { out[shape] = target }
        }
        return out
    }
}
