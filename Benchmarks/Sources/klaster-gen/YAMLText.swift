/// Builds the text of one record file line by line, in the style of `samples/`: two-space
/// indentation, block sequences, folded (`>-`) prose, quoted dates.
struct YAMLText {
    private(set) var text = ""

    /// `key: value` at `indent`, the value written plain when that is safe, else double-quoted.
    mutating func field(_ indent: Int, _ key: String, _ value: String) {
        line(indent, "\(key): \(Self.scalar(value))")
    }

    /// `key: "value"`: always quoted (dates, which would otherwise read as timestamps).
    mutating func quoted(_ indent: Int, _ key: String, _ value: String) {
        line(indent, "\(key): \(Self.doubleQuoted(value))")
    }

    /// `key:` opening a nested mapping or sequence.
    mutating func open(_ indent: Int, _ key: String) {
        line(indent, "\(key):")
    }

    /// `- value` at `indent`.
    mutating func item(_ indent: Int, _ value: String) {
        line(indent, "- \(Self.scalar(value))")
    }

    /// `key: [a, b]`, for short lists of identifiers.
    mutating func flow(_ indent: Int, _ key: String, _ values: [String]) {
        line(indent, "\(key): [\(values.joined(separator: ", "))]")
    }

    /// `key: >-` and the text folded at about 96 columns.
    mutating func folded(_ indent: Int, _ key: String, _ words: String) {
        line(indent, "\(key): >-")
        var current = ""
        let pad = String(repeating: " ", count: indent + 2)
        for word in words.split(separator: " ") {
            if !current.isEmpty, current.utf8.count + word.utf8.count + indent > 94 {
                text += pad + current + "\n"
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { text += pad + current + "\n" }
    }

    mutating func comment(_ indent: Int, _ words: String) {
        line(indent, "# " + words)
    }

    mutating func line(_ indent: Int, _ content: String) {
        text += String(repeating: " ", count: indent) + content + "\n"
    }

    /// The value as a plain scalar when it cannot be read as anything but this string.
    static func scalar(_ value: String) -> String {
        isPlainSafe(value) ? value : doubleQuoted(value)
    }

    static func doubleQuoted(_ value: String) -> String {
        var out = "\""
        for character in value.unicodeScalars {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(character)
            }
        }
        return out + "\""
    }

    private static func isPlainSafe(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) || first == " " || last == " " || last == ":" {
            return false
        }
        if value.contains(": ") || value.contains(" #") || value.contains("\n") { return false }
        if let first = value.unicodeScalars.first, ("0"..."9").contains(first) || first == "+" || first == "." {
            if value.unicodeScalars.allSatisfy({ "0123456789.+-:_eExXoObBaAcCdDfF".unicodeScalars.contains($0) }) {
                return false
            }
            let utf8 = Array(value.utf8)
            if utf8.count >= 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
                utf8.count == 10 || [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(utf8[10])
            {
                return false
            }
        }
        let lower = value.lowercased()
        return !["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"].contains(lower)
    }
}
