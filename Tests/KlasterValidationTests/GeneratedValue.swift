import KlasterValidation

/// A value the record generator writes: its YAML spelling and the JSON it means (decided by the
/// generator from YAML 1.2 and the schema's field types, independently of Klaster's typing).
enum GeneratedValue: Sendable {
    case scalar(yaml: String, json: JSONValue)
    case list([GeneratedValue], flow: Bool)
    case map([(String, GeneratedValue)], flow: Bool)

    var meaning: JSONValue {
        switch self {
        case .scalar(_, let json): json
        case .list(let items, _): .array(items.map(\.meaning))
        case .map(let entries, _): .object(JSONObject(entries.map { ($0.0, $0.1.meaning) }))
        }
    }

    // MARK: Scalars

    /// Text in a string field: plain when YAML allows it (a string field reads any plain text
    /// that is not null as written), double-quoted otherwise or when `quoted`.
    static func text(_ s: String, quoted: Bool = false) -> GeneratedValue {
        .scalar(yaml: quoted || !isSafePlain(s) ? doubleQuoted(s) : s, json: .string(s))
    }

    static func int(_ n: Int64) -> GeneratedValue { .scalar(yaml: String(n), json: .number(.int(n))) }

    static func number(_ yaml: String, _ value: Double) -> GeneratedValue {
        .scalar(yaml: yaml, json: .number(.double(value)))
    }

    static func bool(_ yaml: String, _ value: Bool) -> GeneratedValue { .scalar(yaml: yaml, json: .bool(value)) }

    static func null(_ yaml: String = "~") -> GeneratedValue { .scalar(yaml: yaml, json: .null) }

    /// Written as is, meaning `json` (for spellings such as `0012` or `yes`).
    static func raw(_ yaml: String, _ json: JSONValue) -> GeneratedValue { .scalar(yaml: yaml, json: json) }

    static func doubleQuoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func isSafePlain(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first) else {
            return false
        }
        if ["null", "Null", "NULL"].contains(s) || s.hasSuffix(" ") || s.hasSuffix(":") { return false }
        if s.contains(": ") || s.contains(" #") { return false }
        return s.unicodeScalars.allSatisfy { c in
            c.properties.isAlphabetic || ("0"..."9").contains(c) || " ._/+:@-?=&".unicodeScalars.contains(c)
        }
    }

    // MARK: Writing

    /// The block-style YAML of a mapping at the top level.
    static func document(_ entries: [(String, GeneratedValue)]) -> String {
        var lines: [String] = []
        writeMap(entries, indent: 0, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func writeMap(_ entries: [(String, GeneratedValue)], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for (key, value) in entries {
            switch value {
            case .scalar(let yaml, _): lines.append(pad + key + ": " + yaml)
            case .list(let items, let flow) where flow || items.isEmpty: lines.append(pad + key + ": " + value.flowText)
            case .map(let inner, let flow) where flow || inner.isEmpty: lines.append(pad + key + ": " + value.flowText)
            case .list(let items, _):
                lines.append(pad + key + ":")
                writeList(items, indent: indent + 2, into: &lines)
            case .map(let inner, _):
                lines.append(pad + key + ":")
                writeMap(inner, indent: indent + 2, into: &lines)
            }
        }
    }

    private static func writeList(_ items: [GeneratedValue], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            switch item {
            case .map(let inner, false) where !inner.isEmpty:
                var sub: [String] = []
                writeMap(inner, indent: indent + 2, into: &sub)
                sub[0] = pad + "- " + sub[0].dropFirst(indent + 2)
                lines += sub
            case .list(let inner, false) where !inner.isEmpty:
                lines.append(pad + "-")
                writeList(inner, indent: indent + 2, into: &lines)
            default:
                lines.append(pad + "- " + item.flowText)
            }
        }
    }

    private var flowText: String {
        switch self {
        case .scalar(let yaml, _): yaml
        case .list(let items, _): "[" + items.map(\.flowText).joined(separator: ", ") + "]"
        case .map(let entries, _): "{" + entries.map { "\($0.0): \($0.1.flowText)" }.joined(separator: ", ") + "}"
        }
    }
}

/// SplitMix64: a small seeded generator, so that every run sees the same records.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
