import KlasterModel

// JSON text is written as UTF-8 bytes: appending to a `[UInt8]` costs a fraction of appending
// to a `String`, which the JSON export does for every key and value of every record.

extension JSONValue {
    /// The value as compact JSON text: keys in their order, non-ASCII written as is (UTF-8),
    /// control characters escaped. Infinities (YAML's `.inf`) are written `1e999`, which
    /// reads back as infinity; NaN, which JSON cannot spell, as `null`.
    public func jsonText() -> String {
        var out: [UInt8] = []
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the compact JSON text of the value to `out` (UTF-8).
    public func write(to out: inout [UInt8]) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .number(let n): n.write(to: &out)
        case .string(let s): JSONText.appendQuoted(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for (i, entry) in object.entries.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendQuoted(entry.key, to: &out)
                out.append(UInt8(ascii: ":"))
                entry.value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}

extension JSONNumber {
    func write(to out: inout [UInt8]) {
        switch self {
        case .int(let i): out += String(i).utf8
        case .double(let d):
            guard d.isFinite else {
                // JSON has no infinity or NaN: ±1e999 reads back as ±infinity (as Python's
                // json and JSONReader read it); NaN has no form and is written null.
                out += (d.isNaN ? "null" : (d < 0 ? "-1e999" : "1e999")).utf8
                return
            }
            if d.rounded(.towardZero) == d, abs(d) < 1e15 {
                out += String(Int64(d)).utf8
                out += ".0".utf8
            } else {
                out += d.description.utf8
            }
        }
    }
}

extension JSONValue {
    /// The value as indented JSON text (two spaces, one key or item per line, as Python's
    /// `json.dumps(indent=2, ensure_ascii=False)` lays it out), ending with a line break.
    public func prettyJSONText() -> String {
        var out: [UInt8] = []
        writePretty(to: &out, indent: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the indented JSON text of the value to `out` (UTF-8), nested `indent` levels deep.
    public func writePretty(to out: inout [UInt8], indent: Int) {
        switch self {
        case .array(let items) where !items.isEmpty:
            out += "[\n".utf8
            for (i, item) in items.enumerated() {
                Self.indent(indent + 1, &out)
                item.writePretty(to: &out, indent: indent + 1)
                if i < items.count - 1 { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
            }
            Self.indent(indent, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let object) where object.count > 0:
            out += "{\n".utf8
            for (i, entry) in object.entries.enumerated() {
                Self.indent(indent + 1, &out)
                JSONText.appendQuoted(entry.key, to: &out)
                out += ": ".utf8
                entry.value.writePretty(to: &out, indent: indent + 1)
                if i < object.count - 1 { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
            }
            Self.indent(indent, &out)
            out.append(UInt8(ascii: "}"))
        default:
            write(to: &out)
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    static func indent(_ level: Int, _ out: inout [UInt8]) {
        var left = 2 * level
        while left > 0 {
            let n = min(left, spaces.count)
            out.append(contentsOf: spaces[0..<n])
            left -= n
        }
    }
}
