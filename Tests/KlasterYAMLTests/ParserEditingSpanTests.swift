import KlasterYAML
import Testing

/// The spans the editor splices at: where block collections start and end, empty values, aliases.
@Suite struct ParserEditingSpanTests {
    let parser = YAMLParser()

    private func root(_ text: String) throws -> YAMLMapping {
        try #require(try parser.parse(text)?.mapping)
    }

    @Test func emptyValueSitsAfterItsColon() throws {
        let map = try root("a:\n# note\n\nb: 1\nc:\n")
        let a = try #require(map["a"])
        #expect(a.isNull)
        #expect(a.span.start == Mark(offset: 2, line: 1, column: 3))
        #expect(a.span.end == a.span.start)
        let c = try #require(map["c"])
        #expect(c.span.start.offset == "a:\n# note\n\nb: 1\nc:".utf8.count)
        #expect(map.span.end == c.span.end)
    }

    @Test func emptySequenceItemSitsAtItsDash() throws {
        let map = try root("list:\n- \n- b\n")
        let items = try #require(map["list"]?.sequence?.items)
        #expect(items[0].span.start.line == 2)
        #expect(items[0].span.end.offset <= 9)
    }

    @Test func blockCollectionEndingInAnAliasEndsAtTheAlias() throws {
        let text = "base: &b {x: 1}\nlist:\n- x\n- *b\nmap:\n  k: *b\n"
        let map = try root(text)
        let list = try #require(map["list"]?.sequence)
        #expect(list.span.end.offset == "base: &b {x: 1}\nlist:\n- x\n- *b".utf8.count)
        let inner = try #require(map["map"]?.mapping)
        #expect(inner.span.end.offset == text.utf8.count - 1)
        #expect(map.span.end == inner.span.end)
    }

    @Test func blockCollectionsStartAtTheirFirstIndicator() throws {
        let map = try root("a:\n  - x\nb:\n- y\nc:\n  - name: n\n    since: 1\n")
        #expect(try #require(map["a"]).span.start == Mark(offset: 5, line: 2, column: 3))
        #expect(try #require(map["b"]).span.start.column == 1)
        let item = try #require(map["c"]?.sequence?.items.first)
        #expect(item.span.start.column == 5)
        #expect(item.span.end.offset == "a:\n  - x\nb:\n- y\nc:\n  - name: n\n    since: 1".utf8.count)
    }

    @Test func keptBlockScalarOfBlankLinesEndsAfterThem() throws {
        let text = "a: |2+\n\n\nb: 1\n"
        let a = try #require(try root(text)["a"])
        #expect(a.scalar?.value == "\n\n")
        #expect(a.span.end == Mark(offset: "a: |2+\n\n\n".utf8.count, line: 4, column: 1))
        let kept = try #require(try root("a: |+\n  x\n\n\nb: 1\n")["a"])
        #expect(kept.span.end.offset == "a: |+\n  x\n\n\n".utf8.count)
    }

    @Test func blockScalarEndsAfterItsLastLine() throws {
        let text = "a: |\n  x\n  y\n\n# c\nb: 1\n"
        let a = try #require(try root(text)["a"])
        #expect(a.span.end == Mark(offset: "a: |\n  x\n  y\n".utf8.count, line: 4, column: 1))
    }
}
