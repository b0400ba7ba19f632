import KlasterModel

extension JSONValue {
    /// The value as compact JSON text: keys in their order, non-ASCII written as is (UTF-8),
    /// control characters escaped. Infinities (YAML's `.inf`) are written `1e999`, which
    /// reads back as infinity; NaN, which JSON cannot spell, as `null`.
    public func jsonText() -> String {
        var out = ""
        write(to: &out)
        return out
    }

    /// Appends the compact JSON text of the value to `out`.
    public func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): n.write(to: &out)
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (i, entry) in object.entries.enumerated() {
                if i > 0 { out += "," }
                JSONValue.writeString(entry.key, to: &out)
                out += ":"
                entry.value.write(to: &out)
            }
            out += "}"
        }
    }

    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        JSONText.appendEscaped(s, to: &out)
        out += "\""
    }
}

extension JSONNumber {
    func write(to out: inout String) {
        switch self {
        case .int(let i): out += String(i)
        case .double(let d):
            guard d.isFinite else {
                // JSON has no infinity or NaN: ±1e999 reads back as ±infinity (as Python's
                // json and JSONReader read it); NaN has no form and is written null.
                out += d.isNaN ? "null" : (d < 0 ? "-1e999" : "1e999")
                return
            }
            if d.rounded(.towardZero) == d, abs(d) < 1e15 {
                out += String(Int64(d)) + ".0"
            } else {
                out += d.description
            }
        }
    }
}

extension JSONValue {
    /// The value as indented JSON text (two spaces, one key or item per line, as Python's
    /// `json.dumps(indent=2, ensure_ascii=False)` lays it out), ending with a line break.
    public func prettyJSONText() -> String {
        var out = ""
        writePretty(to: &out, indent: 0)
        out += "\n"
        return out
    }

    /// Appends the indented JSON text of the value to `out`, nested `indent` levels deep.
    public func writePretty(to out: inout String, indent: Int) {
        switch self {
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (i, item) in items.enumerated() {
                Self.indent(indent + 1, &out)
                item.writePretty(to: &out, indent: indent + 1)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            Self.indent(indent, &out)
            out += "]"
        case .object(let object) where object.count > 0:
            out += "{\n"
            for (i, entry) in object.entries.enumerated() {
                Self.indent(indent + 1, &out)
                JSONValue.writeString(entry.key, to: &out)
                out += ": "
                entry.value.writePretty(to: &out, indent: indent + 1)
                out += i == object.count - 1 ? "\n" : ",\n"
            }
            Self.indent(indent, &out)
            out += "}"
        default:
            write(to: &out)
        }
    }

    private static func indent(_ level: Int, _ out: inout String) {
        for _ in 0..<level { out += "  " }
    }
}
