extension JSONValue {
    /// The value as pretty JSON text: two spaces of indent per level, one member or item per
    /// line, `"key": value`, empty arrays and objects as `[]` and `{}`. Keys stay in their
    /// order and strings are escaped as ``jsonText()`` does, so the text is deterministic.
    public func prettyJSONText(level: Int = 0) -> String {
        var out = ""
        writePretty(to: &out, level: level)
        return out
    }

    /// Appends the pretty JSON text of the value to `out`, as if it started at indent `level`
    /// (the first line is not indented; the lines after it are).
    public func writePretty(to out: inout String, level: Int = 0) {
        switch self {
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (i, item) in items.enumerated() {
                out += i == 0 ? "\n" : ",\n"
                Self.indent(&out, level + 1)
                item.writePretty(to: &out, level: level + 1)
            }
            out += "\n"
            Self.indent(&out, level)
            out += "]"
        case .object(let object):
            if object.entries.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (i, entry) in object.entries.enumerated() {
                out += i == 0 ? "\n" : ",\n"
                Self.indent(&out, level + 1)
                JSONValue.writeString(entry.key, to: &out)
                out += ": "
                entry.value.writePretty(to: &out, level: level + 1)
            }
            out += "\n"
            Self.indent(&out, level)
            out += "}"
        default:
            write(to: &out)
        }
    }

    private static func indent(_ out: inout String, _ level: Int) {
        for _ in 0..<level { out += "  " }
    }
}
