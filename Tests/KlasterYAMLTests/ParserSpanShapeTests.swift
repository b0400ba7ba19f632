import KlasterYAML
import Testing

/// On every document of the differential corpus, each node's span covers text of its kind: a
/// one-line plain scalar exactly its value, a quoted one its quotes, a block scalar its header,
/// a flow collection its brackets, a block collection its first to its last child.
@Suite struct ParserSpanShapeTests {
    @Test func spansCoverTheirNodes() throws {
        var checked = 0
        for (name, text) in try ParserDifferentialTests.corpus() {
            guard let root = try YAMLParser().parse(text, file: name) else { continue }
            let bytes = Array(text.utf8)
            var problems: [String] = []
            visit(root, bytes: bytes, problems: &problems, checked: &checked)
            #expect(problems.isEmpty, "\(name): \(problems.prefix(3))\n\(text)")
        }
        #expect(checked > 5000)
    }

    /// The text of `span` without the node properties (`&anchor`, `!tag`) and comments in front,
    /// by Unicode scalars (so that CR LF is two).
    func content(_ bytes: [UInt8], _ span: Span) -> String.UnicodeScalarView.SubSequence {
        let all = String(decoding: bytes[span.start.offset..<span.end.offset], as: UTF8.self).unicodeScalars
        var text = all[...]
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\r" || c == "\t" }
        while let first = text.first, first == "&" || first == "!" {
            text = text.drop { !isSpace($0) }.drop(while: isSpace)
            while text.first == "#" { text = text.drop { $0 != "\n" }.drop(while: isSpace) }
        }
        return text
    }

    /// How many lines of only spaces, tabs and CRs end `text` (a last line without a break
    /// counted when it is one).
    func blankLinesAtEnd(_ text: String.UnicodeScalarView.SubSequence) -> Int {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.last == "\n" { lines.removeLast() }
        return lines.reversed().prefix { $0.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }.count
    }

    func visit(_ node: YAMLNode, bytes: [UInt8], problems: inout [String], checked: inout Int) {
        checked += 1
        let text = content(bytes, node.span)
        let at = "\(node.span)"
        switch node {
        case .scalar(let s):
            switch s.style {
            case .plain where !s.value.unicodeScalars.contains("\n") && !text.contains("\n"):
                if String(text) != s.value { problems.append("\(at): plain \(s.value.debugDescription) covers \(String(text).debugDescription)") }
            case .singleQuoted, .doubleQuoted:
                let quote: Unicode.Scalar = s.style == .singleQuoted ? "'" : "\""
                if text.first != quote || text.last != quote || text.count < 2 {
                    problems.append("\(at): quoted \(s.value.debugDescription) covers \(String(text).debugDescription)")
                }
            case .literal, .folded:
                let header: Unicode.Scalar = s.style == .literal ? "|" : ">"
                if text.first != header || (node.span.end.offset < bytes.count && text.last != "\n")
                    || blankLinesAtEnd(text.dropFirst()) > blankLinesAtEnd(s.value.unicodeScalars[...])
                {
                    problems.append("\(at): block scalar \(s.value.debugDescription) covers \(String(text).debugDescription)")
                }
            case .plain:
                break
            }
        case .sequence(let seq):
            if seq.style == .flow, text.first != "[" || text.last != "]" {
                problems.append("\(at): flow sequence covers \(String(text).debugDescription)")
            }
            if seq.style == .block, text.first != "-" {
                problems.append("\(at): block sequence covers \(String(text).debugDescription)")
            }
            for item in seq.items { visit(item, bytes: bytes, problems: &problems, checked: &checked) }
        case .mapping(let map):
            // A single pair in a flow sequence (`[a: 1]`) is a flow mapping without braces.
            if map.style == .flow, text.first != "{" || text.last != "}", map.entries.count != 1 {
                problems.append("\(at): flow mapping covers \(String(text).debugDescription)")
            }
            if map.style == .block, let first = map.entries.first, !first.isMerged, first.key.span.start.offset < node.span.start.offset {
                problems.append("\(at): block mapping starts after its first key")
            }
            for entry in map.entries {
                visit(entry.key, bytes: bytes, problems: &problems, checked: &checked)
                visit(entry.value, bytes: bytes, problems: &problems, checked: &checked)
            }
        }
    }
}
