import KlasterYAML

extension SchemaValidator {
    /// The place being checked, as a person names it: `'founded'`, `'memberships[2].since'`,
    /// or `the record` at the root.
    var label: String {
        path.isEmpty ? "the record" : "'\(YAMLPath(path).description)'"
    }

    /// A value as a message shows it: text in quotes (cut after 60 characters), numbers and
    /// booleans as written, collections by what they are.
    static func show(_ value: JSONValue) -> String {
        switch value {
        case .null: return "an empty value"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.description
        case .string(let s):
            var shown = ""
            var count = 0
            for scalar in s.unicodeScalars {
                if count == 60 {
                    shown += "…"
                    break
                }
                switch scalar {
                case "\n": shown += "\\n"
                case "\t": shown += "\\t"
                case "\"": shown += "\\\""
                default: shown.unicodeScalars.append(scalar)
                }
                count += 1
            }
            return "\"\(shown)\""
        case .array: return "a list"
        case .object: return "a mapping of fields"
        }
    }

    /// An allowed value in a list of choices: text bare, anything else as JSON.
    static func listed(_ value: JSONValue) -> String {
        if case .string(let s) = value, !s.isEmpty, !s.contains(",") { return s }
        return value.jsonText()
    }

    /// `1 item`, `3 items`.
    static func count(_ n: Int, _ noun: String) -> String {
        n == 1 ? "1 \(noun)" : "\(n) \(noun)s"
    }
}
