import KlasterYAML

/// The whole lines a field takes in a document: from its key (or an element's `-`) to the end of
/// the line its value ends on. Conflict markers go around these lines, so the rest of the file
/// stays as it was.
struct FieldLines {
    /// Byte offsets: the start of the first line, where the field starts on it, and the end of
    /// its last line (after the line break).
    var lineStart: Int
    var start: Int
    var end: Int
    /// What is on the first line before the field: spaces, and `- ` of an enclosing element.
    var prefix: String
    /// The field's text from `start` to `end`.
    var body: String

    var column: Int { start - lineStart }

    /// The lines of the node at `path` in `text` (whose tree is `root`); `nil` when the path
    /// leads nowhere or the field shares a line with something else (a flow collection).
    init?(_ path: YAMLPath, in text: String, root: YAMLNode?) {
        let bytes = Array(text.utf8)
        guard let root else { return nil }
        if path.isRoot {
            self.init(bytes, lineStart: 0, start: 0, end: bytes.count)
            return
        }
        guard let (start, valueEnd) = Self.locate(path, in: root, bytes) else { return nil }
        var lineStart = start
        while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        // Before the field on its line: only indentation and `- ` of enclosing elements.
        var i = lineStart
        while i < start {
            if bytes[i] == UInt8(ascii: " ") {
                i += 1
            } else if bytes[i] == UInt8(ascii: "-") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: " ") {
                i += 2
            } else {
                return nil
            }
        }
        guard i == start else { return nil }
        // After the value on its last line: only spaces and a comment.
        var end = valueEnd
        if end > start && bytes[end - 1] != UInt8(ascii: "\n") {
            var sawComment = false
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") {
                if bytes[end] == UInt8(ascii: "#") { sawComment = true }
                if !sawComment && bytes[end] != UInt8(ascii: " ") && bytes[end] != UInt8(ascii: "\t") && bytes[end] != UInt8(ascii: "\r") {
                    return nil
                }
                end += 1
            }
            if end < bytes.count { end += 1 }
        }
        self.init(bytes, lineStart: lineStart, start: start, end: end)
    }

    private init(_ bytes: [UInt8], lineStart: Int, start: Int, end: Int) {
        self.lineStart = lineStart
        self.start = start
        self.end = end
        prefix = String(decoding: bytes[lineStart..<start], as: UTF8.self)
        body = String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Where the field at `path` starts (its key, or an element's `-`) and where its value ends.
    private static func locate(_ path: YAMLPath, in root: YAMLNode, _ bytes: [UInt8]) -> (Int, Int)? {
        var node = root
        var start = 0
        for component in path.components {
            switch (component, node) {
            case (.key(let key), .mapping(let mapping)):
                guard let entry = mapping.entries.first(where: { $0.keyText == key && !$0.isMerged }) else { return nil }
                start = entry.key.span.start.offset
                node = entry.value
            case (.index(let index), .sequence(let sequence)):
                guard sequence.items.indices.contains(index) else { return nil }
                node = sequence.items[index]
                start = dash(before: node.span.start.offset, bytes) ?? node.span.start.offset
            case (.match(let field, let value), .sequence(let sequence)):
                guard let item = sequence.items.first(where: { $0.mapping?[field]?.scalar?.value == value }) else { return nil }
                node = item
                start = dash(before: node.span.start.offset, bytes) ?? node.span.start.offset
            default:
                return nil
            }
        }
        return (start, max(node.span.end.offset, start))
    }

    /// The offset of the block-sequence `-` that introduces an element starting at `offset`.
    private static func dash(before offset: Int, _ bytes: [UInt8]) -> Int? {
        var i = min(offset, bytes.count) - 1
        while i >= 0, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\n") || bytes[i] == UInt8(ascii: "\r") {
            i -= 1
        }
        return i >= 0 && bytes[i] == UInt8(ascii: "-") ? i : nil
    }

    /// ``body`` moved to start at `column`: the first line as it is (it follows the prefix),
    /// later lines shifted by the difference, blank lines left blank.
    func body(atColumn target: Int) -> String {
        if target == column { return body }
        var out = ""
        var first = true
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if !first { out += "\n" }
            if first || line.allSatisfy({ $0 == " " || $0 == "\r" }) {
                out += line
            } else {
                let lead = line.prefix { $0 == " " }.count
                out += String(repeating: " ", count: target) + line.dropFirst(min(lead, column))
            }
            first = false
        }
        return out
    }
}
