import KlasterYAML

/// Block texts (`|`, `>`) carried through formatting as written: each is replaced by a
/// placeholder for the emitter, and its lines are put back re-indented for their new place.
/// libyaml would re-wrap a folded text onto one line; this keeps the author's line breaks.
struct BlockTexts {
    private struct Block {
        var header: String
        /// Content lines with the common indentation removed; `""` for an empty line.
        var lines: [String]
    }

    private let source: SourceLines
    private let prefix: String
    private var blocks: [Block] = []

    init(source: SourceLines, avoiding text: String) {
        self.source = source
        var prefix = "KLASTERFMTBLOCK"
        while text.contains(prefix) { prefix += "X" }
        self.prefix = prefix
    }

    /// A plain placeholder for a block scalar, or `nil` when it must be written by the emitter
    /// (an explicit indentation indicator, keep chomping).
    mutating func placeholder(for scalar: YAMLScalar) -> String? {
        let start = scalar.span.start
        guard start.line > 0, start.line <= source.count, scalar.span.end.offset <= source.bytes.count else { return nil }
        let first = source.line(start.line)
        guard start.offset >= first.startIndex, start.offset < first.endIndex else { return nil }
        let headerBytes = first[start.offset...].prefix { $0 != 0x20 && $0 != 0x09 && $0 != 0x23 }
        let header = String(decoding: headerBytes, as: UTF8.self)
        guard header.first == "|" || header.first == ">", header.allSatisfy({ "|>-".contains($0) }) else { return nil }
        var content: [String] = []
        var n = start.line + 1
        while n <= source.count, source.starts[n - 1] < scalar.span.end.offset {
            content.append(source.text(n))
            n += 1
        }
        while let last = content.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) { content.removeLast() }
        guard !content.isEmpty else { return nil }
        let indents = content.filter { !$0.allSatisfy { $0 == " " } }.map { $0.prefix { $0 == " " }.count }
        let common = indents.min() ?? 0
        let lines = content.map { $0.count <= common && $0.allSatisfy({ $0 == " " }) ? "" : String($0.dropFirst(common)) }
        blocks.append(Block(header: header, lines: lines))
        return prefix + String(blocks.count - 1)
    }

    /// The lines for an emitted line that holds a placeholder, or `nil` when it holds none.
    func expand(_ line: String) -> [String]? {
        guard let start = Self.find(prefix, in: line) else { return nil }
        let end = line.index(start, offsetBy: prefix.count)
        let digits = line[end...].prefix { $0.isASCII && $0.isNumber }
        guard let index = Int(digits), blocks.indices.contains(index) else { return nil }
        let before = String(line[..<start])
        let after = String(line[digits.endIndex...])
        let block = blocks[index]
        var stripped = Substring(before)
        while true {
            let next = stripped.drop { $0 == " " }
            if next.hasPrefix("- ") { stripped = next.dropFirst(2) } else { stripped = next; break }
        }
        let column = before.count - stripped.count
        let indent = String(repeating: " ", count: stripped.isEmpty ? column : column + 2)
        return [before + block.header + after] + block.lines.map { $0.isEmpty ? "" : indent + $0 }
    }

    private static func find(_ needle: String, in text: String) -> String.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix(needle) { return index }
            index = text.index(after: index)
        }
        return nil
    }
}
