/// Writes random but valid YAML documents from a seed: nested block and flow collections, every
/// scalar style with every chomping and indentation indicator, escapes, Unicode, comments,
/// anchors and aliases, complex keys, empty values, long lines and document markers.
///
/// Keys within a mapping are unique by construction (each carries a serial number), so every
/// document is one the parser must accept.
struct CorpusGenerator {
    private var random: SeededGenerator
    private var anchors: [String] = []
    private var serial = 0

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    static let vocabulary = [
        "klaster", "Łódź", "zażółć", "gęślą", "jaźń", "Kraków", "Świętokrzyska", "member", "data", "😀", "🇵🇱",
        "日本語", "Привет", "x1", "2024-01-15", "0123", "yes", "NO", "1e3", "null", "true", "3.14", "a-b",
        "path/to", "e.g.", "ąę_ść", "50%", "a@b.pl", "Ω", "naïve",
    ]

    mutating func document() -> String {
        anchors = []
        var text = ""
        if chance(0.15) { text += pick(["---\n", "--- # start\n", "%YAML 1.1\n---\n"]) }
        if chance(0.2) { text += "# " + words(1...5) + "\n" }
        switch int(0...9) {
        case 0: text += sequence(indent: 0, depth: 0, inline: false)
        case 1: text += flow(indent: 0, depth: 0) + "\n"
        default: text += mapping(indent: 0, depth: 0, inline: false)
        }
        if chance(0.1) { text += "...\n" }
        if chance(0.1) { text += "# the end\n" }
        if chance(0.1) { text = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n") }
        return text
    }

    // MARK: - Collections

    private mutating func mapping(indent: Int, depth: Int, inline: Bool) -> String {
        var text = ""
        for i in 0..<int(1...(depth > 2 ? 2 : 5)) {
            if i > 0 || !inline {
                if chance(0.1) { text += spaces(pick([0, indent])) + "# " + words(1...3) + "\n" }
                text += spaces(indent)
            }
            if chance(0.05) {
                text += "? [k\(next()), " + flow(indent: indent, depth: 2) + "]\n" + spaces(indent) + ":"
            } else {
                text += key() + ":"
            }
            text += value(indent: indent, depth: depth)
        }
        return text
    }

    private mutating func sequence(indent: Int, depth: Int, inline: Bool) -> String {
        var text = ""
        for i in 0..<int(1...(depth > 2 ? 2 : 5)) {
            if i > 0 || !inline {
                if chance(0.05) { text += spaces(indent) + "# " + words(1...3) + "\n" }
                text += spaces(indent)
            }
            text += "-"
            if depth < 4, chance(0.2) {
                text += " " + (chance(0.5) ? mapping(indent: indent + 2, depth: depth + 1, inline: true) : sequence(indent: indent + 2, depth: depth + 1, inline: true))
            } else {
                text += value(indent: indent, depth: depth, inSequence: true)
            }
        }
        return text
    }

    /// A value after `key:` or `-`, from the separator on, ending with a line break; a nested
    /// sequence may share its mapping's column, never its sequence's.
    private mutating func value(indent: Int, depth: Int, inSequence: Bool = false) -> String {
        let kind = depth >= 4 ? int(0...4) : int(0...7)
        switch kind {
        case 0, 1:
            let anchor = anchorPrefix()
            let text = " " + anchor.text + scalar(indent: indent) + comment() + "\n"
            register(anchor.name)
            return text
        case 2:
            if anchors.isEmpty || chance(0.5) { return comment() + "\n" }
            return " *" + pick(anchors) + "\n"
        case 3:
            let anchor = anchorPrefix()
            let text = " " + anchor.text + flow(indent: indent, depth: depth) + comment() + "\n"
            register(anchor.name)
            return text
        case 4:
            return " " + blockScalar(indent: indent)
        case 5, 6:
            let anchor = anchorPrefix()
            let text = (anchor.text.isEmpty ? "" : " " + anchor.text.dropLast()) + comment() + "\n"
                + mapping(indent: indent + pick([2, 4]), depth: depth + 1, inline: false)
            register(anchor.name)
            return text
        default:
            let anchor = anchorPrefix()
            let text = (anchor.text.isEmpty ? "" : " " + anchor.text.dropLast()) + "\n"
                + sequence(indent: indent + (inSequence ? 2 : pick([0, 2])), depth: depth + 1, inline: false)
            register(anchor.name)
            return text
        }
    }

    private mutating func flow(indent: Int, depth: Int) -> String {
        let count = depth >= 3 ? int(0...2) : int(0...4)
        let multiline = chance(0.2)
        var items: [String] = []
        let isMapping = chance(0.5)
        for _ in 0..<count {
            var item: String
            switch int(0...5) {
            case 0 where depth < 4: item = flow(indent: indent + 2, depth: depth + 1)
            case 1 where !anchors.isEmpty: item = "*" + pick(anchors)
            case 2: item = singleQuoted(indent: indent, multiline: false)
            case 3: item = doubleQuoted(indent: indent, multiline: false)
            default: item = words(1...3)
            }
            if isMapping {
                let key = chance(0.3) ? "'k\(next())'" : "k\(next())"
                item = chance(0.15) ? key : key + ": " + item
            }
            items.append(item)
        }
        let separator = multiline ? ",\n" + spaces(indent + 2) : ", "
        let body = items.joined(separator: separator)
        return isMapping ? "{" + body + "}" : "[" + body + "]"
    }

    // MARK: - Scalars

    private mutating func key() -> String {
        let n = next()
        switch int(0...5) {
        case 0: return "'" + words(1...2) + " \(n)'"
        case 1: return "\"\\u017C" + words(1...2) + "\\t\(n)\""
        default: return words(1...2) + " k\(n)"
        }
    }

    private mutating func scalar(indent: Int) -> String {
        switch int(0...9) {
        case 0: return singleQuoted(indent: indent, multiline: chance(0.3))
        case 1, 2: return doubleQuoted(indent: indent, multiline: chance(0.3))
        case 3:
            return words(1...3) + "\n" + spaces(indent + 2) + words(1...3) + (chance(0.5) ? "\n\n" + spaces(indent + 2) + words(1...2) : "")
        case 4: return chance(0.3) ? words(100...300) : words(1...2)
        default: return words(1...4)
        }
    }

    private mutating func singleQuoted(indent: Int, multiline: Bool) -> String {
        var text = "'" + words(1...3) + pick(["", "''", " it''s", " # not a comment", ": colon", " \"dq\""])
        if multiline { text += "\n" + spaces(indent + 2) + words(1...2) + (chance(0.5) ? "\n\n" + spaces(indent + 2) + "para" : "") }
        return text + "'"
    }

    private mutating func doubleQuoted(indent: Int, multiline: Bool) -> String {
        let escapes = ["\\t", "\\n", "\\\\", "\\\"", "\\u0105", "\\u017C", "\\x41", "\\U0001F600", "\\/", "\\ ", "\\0", "\\e", "\\N", "\\_", ": ", " # ", "'"]
        var text = "\"" + words(1...2)
        for _ in 0..<int(0...3) { text += pick(escapes) + words(0...1) }
        if multiline {
            text += chance(0.5) ? "\n" + spaces(indent + 2) + words(1...2) : "\\\n" + spaces(indent + 2) + words(1...2)
            if chance(0.3) { text += "\n\n" + spaces(indent + 2) + "next" }
        }
        return text + "\""
    }

    /// A block scalar, from its header to the end of its last line, for a node in a collection
    /// whose entries start at column `indent`.
    private mutating func blockScalar(indent: Int) -> String {
        let explicit = chance(0.3) ? int(1...4) : nil
        let chomp = pick(["", "-", "+"])
        var header = pick(["|", ">"])
        if let explicit {
            header += chance(0.5) ? "\(explicit)\(chomp)" : "\(chomp)\(explicit)"
        } else {
            header += chomp
        }
        let contentIndent = indent + (explicit ?? 2)
        var text = header + comment() + "\n"
        for i in 0..<int(1...5) {
            if i > 0, chance(0.2) {
                text += "\n"
                continue
            }
            let extra = (i > 0 || explicit != nil) && chance(0.15) ? int(1...3) : 0
            text += spaces(contentIndent + extra) + words(1...6) + (chance(0.05) ? "\twith tab" : "") + "\n"
        }
        for _ in 0..<int(0...2) { text += "\n" }
        return text
    }

    // MARK: - Pieces

    private mutating func anchorPrefix() -> (text: String, name: String?) {
        guard chance(0.12) else { return ("", nil) }
        let name = "a\(next())"
        return ("&\(name) ", name)
    }

    private mutating func register(_ name: String?) {
        if let name { anchors.append(name) }
    }

    private mutating func comment() -> String {
        chance(0.1) ? " # " + words(1...3) : ""
    }

    private mutating func words(_ count: ClosedRange<Int>) -> String {
        (0..<int(count)).map { _ in pick(Self.vocabulary) }.joined(separator: " ")
    }

    private func spaces(_ n: Int) -> String { String(repeating: " ", count: n) }

    private mutating func next() -> Int {
        serial += 1
        return serial
    }

    private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }

    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
}
