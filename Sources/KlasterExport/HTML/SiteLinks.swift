#if canImport(Glibc)
import Glibc
#endif
import KlasterModel
import KlasterStore
import KlasterValidation
import KlasterYAML

/// A record's place in the site: kind and id.
struct RecordKey: Hashable, Sendable, Comparable {
    var kind: RecordKind
    var id: String

    /// The page's path from the site root: `clusters/okip.html`.
    var page: String { page(from: "") }

    /// The page's path from a page `root` (`../`) below the site root.
    func page(from root: String) -> String {
        var parts = (root, kind.folder, id)
        let count = parts.0.utf8.count + parts.1.utf8.count + parts.2.utf8.count + 6
        // Written as bytes in one string: appending to a String piece by piece costs several
        // times more.
        return String(unsafeUninitializedCapacity: count) { buffer in
            var at = 0
            func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let source = bytes.baseAddress else { return }
                (buffer.baseAddress! + at).update(from: source, count: bytes.count)
                at += bytes.count
            }
            parts.0.withUTF8(put)
            parts.1.withUTF8(put)
            buffer[at] = UInt8(ascii: "/")
            at += 1
            parts.2.withUTF8(put)
            for byte in ".html".utf8 {
                buffer[at] = byte
                at += 1
            }
            return at
        }
    }

    /// Kinds in the store's order, then ids by their bytes: ids are ASCII (`[a-z0-9-]`), for
    /// which String's own order is the bytes' order (as ``Store/list(_:)`` sorts them).
    static func < (a: RecordKey, b: RecordKey) -> Bool {
        a.kind != b.kind ? a.kind.order < b.kind.order : a.id < b.id
    }
}

/// One reference between two records, by their numbers in ``SiteLinks``, and the top-level
/// field of `from` it is made in (`memberships`), by its number in ``SiteLinks/fields``.
struct SiteLink: Hashable, Sendable {
    var from: Int32
    var to: Int32
    var field: Int32
}

/// The places of a kind's records as a tree: a node per member name (and one for the items of
/// a list), each with its label worked out once, and with the `x-ref` target the schema gives
/// for strings there. Walking a record along it costs a lookup per member by its own name, not
/// a path string built and hashed for every value.
///
/// Built by ``SiteLinks`` while it reads the records (one thread), then only read.
final class ShapeNode: @unchecked Sendable {
    /// The member's label (``SiteText/label(_:)``); empty for the root and list items.
    let label: String
    /// The members' names and nodes, in the order first seen. Records list their members in
    /// schema order, so a walk finds each member right after the one before (see
    /// ``member(_:after:)``), with no hashing.
    private(set) var names: [String] = []
    /// The names as UTF-8 bytes, to find a member by the bytes a packed record holds.
    private var nameBytes: [[UInt8]] = []
    private(set) var nodes: [ShapeNode] = []
    private(set) var items: ShapeNode?
    /// Whether a string was seen here.
    private(set) var holdsText = false
    /// The records a string here refers to (the schema's `x-ref`).
    private(set) var target: SchemaRefTarget?
    /// The kind `target` names, when it names one kind (a string here is then an id).
    private var targetKind: RecordKind?
    /// Whether this place or one below it is an `x-ref` place.
    private(set) var leadsToRef = false

    init(label: String) {
        self.label = label
    }

    /// The member named by the UTF-8 bytes `name`, looked for first at `cursor` (where the
    /// previous member found left it), then from the start: its place in ``names`` and
    /// ``nodes``. `cursor` is left just after the member found.
    @inline(__always)
    func member(_ name: UnsafeBufferPointer<UInt8>, after cursor: inout Int) -> Int? {
        if cursor < nameBytes.count, Self.same(nameBytes[cursor], name) {
            cursor += 1
            return cursor - 1
        }
        for i in nameBytes.indices where Self.same(nameBytes[i], name) {
            cursor = i + 1
            return i
        }
        // Names are compared as Strings are, by canonical equivalence: other bytes may be the
        // same name when they are not ASCII.
        if name.contains(where: { $0 >= 0x80 }) {
            let text = String(decoding: name, as: UTF8.self)
            for i in names.indices where names[i] == text {
                cursor = i + 1
                return i
            }
        }
        return nil
    }

    /// The node of the member named by `name`, as ``member(_:after:)`` finds it.
    @inline(__always)
    func node(_ name: UnsafeBufferPointer<UInt8>, after cursor: inout Int) -> ShapeNode? {
        member(name, after: &cursor).map { nodes[$0] }
    }

    @inline(__always)
    private static func same(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let base = b.baseAddress, !a.isEmpty else { return true }
        return a.withUnsafeBufferPointer { memcmp($0.baseAddress!, base, b.count) == 0 }
    }

    var item: ShapeNode? { items }

    /// The record a string here refers to, by the schema's `x-ref` (whether or not it exists).
    func reference(_ text: String) -> RecordKey? {
        if let targetKind { return RecordKey(kind: targetKind, id: text) }
        guard let resolved = target?.resolve(text) else { return nil }
        return RecordKey(kind: resolved.kind, id: resolved.id)
    }

    /// Adds the places of the value `reader` is at (found at this node, which `path` leads to
    /// from the root), reading past it; a place that holds a string for the first time gets its
    /// `x-ref` target from `schema`.
    func add(_ reader: inout PackedReader, path: inout [String?], schema: JSONSchema?, keys: inout Set<String>) {
        switch reader.nextKind {
        case .string:
            reader.skip()
            guard !holdsText, !path.isEmpty else { return }
            holdsText = true
            var at = YAMLPath()
            for step in path {
                if let step {
                    keys.insert(step)
                    at = at.appending(key: step)
                } else {
                    at = at.appending(index: 0)
                }
            }
            target = schema?.fieldInfo(at: at)?.xRef
            if case .kind(let name)? = target { targetKind = RecordKind(name: name) }
        case .array:
            let count = reader.open()
            let node: ShapeNode
            if let items { node = items } else { node = ShapeNode(label: ""); items = node }
            path.append(nil)
            for _ in 0..<count { node.add(&reader, path: &path, schema: schema, keys: &keys) }
            path.removeLast()
        case .object:
            let count = reader.open()
            var cursor = 0
            for _ in 0..<count {
                let bytes = reader.keyBytes()
                let node: ShapeNode
                let name: String
                if let known = member(bytes, after: &cursor) {
                    node = nodes[known]
                    name = names[known]
                } else {
                    name = String(decoding: bytes, as: UTF8.self)
                    node = ShapeNode(label: SiteText.label(name))
                    names.append(name)
                    nameBytes.append(Array(bytes))
                    nodes.append(node)
                    cursor = names.count
                }
                path.append(name)
                node.add(&reader, path: &path, schema: schema, keys: &keys)
                path.removeLast()
            }
        case .scalar:
            reader.skip()
        }
    }

    /// Works out ``leadsToRef`` for this node and those below it; whether any place is one.
    @discardableResult
    func markRefs() -> Bool {
        var leads = target != nil
        if let items, items.markRefs() { leads = true }
        for node in nodes where node.markRefs() { leads = true }
        leadsToRef = leads
        return leads
    }
}

/// Every reference the records make to each other, both ways, and their display names: what
/// the pages need to link records in both directions.
///
/// Records are numbered in the dataset's order (kinds in order, then ids), and everything about
/// a record is kept by its number: a page's references cost array lookups, not hashes of keys.
struct SiteLinks: Sendable {
    /// For each kind, its records' places, with the `x-ref` ones marked.
    let shapes: [RecordKind: ShapeNode]
    /// Every record's kind and id, by number.
    let keys: [RecordKey]
    /// Every record's display name, by number.
    let names: [String]
    /// Every record's number, by kind and id.
    let numbers: [RecordKey: Int]
    /// The references each record makes, in the order it makes them, by number.
    let outgoing: [[SiteLink]]
    /// The references to each record, by the number of the one that makes them, then by field.
    let incoming: [[SiteLink]]
    /// The top-level fields references are made in, and their labels.
    let fields: [String]
    let fieldLabels: [String]
    /// The label of each field name the records' text is under (see ``SiteText/label(_:)``).
    let labels: [String: String]
    /// Whether the numbers follow the keys' order (``RecordKey/<``), as they do for records
    /// listed in the store's order: then records are ordered by number.
    let numbersInKeyOrder: Bool

    /// A record's display name.
    func name(_ key: RecordKey) -> String? {
        numbers[key].map { names[$0] }
    }

    /// Whether record `a` comes before record `b` (by kind, then id).
    func precedes(_ a: Int, _ b: Int) -> Bool {
        numbersInKeyOrder ? a < b : keys[a] < keys[b]
    }

    /// Reads every record of `dataset` once, a chunk at a time, keeping only names,
    /// references and the dates of agreements and news (`dates`, in record order) — and, when
    /// `kept` is not nil, the records themselves, packed, in it.
    init(
        _ dataset: ExportDataset,
        dates: inout [(key: RecordKey, date: String)],
        kept: inout [RecordKind: [PackedRecord]]?,
        progress: (Int) -> Void
    ) throws(ExportError) {
        var shapes: [RecordKind: ShapeNode] = [:]
        var keys: [RecordKey] = []
        var names: [String] = []
        var numbers: [RecordKey: Int] = [:]
        keys.reserveCapacity(dataset.count)
        names.reserveCapacity(dataset.count)
        numbers.reserveCapacity(dataset.count)
        var labels: [String: String] = [:]
        var found: [FoundLink] = []
        let languages = dataset.languages
        let keep = kept != nil
        for kind in dataset.kinds {
            let root = ShapeNode(label: "")
            let schema = dataset.schemas[kind]
            var fieldNames: Set<String> = []
            var path: [String?] = []
            let dateFields = kind == .agreements ? ["signed_on", "valid_from"] : kind == .news ? ["published"] : []
            var packed: [PackedRecord] = []
            // Each record is packed on the thread that parsed it (an ordinary one straight from
            // its flat document), what is needed of it is taken there, and the rest works from
            // the packed record.
            try dataset.forEachParsedChunk(of: kind, size: 2048, map: { parsed in
                let record = PackedRecord(parsed)
                return (
                    name: SiteText.name(of: record, languages: languages),
                    date: dateFields.lazy.compactMap { record.member($0)?.stringValue }.first ?? "",
                    packed: record
                )
            }) { (chunk: [(name: String, date: String, packed: PackedRecord)]) throws(ExportError) in
                let shared = PackedRecord.sharingOneBuffer(chunk.map(\.packed))
                let first = keys.count
                for (record, (name, date, _)) in zip(shared, chunk) {
                    let key = RecordKey(kind: kind, id: record.id)
                    numbers[key] = keys.count
                    keys.append(key)
                    names.append(name)
                    record.withReader { root.add(&$0, path: &path, schema: schema, keys: &fieldNames) }
                    if !dateFields.isEmpty { dates.append((key, date)) }
                }
                if keep { packed += shared }
                if root.markRefs() {
                    let numbered = shared.indices.map { (record: shared[$0], number: first + $0) }
                    for links in parallelMap(numbered, chunk: 16, { Self.links(of: $0.record, number: $0.number, shapes: root) }) {
                        found += links
                    }
                }
                progress(chunk.count)
            }
            if keep { kept?[kind] = packed }
            shapes[kind] = root
            for name in fieldNames where labels[name] == nil { labels[name] = SiteText.label(name) }
        }
        var inKeyOrder = true
        for i in keys.indices.dropFirst() where !(keys[i - 1] < keys[i]) {
            inKeyOrder = false
            break
        }
        // A field's number: fields are few, and the same strings come back.
        var fields: [String] = []
        func number(ofField field: String) -> Int32 {
            if let at = fields.firstIndex(of: field) { return Int32(at) }
            fields.append(field)
            return Int32(fields.count - 1)
        }
        var outgoing = [[SiteLink]](repeating: [], count: keys.count)
        var incoming = [[SiteLink]](repeating: [], count: keys.count)
        for link in found {
            guard let to = numbers[link.to] else { continue }
            let numbered = SiteLink(from: Int32(link.from), to: Int32(to), field: number(ofField: link.field))
            outgoing[link.from].append(numbered)
            incoming[to].append(numbered)
        }
        self.shapes = shapes
        self.keys = keys
        self.names = names
        self.numbers = numbers
        self.fields = fields
        self.fieldLabels = fields.map { labels[$0] ?? SiteText.label($0) }
        self.labels = labels
        self.numbersInKeyOrder = inKeyOrder
        self.outgoing = outgoing
        // By the record that refers, then by the field's name (a record's own references are
        // found in order, so most lists are in order already).
        let byFromThenField: (SiteLink, SiteLink) -> Bool = { a, b in
            a.from != b.from ? (inKeyOrder ? a.from < b.from : keys[Int(a.from)] < keys[Int(b.from)]) : fields[Int(a.field)] < fields[Int(b.field)]
        }
        self.incoming = incoming.map { list in
            zip(list, list.dropFirst()).contains { !byFromThenField($0, $1) } ? list.sorted(by: byFromThenField) : list
        }
    }

    /// A reference as a record's walk finds it: from the record numbered `from`, to a key that
    /// may not exist, in the top-level field `field`.
    private struct FoundLink {
        var from: Int
        var to: RecordKey
        var field: String
    }

    /// The references `record` (numbered `number`) makes through the `x-ref` places of
    /// `shapes`, each once.
    private static func links(of record: PackedRecord, number: Int, shapes: ShapeNode) -> [FoundLink] {
        var links: [FoundLink] = []
        let from = RecordKey(kind: record.kind, id: record.id)
        record.withReader { reader in
            walkRefs(&reader, node: shapes, field: nil) { field, node, text in
                guard let to = node.reference(text), to != from else { return }
                // A record makes a few references: a look along them is cheaper than a set.
                if !links.contains(where: { $0.to == to && $0.field == field }) {
                    links.append(FoundLink(from: number, to: to, field: field))
                }
            }
        }
        return links
    }

    /// Calls `body` with every string of the value `reader` is at that is at an `x-ref` place:
    /// the top-level field it is under, the place, and the text; reads past the value. Only
    /// looks into what leads to such places (the rest is skipped).
    private static func walkRefs(
        _ reader: inout PackedReader,
        node: ShapeNode?,
        field: String?,
        _ body: (String, ShapeNode, String) -> Void
    ) {
        guard let node, node.leadsToRef else { return reader.skip() }
        switch reader.nextKind {
        case .string:
            guard let field, node.target != nil, case .string(let text) = reader.next() else { return reader.skip() }
            body(field, node, text)
        case .array:
            let count = reader.open()
            let child = node.item
            for _ in 0..<count { walkRefs(&reader, node: child, field: field, body) }
        case .object:
            let count = reader.open()
            var cursor = 0
            for _ in 0..<count {
                // A member no record of the kind has cannot be here: the places came from them all.
                guard let member = node.member(reader.keyBytes(), after: &cursor) else {
                    reader.skip()
                    continue
                }
                walkRefs(&reader, node: node.nodes[member], field: field ?? node.names[member], body)
            }
        case .scalar:
            reader.skip()
        }
    }

    /// The record a string at the place `node` refers to, when it exists, and its name.
    func target(_ node: ShapeNode?, text: String) -> (key: RecordKey, name: String)? {
        guard let key = node?.reference(text), let number = numbers[key] else { return nil }
        return (key, names[number])
    }
}
