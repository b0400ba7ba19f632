import Foundation
import KlasterYAML

/// The fields of a test cluster record, read from and written to its text.
struct ClusterFields: Equatable {
    var id: String
    var name: String
    var shortName: String?
    var city: String?
    var tags: [String] = []

    var text: String { SyncFixture.cluster(id, name: name, shortName: shortName, city: city, tags: tags) }

    /// Reads a record written by ``SyncFixture/cluster`` or merged from such; `nil` when the text
    /// does not parse (conflict markers).
    init?(text: String) {
        guard let root = try? YAMLParser().parse(text), let map = root.mapping, let id = map["id"]?.scalar?.value else { return nil }
        self.id = id
        name = map["name"]?.mapping?["pl"]?.scalar?.value ?? ""
        shortName = map["short_name"]?.scalar?.value
        city = map["city"]?.scalar?.value
        tags = map["tags"]?.sequence?.items.compactMap { $0.scalar?.value } ?? []
    }

    init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// Random edits to one copy's records: adds (from a small pool of ids, so both copies may add
/// the same one), field edits, tag additions, deletions. Every value written is a unique token,
/// so a test can look for it afterwards.
struct EditScript {
    static let ids = ["alpha", "beta", "gamma", "delta", "omega", "sigma"]

    var random: SeededRandom
    let side: String
    var counter = 0

    init(seed: UInt64, side: String) {
        random = SeededRandom(seed: seed)
        self.side = side
    }

    mutating func token() -> String {
        counter += 1
        return "\(side)\(counter)x\(random.next() % 1000)"
    }

    /// Applies `count` random edits to the records of the store at `root`.
    mutating func run(_ count: Int, on root: String, _ f: SyncFixture) {
        for _ in 0..<count {
            let present = EditScript.ids.filter { f.read(root, "clusters/\($0).yaml").flatMap(ClusterFields.init(text:)) != nil }
            let absent = EditScript.ids.filter { f.read(root, "clusters/\($0).yaml") == nil }
            let op = random.next() % 6
            if op == 0 || present.isEmpty {
                guard let id = absent.randomElement(using: &random) else { continue }
                var record = ClusterFields(id: id, name: token())
                if random.next() % 2 == 0 { record.city = token() }
                f.write(root, "clusters/\(id).yaml", record.text)
                continue
            }
            let id = present.randomElement(using: &random)!
            guard var record = f.read(root, "clusters/\(id).yaml").flatMap(ClusterFields.init(text:)) else { continue }
            switch op {
            case 1: record.city = token()
            case 2: record.shortName = token()
            case 3: record.name = token()
            case 4: record.tags.append(token())
            default:
                f.remove(root, "clusters/\(id).yaml")
                continue
            }
            f.write(root, "clusters/\(id).yaml", record.text)
        }
    }
}

/// SplitMix64, so generated cases repeat run to run.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The values a side put into its records: (path, value) pairs that a sync must not lose.
func introducedValues(before: [String: String], after: [String: String]) -> [(path: String, value: String)] {
    var out: [(String, String)] = []
    for (path, text) in after {
        guard let new = ClusterFields(text: text) else { continue }
        let old = before[path].flatMap(ClusterFields.init(text:))
        if old?.name != new.name { out.append((path, new.name)) }
        if let v = new.city, old?.city != v { out.append((path, v)) }
        if let v = new.shortName, old?.shortName != v { out.append((path, v)) }
        for tag in new.tags where !(old?.tags.contains(tag) ?? false) { out.append((path, tag)) }
    }
    return out
}
