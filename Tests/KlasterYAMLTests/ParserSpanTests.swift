import KlasterYAML
import Testing

/// Spans: byte offsets, lines and columns of every kind of node.
@Suite struct ParserSpanTests {
    let parser = YAMLParser()

    @Test func polishAndEmoji() throws {
        let text = "imię: Zażółć gęślą jaźń\nemoji: \"😀 ok\"\nlista:\n  - ą\n  - 🇵🇱 flaga\n"
        let root = try #require(try parser.parse(text))
        let map = try #require(root.mapping)
        let name = try #require(map["imię"]?.scalar)
        #expect(name.span.start == Mark(offset: 7, line: 1, column: 7))
        #expect(name.span.end == Mark(offset: 7 + "Zażółć gęślą jaźń".utf8.count, line: 1, column: 24))
        #expect(slice(text, name.span) == "Zażółć gęślą jaźń")
        let emoji = try #require(map["emoji"]?.scalar)
        #expect(emoji.value == "😀 ok")
        #expect(slice(text, emoji.span) == "\"😀 ok\"")
        #expect(emoji.span.start.column == 8)
        #expect(emoji.span.end.column == 14)
        let list = try #require(map["lista"]?.sequence)
        #expect(list.items[0].span.start.line == 4)
        #expect(list.items[0].span.start.column == 5)
        #expect(list.items[1].span.end.column == 13)
        #expect(slice(text, list.items[1].span) == "🇵🇱 flaga")
        #expect(slice(text, list.span) == "- ą\n  - 🇵🇱 flaga")
        #expect(inconsistentSpans(in: root, of: Array(text.utf8)).isEmpty)
    }

    @Test func crlfLines() throws {
        let text = "a: 1\r\nb:\r\n  - x\r\n  - ą\r\nc: |\r\n  l1\r\n  l2\r\n"
        let root = try #require(try parser.parse(text))
        let map = try #require(root.mapping)
        #expect(map["a"]?.span == Span(start: Mark(offset: 3, line: 1, column: 4), end: Mark(offset: 4, line: 1, column: 5)))
        #expect(map.entries[1].key.span.start == Mark(offset: 6, line: 2, column: 1))
        let items = try #require(map["b"]?.sequence?.items)
        #expect(items[0].span.start == Mark(offset: 14, line: 3, column: 5))
        #expect(items[1].span == Span(start: Mark(offset: 21, line: 4, column: 5), end: Mark(offset: 23, line: 4, column: 6)))
        let literal = try #require(map["c"]?.scalar)
        #expect(literal.value == "l1\nl2\n")
        #expect(literal.span.start == Mark(offset: 28, line: 5, column: 4))
        #expect(literal.span.end == Mark(offset: 43, line: 8, column: 1))
        #expect(map.span.end == literal.span.end)
        #expect(inconsistentSpans(in: root, of: Array(text.utf8)).isEmpty)
    }

    /// Block scalars of every chomping indicator: the value, and the text the span covers.
    static let blockScalars: [(text: String, value: String, covered: String)] = [
        ("v: |\n  a\n  b\n\n\nw: 1\n", "a\nb\n", "|\n  a\n  b\n"),
        ("v: |-\n  a\n  b\n\n\nw: 1\n", "a\nb", "|-\n  a\n  b\n"),
        ("v: |+\n  a\n  b\n\n\nw: 1\n", "a\nb\n\n\n", "|+\n  a\n  b\n\n\n"),
        ("v: >\n  a\n  b\n\n  c\n\nw: 1\n", "a b\nc\n", ">\n  a\n  b\n\n  c\n"),
        ("v: >-\n  a\n  b\n\n  c\n\nw: 1\n", "a b\nc", ">-\n  a\n  b\n\n  c\n"),
        ("v: >+\n  a\n  b\n\n  c\n\nw: 1\n", "a b\nc\n\n", ">+\n  a\n  b\n\n  c\n\n"),
        ("v: |2\n   a\n  b\nw: 1\n", " a\nb\n", "|2\n   a\n  b\n"),
        ("v: >2-\n   a\n  b\n\nw: 1\n", " a\nb", ">2-\n   a\n  b\n"),
        ("v: |-\n  a\n  b", "a\nb", "|-\n  a\n  b"),
        ("v: |+\n  a\n\n  \n", "a\n\n\n", "|+\n  a\n\n  \n"),
        ("v: |\n  a\n\n# note\nw: 1\n", "a\n", "|\n  a\n"),
        ("v: |-\n  a\n  \n  \nw: 1\n", "a", "|-\n  a\n"),
        ("- |\n  a\n- >-\n  b\n  c\n", "a\n", "|\n  a\n"),
        ("v: |\r\n  a\r\n\r\nw: 1\r\n", "a\n", "|\r\n  a\r\n"),
        // A line of spaces past the indentation is content, blank as it looks.
        ("v: |\n  a\n    \n\nw: 1\n", "a\n  \n", "|\n  a\n    \n"),
        ("v: |+\n  a\n    \n\nw: 1\n", "a\n  \n\n", "|+\n  a\n    \n\n"),
        ("v: |-\n  a\n    \n\nw: 1\n", "a\n  ", "|-\n  a\n    \n"),
        ("v: >\n  a\n    \n\nw: 1\n", "a\n  \n", ">\n  a\n    \n"),
    ]

    @Test(arguments: 0..<blockScalars.count)
    func blockScalar(_ index: Int) throws {
        let sample = Self.blockScalars[index]
        let root = try #require(try parser.parse(sample.text))
        let first = try #require(root.mapping?.entries.first?.value ?? root.sequence?.items.first)
        let scalar = try #require(first.scalar)
        #expect(scalar.value == sample.value)
        #expect(slice(sample.text, scalar.span) == sample.covered)
        #expect(inconsistentSpans(in: root, of: Array(sample.text.utf8)).isEmpty)
    }

    @Test func blockScalarEndsItsCollection() throws {
        let text = "items:\n  - |\n    text\n\n\n# trailing comment\nnext: 1\n"
        let root = try #require(try parser.parse(text))
        let items = try #require(root.mapping?["items"]?.sequence)
        #expect(slice(text, items.span) == "- |\n    text\n")
        #expect(items.span.end == Mark(offset: 22, line: 4, column: 1))
    }

    @Test func flowCollections() throws {
        let text = "a: [1, {b: c}, 'd']\ne: {\n  x: 1,\n  y: [2, 3]\n}\nf: []\n"
        let root = try #require(try parser.parse(text))
        let map = try #require(root.mapping)
        let a = try #require(map["a"]?.sequence)
        #expect(a.style == .flow)
        #expect(slice(text, a.span) == "[1, {b: c}, 'd']")
        #expect(slice(text, a.items[1].span) == "{b: c}")
        #expect(slice(text, a.items[2].span) == "'d'")
        let e = try #require(map["e"]?.mapping)
        #expect(e.style == .flow)
        #expect(slice(text, e.span) == "{\n  x: 1,\n  y: [2, 3]\n}")
        #expect(e.span.end == Mark(offset: 46, line: 5, column: 2))
        #expect(slice(text, try #require(map["f"]).span) == "[]")
        #expect(slice(text, map.span) == String(text.dropLast()))
        #expect(inconsistentSpans(in: root, of: Array(text.utf8)).isEmpty)
    }

    @Test func nestedBlockCollections() throws {
        let text = "root:\n  list:\n    - name: a\n      tags: [x]\n    - name: b\n\n  after: 1\n# end\n"
        let root = try #require(try parser.parse(text))
        let top = try #require(root.mapping)
        let inner = try #require(top["root"]?.mapping)
        let list = try #require(inner["list"]?.sequence)
        #expect(list.style == .block)
        #expect(slice(text, list.span) == "- name: a\n      tags: [x]\n    - name: b")
        #expect(slice(text, list.items[0].span) == "name: a\n      tags: [x]")
        #expect(slice(text, inner.span) == "list:\n    - name: a\n      tags: [x]\n    - name: b\n\n  after: 1")
        #expect(top.span.start == Mark(offset: 0, line: 1, column: 1))
        #expect(top.span.end == inner.span.end)
        #expect(top.span.end.line == 7)
        #expect(inconsistentSpans(in: root, of: Array(text.utf8)).isEmpty)
    }

    @Test func emptyValuesSitAfterTheirIndicator() throws {
        let text = "a:\n\n# gap\nb: 1\nc:\n  - \n  - x\nd:\n"
        let root = try #require(try parser.parse(text))
        let map = try #require(root.mapping)
        #expect(map["a"]?.span.start == Mark(offset: 2, line: 1, column: 3))
        #expect(map["a"]?.isNull == true)
        #expect(map["c"]?.sequence?.items[0].span.start == Mark(offset: 21, line: 6, column: 4))
        #expect(map.span.end == Mark(offset: 31, line: 8, column: 3))
    }

    @Test func anchoredNodeStartsAtItsAnchor() throws {
        let text = "a: &x !!str 1\nb: *x\n"
        let root = try #require(try parser.parse(text))
        let map = try #require(root.mapping)
        #expect(slice(text, try #require(map["a"]).span) == "&x !!str 1")
        // An alias is the anchored node itself, span included; its mapping ends at the alias.
        #expect(map["b"] == map["a"])
        #expect(map.span.end == Mark(offset: 19, line: 2, column: 6))
    }
}

extension ParserSpanTests {
    @Test func endOfFileWithoutLineBreakStaysOnLastLine() throws {
        let text = "a: 1\nb:"
        let root = try #require(try parser.parse(text))
        let map = try #require(root.mapping)
        #expect(map["b"]?.span.start == Mark(offset: 7, line: 2, column: 3))
        #expect(map.span.end == Mark(offset: 7, line: 2, column: 3))
        let error = try #require(rejection("a: 1\nb: [x"))
        #expect(error.mark == Mark(offset: 10, line: 2, column: 6))
    }
}
