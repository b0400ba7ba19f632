import KlasterValidation

/// Generates records for `Fixtures/organisation.schema.json`: a valid base with a random choice
/// of optional fields, then zero to three fields broken on purpose, each field in one of the
/// spellings that YAML typing must get right (`krs: 0000012345`, `status: NO`, `active: yes`).
struct RecordGenerator {
    var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }

    mutating func pick<T>(_ choices: [T]) -> T { choices.randomElement(using: &random)! }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    /// One record's fields, in the order they are written.
    mutating func record() -> [(String, GeneratedValue)] {
        var fields: [(String, GeneratedValue)] = []
        for name in fieldNames where ["id", "name", "kind"].contains(name) || chance(0.45) {
            fields.append((name, valid(name)))
        }
        let breaks = pick([0, 0, 1, 1, 1, 2, 3])
        for _ in 0..<breaks {
            switch int(0...9) {
            case 0 where !fields.isEmpty:
                fields.remove(at: int(0...2) % fields.count)
            case 1:
                let name = pick(["foo", "Name", "tags2"])
                if !fields.contains(where: { $0.0 == name }) { fields.append((name, .int(1))) }
            default:
                let name = pick(fieldNames)
                let value = broken(name)
                if let i = fields.firstIndex(where: { $0.0 == name }) {
                    fields[i].1 = value
                } else {
                    fields.append((name, value))
                }
            }
        }
        return fields
    }

    let fieldNames = [
        "id", "name", "kind", "status", "krs", "country", "founded", "updated", "website", "email", "employees",
        "share", "active", "note", "code", "tags", "address", "memberships", "contact", "size", "region", "event",
        "parent", "description",
    ]

    mutating func slug() -> String {
        var parts: [String] = []
        for _ in 0..<int(1...3) {
            var part = ""
            for _ in 0..<int(1...6) { part.append(pick(Array("abcdefghijklmnopqrstuvwxyz0123456789"))) }
            parts.append(part)
        }
        return parts.joined(separator: "-")
    }

    mutating func words(_ count: ClosedRange<Int>) -> String {
        var words: [String] = []
        for _ in 0..<int(count) { words.append(pick(["Śląski", "Klaster", "Energii", "okip", "Nord", "Øst", "żółć", "42", "AB"])) }
        return words.joined(separator: " ")
    }

    mutating func digits(_ count: Int) -> String {
        var out = ""
        for _ in 0..<count { out.append(pick(Array("0000123456789"))) }
        return out
    }

    mutating func date(valid: Bool) -> String {
        if valid {
            let year = int(1990...2030)
            let month = int(1...12)
            let day = int(1...GeneratorDays.days(month, year))
            return pad4(year) + "-" + pad2(month) + "-" + pad2(day)
        }
        return pick(["15.01.2013", "2019-02-29", "2013-13-01", "2013-1-5", "2013-04-31", "0000-01-01", "2013/01/05"])
    }

    mutating func dateTime(valid: Bool) -> String {
        if valid {
            let zone = pick(["Z", "z", "+01:00", "-05:30", ".123Z", ".5+02:00"])
            return date(valid: true) + pick(["T", "t"]) + pad2(int(0...23)) + ":" + pad2(int(0...59))
                + ":" + pad2(int(0...59)) + zone
        }
        return pick([
            "2013-01-15T10:00Z", "2013-01-15 10:00:00Z", "2013-01-15T10:00:00", "2013-01-15T25:00:00Z",
            "2019-02-29T10:00:00Z", "2013-01-15T10:00:60+01:00", "2013-01-15T10:00:00+0100",
        ])
    }

    mutating func valid(_ name: String) -> GeneratedValue {
        switch name {
        case "id": return chance(0.1) ? .raw("12", .string("12")) : .text(slug())
        case "name": return chance(0.1) ? .raw("2013", .string("2013")) : .text(words(1...3))
        case "kind": return .text("cluster", quoted: chance(0.3))
        case "status": return .text(pick(["active", "inactive", "NO"]))
        case "krs": return .text(digits(10))
        case "country": return .text(pick(["PL", "NO", "DE", "no"]))
        case "founded": return .text(date(valid: true))
        case "updated": return .text(dateTime(valid: true))
        case "website": return .text(pick(["https://example.org/a", "http://okip.pl/?q=1&x=2", "urn:isbn:0451450523", "mailto:a@b.pl"]))
        case "email": return .text(pick(["biuro@okip.pl", "a@b", "x.y@klaster.eu"]))
        case "employees": return chance(0.2) ? .raw("0012", .number(.int(12))) : .int(Int64(int(0...100_000)))
        case "share": return pick([.number("0.5", 0.5), .int(1), .number(".25", 0.25), .int(0), .number("1.0e-1", 0.1)])
        case "active": return pick([.bool("true", true), .bool("false", false), .bool("True", true)])
        case "note": return pick([.text(words(1...4)), .null("~"), .null("null"), .raw("12", .string("12"))])
        case "code": return pick([.text("abc"), .int(12), .text("12", quoted: true), .raw("1.5", .string("1.5"))])
        case "tags":
            var tags: [GeneratedValue] = []
            var seen: Set<String> = []
            for _ in 0..<int(1...5) {
                let tag = pick(["energia", "IT", "2020", "NO", "zielony", "ą"])
                if seen.insert(tag).inserted { tags.append(.text(tag)) }
            }
            return .list(tags, flow: chance(0.5))
        case "address": return address(valid: true)
        case "memberships":
            var items: [GeneratedValue] = []
            for _ in 0..<int(0...3) { items.append(membership(valid: true)) }
            return .list(items, flow: false)
        case "contact":
            return chance(0.5) ? .text("biuro@okip.pl") : .map([("name", .text(words(1...2))), ("phone", .text("+48 123 456"))], flow: chance(0.3))
        case "size": return chance(0.5) ? .int(Int64(int(1...500))) : .text(pick(["small", "large"]))
        case "region": return .text(pick(["Silesia", "Mazowsze", "ABC"]))
        case "event":
            return pick([
                .map([("type", .text("text")), ("value", .text(words(1...2), quoted: true))], flow: false),
                .map([("type", .text("count")), ("value", .int(5))], flow: true),
                .map([("type", .text("count"))], flow: false),
            ])
        case "parent": return node(depth: int(0...3), broken: false)
        default: return .raw("|\n  line one\n  line two", .string("line one\nline two\n"))
        }
    }

    mutating func address(valid: Bool) -> GeneratedValue {
        var entries: [(String, GeneratedValue)] = [("city", .text(pick(["Katowice", "Łódź", "Oslo"])))]
        if chance(0.5) { entries.append(("postcode", .text(pad2(int(10...99)) + "-" + String(int(100...999))))) }
        if chance(0.3) { entries.append(("street", .text("ul. Mariacka 1"))) }
        if !valid {
            switch int(0...3) {
            case 0: entries.removeFirst()
            case 1: entries.append(("postcode", .text("4000")))
            case 2: entries.append(("zip", .text("40-000")))
            default: entries[0].1 = .text("", quoted: true)
            }
            var seen: Set<String> = []
            entries = entries.reversed().filter { seen.insert($0.0).inserted }.reversed()
        }
        return .map(entries, flow: chance(0.2))
    }

    mutating func membership(valid: Bool) -> GeneratedValue {
        var entries: [(String, GeneratedValue)] = [
            ("member", chance(0.2) ? .raw("0042", .string("0042")) : .text(slug())), ("since", .text(date(valid: true))),
        ]
        if chance(0.5) {
            entries.append(("roles", .list([.text("founder"), .text(pick(["board", "member"]))], flow: chance(0.5))))
        }
        if !valid {
            switch int(0...4) {
            case 0: entries.remove(at: 1)
            case 1: entries[1].1 = .text(date(valid: false))
            case 2: entries.append(("roles", .list([.text("board"), .text("board")], flow: true)))
            case 3: entries.append(("roles", .list([.text("president")], flow: false)))
            default: entries.append(("note", .text("x")))
            }
            var seen: Set<String> = []
            entries = entries.reversed().filter { seen.insert($0.0).inserted }.reversed()
        }
        return .map(entries, flow: chance(0.2))
    }

    mutating func node(depth: Int, broken: Bool) -> GeneratedValue {
        var entries: [(String, GeneratedValue)] = [("name", .text(slug()))]
        if depth > 0 { entries.append(("parent", node(depth: depth - 1, broken: broken))) }
        if broken && depth == 0 { entries.append(("kind", .text("x"))) }
        return .map(entries, flow: false)
    }

    mutating func broken(_ name: String) -> GeneratedValue {
        switch name {
        case "id": return pick([.text("OKIP"), .text("a--b"), .text("", quoted: true), .text(String(repeating: "a", count: 101))])
        case "name": return pick([.text("A"), .text(String(repeating: "x", count: 41)), .null("null"), .list([.text("a")], flow: true)])
        case "kind": return pick([.text("member"), .raw("1", .string("1"))])
        case "status": return pick([.text("dormant"), .raw("1", .string("1")), .text("no")])
        case "krs": return pick([.text("123456789"), .raw("12345678901", .string("12345678901")), .text("00000l2345")])
        case "country": return pick([.text("POL"), .text("P")])
        case "founded": return .text(date(valid: false))
        case "updated": return .text(dateTime(valid: false))
        case "website": return pick([.text("example.org"), .text("http://a b"), .text("http://ą.pl"), .text("http://x#a#b")])
        case "email": return .text(pick(["biuro.okip.pl", "nobody"]))
        case "employees": return pick([.int(-1), .int(100_001), .raw("many", .string("many")), .number("1.5", 1.5)])
        case "share": return pick([.number("1.5", 1.5), .int(-1), .raw("half", .string("half"))])
        case "active": return pick([.raw("yes", .string("yes")), .raw("no", .string("no")), .raw("on", .string("on")), .int(1)])
        case "note": return .list([.text("a")], flow: true)
        case "code": return pick([.list([.text("x")], flow: true), .map([("a", .int(1))], flow: true)])
        case "tags":
            return pick([
                .list([], flow: true), .list([.text("a"), .text("b"), .text("a")], flow: false),
                .list((0..<6).map { .text("t\($0)") }, flow: true), .list([.text("", quoted: true)], flow: true),
                .list([.null()], flow: false), .text("energia"),
            ])
        case "address": return address(valid: false)
        case "memberships": return .list([membership(valid: true), membership(valid: false)], flow: false)
        case "contact":
            return pick([
                .text("noemail"), .map([("phone", .text("123"))], flow: false),
                .map([("name", .text("Jan")), ("phone", .text("call me"))], flow: false), .raw("5", .string("5")),
            ])
        case "size": return pick([.int(0), .text("medium"), .raw("true", .string("true"))])
        case "region": return pick([.text("si"), .text("silesia"), .raw("12", .string("12"))])
        case "event":
            return pick([
                .map([("type", .text("count")), ("value", .raw("many", .string("many")))], flow: false),
                .map([("type", .text("text"))], flow: false),
                .map([("type", .text("other"))], flow: true),
                .map([("type", .text("text")), ("value", .int(12))], flow: false),
            ])
        case "parent": return node(depth: int(0...2), broken: true)
        default: return .null()
        }
    }
}

enum GeneratorDays {
    static func days(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// `7` as `07`.
func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

/// `987` as `0987`.
func pad4(_ n: Int) -> String {
    let digits = "\(n)"
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
