import KlasterYAML
import Testing

@Suite struct ParserTests {
    let parser = YAMLParser()

    @Test func readsMappingWithSpans() throws {
        let text = "name: Śląski Klaster\nkrs: 0000012345\n"
        let root = try #require(try parser.parse(text, file: "a.yaml"))
        let map = try #require(root.mapping)
        #expect(map.entries.map(\.keyText) == ["name", "krs"])
        let krs = try #require(map["krs"]?.scalar)
        #expect(krs.value == "0000012345")
        #expect(krs.span.start == Mark(offset: 28, line: 2, column: 6))
        let name = try #require(map["name"]?.scalar)
        #expect(name.span.end.offset == 6 + "Śląski Klaster".utf8.count)
        #expect(name.span.end.column == 21)
    }
}
