import KlasterMerge
import KlasterValidation
import KlasterYAML

/// Generates cluster records and concurrent edits of them: scalars changed or deleted, set
/// members added and removed, people (a keyed list) added, removed or renamed, lines of a text
/// field rewritten or inserted, an ordered list changed. Small value pools make the two sides
/// often touch the same fields, and sometimes make the same change.
struct ScenarioGenerator {
    var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    static let words = ["alfa", "beta", "gamma", "delta", "omega", "sigma"]
    static let countries = ["PL", "DE", "CZ", "SK"]
    static let types = ["cluster", "umbrella", "network"]

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }

    /// A record with every kind of field.
    mutating func record() -> YAMLNode {
        var entries: [(String, YAMLNode)] = [("id", s("gen"))]
        var name: [(String, YAMLNode)] = [("pl", s("Klaster " + pick(Self.words)))]
        if chance(0.5) { name.append(("en", s("Cluster " + pick(Self.words)))) }
        entries.append(("name", map(name)))
        if chance(0.7) { entries.append(("short_name", s(pick(Self.words).uppercased()))) }
        entries.append(("cluster_type", s(pick(Self.types))))
        entries.append(("country", s(pick(Self.countries))))
        entries.append(("aliases", seq((0..<Int.random(in: 1...3, using: &random)).map { s("alias-\($0)") })))
        entries.append(("tags", seq(["ict", "energy"].map(s))))
        let people = (0..<Int.random(in: 1...3, using: &random)).map { i in
            map([("id", s("person-\(i)")), ("name", s("Person \(pick(Self.words))"))])
        }
        entries.append(("people", seq(people)))
        let lines = (0..<5).map { "Line \($0) \(pick(Self.words))." }
        entries.append(("description", map([("pl", s(lines.joined(separator: "\n") + "\n"))])))
        entries.append(("objectives", map([("pl", seq(["Goal one", "Goal two"].map(s)))])))
        return map(entries)
    }

    /// One to four random edits of `node`, tagged with `side` so each side's new text is its own.
    mutating func edit(_ node: YAMLNode, side: String) -> YAMLNode {
        var record = node
        for n in 0..<Int.random(in: 1...4, using: &random) {
            let tag = "\(side)\(n)"
            switch Int.random(in: 0..<12, using: &random) {
            case 0: record = set(record, ["short_name"], s("\(tag.uppercased())X"))
            case 1: record = set(record, ["country"], s(pick(Self.countries)))
            case 2: record = set(record, ["name", "en"], s("Cluster \(tag)"))
            case 3: record = set(record, ["short_name"], nil)
            case 4: record = change(record, "aliases") { $0.append(s("alias-\(tag)")) }
            case 5:
                let r = Int.random(in: 0..<100, using: &random)
                record = change(record, "aliases") { if !$0.isEmpty { $0.remove(at: r % $0.count) } }
            case 6:
                let tagValue = pick(["health", "space", "ict-\(tag)"])
                record = change(record, "tags") { $0.append(s(tagValue)) }
            case 7: record = change(record, "people") { $0.append(map([("id", s("person-\(tag)")), ("name", s("Person \(tag)"))])) }
            case 8:
                let r = Int.random(in: 0..<100, using: &random)
                let remove = chance(0.3)
                record = change(record, "people") { items in
                    guard !items.isEmpty else { return }
                    let i = r % items.count
                    if remove {
                        items.remove(at: i)
                    } else if var m = items[i].mapping, let at = m.entries.firstIndex(where: { $0.keyText == "name" }) {
                        m.entries[at].value = s("Person \(tag)")
                        items[i] = .mapping(m)
                    }
                }
            case 9, 10:
                guard let text = record.node(at: YAMLPath([.key("description"), .key("pl")]))?.scalar?.value else { continue }
                var lines = text.split(separator: "\n").map(String.init)
                let i = Int.random(in: 0..<lines.count, using: &random)
                if chance(0.5) { lines[i] = "Line \(tag) rewritten." } else { lines.insert("Line \(tag) added.", at: i) }
                record = set(record, ["description", "pl"], s(lines.joined(separator: "\n") + "\n"))
            default:
                record = set(record, ["objectives", "pl"], seq(["Goal one", "Goal \(tag)"].map(s)))
            }
        }
        return record
    }

    // MARK: Building trees

    func s(_ value: String) -> YAMLNode { .scalar(YAMLScalar(value)) }
    func seq(_ items: [YAMLNode]) -> YAMLNode { .sequence(YAMLSequence(items)) }
    func map(_ entries: [(String, YAMLNode)]) -> YAMLNode {
        .mapping(YAMLMapping(entries.map { YAMLMapping.Entry(key: .scalar(YAMLScalar($0.0)), value: $0.1) }))
    }

    /// `node` with the value at `keys` replaced, added (at the end of its mapping) or removed.
    func set(_ node: YAMLNode, _ keys: [String], _ value: YAMLNode?) -> YAMLNode {
        guard let key = keys.first, var m = node.mapping else { return node }
        let at = m.entries.firstIndex { $0.keyText == key }
        if keys.count > 1 {
            guard let at else { return node }
            m.entries[at].value = set(m.entries[at].value, Array(keys.dropFirst()), value)
        } else if let value {
            if let at { m.entries[at].value = value } else { m.entries.append(.init(key: s(key), value: value)) }
        } else if let at {
            m.entries.remove(at: at)
        }
        return .mapping(m)
    }

    func change(_ node: YAMLNode, _ key: String, _ body: (inout [YAMLNode]) -> Void) -> YAMLNode {
        guard var items = node.mapping?[key]?.sequence?.items else { return node }
        body(&items)
        return set(node, [key], seq(items))
    }

    /// The text of a record, as the emitter writes it.
    static func text(_ node: YAMLNode) -> String {
        (try? YAMLEmitter().emit(node)) ?? ""
    }
}

/// A record's content in a form where order that does not matter (mapping keys, `set` and
/// `keyed` arrays) is sorted away, for comparing merge results.
func canonical(_ node: YAMLNode?, schema: SchemaSet, path: YAMLPath = .root) -> String {
    guard let node else { return "∅" }
    switch node {
    case .scalar(let s): return "\"" + s.value + "\""
    case .mapping(let m):
        let parts = m.entries.map { ($0.keyText ?? "?") + ":" + canonical($0.value, schema: schema, path: path.appending(key: $0.keyText ?? "?")) }
        return "{" + parts.sorted().joined(separator: ",") + "}"
    case .sequence(let s):
        let parts = s.items.enumerated().map { canonical($0.element, schema: schema, path: path.appending(index: $0.offset)) }
        let unordered = schema.fieldInfo(at: path)?.xMerge != nil
        return "[" + (unordered ? parts.sorted() : parts).joined(separator: ",") + "]"
    }
}
